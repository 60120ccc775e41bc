/**
 * Run-time checks of what the main process sends the renderer against the contract (deskContract.ts):
 * request outputs and events. Inputs are always parsed (deskRequestHandler.ts); outputs and events are
 * typed from the same schemas, and checked here in tests and development builds, where a value that
 * does not match is a bug in the desk and should stop the test loudly, naming the channel.
 */
import type { ZodError } from 'zod';
import {
  deskEvents,
  deskMethods,
  type DeskEventName,
  type DeskEventPayload,
  type DeskMethodName,
  type DeskOutput,
} from '../../shared/ipc/deskContract';

export type ContractDirection = 'output' | 'event';

export class ContractViolationError extends Error {
  constructor(
    /** The method (for an output) or event name whose schema the value broke. */
    readonly channel: string,
    readonly direction: ContractDirection,
    readonly issues: string,
  ) {
    super(
      `The ${direction === 'output' ? 'output of request' : 'payload of event'} "${channel}" does not match its schema in deskContract.ts: ${issues}`,
    );
    this.name = 'ContractViolationError';
  }
}

/**
 * On in tests and development (NODE_ENV other than production), off in production; the environment
 * variable WHISPER_DESK_CONTRACT_CHECKS=1 or =0 decides either way. The Electron shell passes
 * `!app.isPackaged` instead, since a packaged app's NODE_ENV is usually unset.
 */
export function contractChecksEnabled(env: Record<string, string | undefined> = process.env): boolean {
  if (env.WHISPER_DESK_CONTRACT_CHECKS === '1') return true;
  if (env.WHISPER_DESK_CONTRACT_CHECKS === '0') return false;
  return env.NODE_ENV !== 'production';
}

/** The value, if it matches the method's output schema; a ContractViolationError naming the method if not. */
export function checkDeskOutput<M extends DeskMethodName>(method: M, value: DeskOutput<M>): DeskOutput<M> {
  const parsed = deskMethods[method].output.safeParse(value);
  if (!parsed.success) throw new ContractViolationError(method, 'output', describeZodError(parsed.error));
  return value;
}

export function checkDeskEvent<E extends DeskEventName>(event: E, payload: DeskEventPayload<E>): void {
  const parsed = deskEvents[event].safeParse(payload);
  if (!parsed.success) throw new ContractViolationError(event, 'event', describeZodError(parsed.error));
}

type Emitter = <E extends DeskEventName>(event: E, payload: DeskEventPayload<E>) => void;

/** An emitter that checks each payload first and throws, sending nothing, when it breaks the event's schema. */
export function checkedDeskEmitter(emit: Emitter): Emitter {
  return (event, payload) => {
    checkDeskEvent(event, payload);
    emit(event, payload);
  };
}

/** The first few problems, each with its path, for a message a person can read. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
    .join('; ');
}
