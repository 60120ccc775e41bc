/**
 * The desk's store writes, chained so they land in the order they happened. A failed write is reported
 * to the agent (an error notice) and kept in `errors`; it never breaks the call in progress.
 */
import type { DeskEmitter } from './deskContext';

export type WriteOutcome = { ok: true } | { ok: false; message: string };

export class StoreWriteQueue {
  private writes: Promise<unknown> = Promise.resolve();
  private readonly failures: string[] = [];

  constructor(private readonly emit: DeskEmitter) {}

  /** Queues a write; the answer says whether it was committed. */
  persist(write: () => Promise<void>): Promise<WriteOutcome> {
    const next = this.writes.then(write).then(
      () => ({ ok: true as const }),
      (error: Error) => {
        const message = `Could not save to the encrypted store: ${error.message}`;
        this.failures.push(message);
        this.emit('notice', { level: 'error', message });
        return { ok: false as const, message: error.message };
      },
    );
    this.writes = next;
    return next;
  }

  /** Resolves once every write queued so far has landed (or failed): reads after it see them. */
  async settled(): Promise<void> {
    await this.writes;
  }

  get errors(): readonly string[] {
    return this.failures;
  }
}
