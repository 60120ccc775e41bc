/**
 * Why the call store could not be opened, said for the agent (or IT) without a stack trace. `causeName`
 * is the typed code; the message is the words. Nothing is ever deleted or overwritten on the way here.
 */
export type StoreOpenProblem = 'wrong_key' | 'damaged' | 'key_missing' | 'key_damaged' | 'unavailable' | (string & {});

export class StoreOpenError extends Error {
  constructor(
    message: string,
    readonly causeName: StoreOpenProblem,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}
