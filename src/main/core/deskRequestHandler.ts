/**
 * The single entry point for requests from the renderer (Electron IPC or the web harness): checks the
 * method exists, validates the input against the contract, calls the desk, and answers with an envelope.
 * Each handler's input and output types come from the method's schemas in the contract, so a handler
 * that takes or returns the wrong shape fails the typecheck; with `checkOutputs` the output is also
 * parsed at run time (tests, development builds).
 */
import { ZodError, type z } from 'zod';
import { deskMethods, type DeskMethodName, type DeskMethods, type DeskOutput } from '../../shared/ipc/deskContract';
import { DeskError, type Envelope } from '../../shared/ipc/envelope';
import { checkDeskOutput, contractChecksEnabled, describeZodError } from './deskContractChecks';
import type { DeskService } from './session/deskService';

/** What a handler receives: the input after its schema parsed it (defaults applied, strings trimmed). */
export type DeskHandlerInput<M extends DeskMethodName> = z.output<DeskMethods[M]['input']>;
export type DeskHandler<M extends DeskMethodName> = (input: DeskHandlerInput<M>) => DeskOutput<M> | Promise<DeskOutput<M>>;
export type DeskHandlers = { [M in DeskMethodName]: DeskHandler<M> };

export type DeskRequestHandler = (method: string, input: unknown) => Promise<Envelope<unknown>>;

export interface DeskRequestHandlerOptions {
  log?: (message: string) => void;
  /**
   * Parse every output with its schema and throw a ContractViolationError naming the method when it
   * does not match (a bug in the desk, not an answer for the renderer). Default: contractChecksEnabled().
   */
  checkOutputs?: boolean;
}

export function deskHandlers(desk: DeskService): DeskHandlers {
  return {
    getSnapshot: () => desk.getSnapshot(),
    acceptCall: ({ callId }) => desk.acceptCall(callId),
    declineCall: ({ callId }) => desk.declineCall(callId),
    hangUp: ({ callId }) => desk.hangUp(callId),
    saveNotes: ({ callId, text }) => desk.saveNotes(callId, text),
    getTranscript: ({ callId }) => desk.getTranscript(callId),
    listHistory: ({ limit }) => desk.listHistory(limit),
    getStoredCall: ({ callId }) => desk.getStoredCall(callId),
    ringDemoCall: () => desk.ringDemoCall(),
    ringScenarioText: ({ fileName, text }) => desk.ringScenarioText(fileName, text),
    updateSettings: (patch) => desk.updateSettings(patch),
    setOpenAiApiKey: ({ apiKey }) => desk.setOpenAiApiKey(apiKey),
    reportRendered: ({ callId, renderedAt }) => desk.reportRendered(callId, renderedAt),
    prepareHandBack: ({ callId, task }) => desk.prepareHandBack(callId, task),
    confirmHandBack: (confirmation) => desk.confirmHandBack(confirmation),
    verifyCaller: ({ callId, method }) => desk.verifyCaller(callId, method),
    saveWrapUp: ({ callId, wrapUp }) => desk.saveWrapUp(callId, wrapUp),
    getMetrics: (filter) => desk.getMetrics(filter),
    exportCallRecordsCsv: (filter) => desk.exportCallRecordsCsv(filter),
    setAvailability: ({ availability }) => desk.setAvailability(availability),
    getVoiceToken: () => desk.getVoiceToken(),
    pushCallAudio: ({ callId, speaker, audioBase64 }) => desk.pushCallAudio(callId, speaker, audioBase64),
    recordVoiceLeg: ({ callId, leg }) => desk.recordVoiceLeg(callId, leg),
  };
}

export function createDeskRequestHandler(desk: DeskService, options: DeskRequestHandlerOptions = {}): DeskRequestHandler {
  return serveDeskHandlers(deskHandlers(desk), options);
}

/** The envelope-answering entry point over any set of handlers (the desk's, or a test's). */
export function serveDeskHandlers(handlers: DeskHandlers, options: DeskRequestHandlerOptions = {}): DeskRequestHandler {
  const log = options.log ?? (() => {});
  const checkOutputs = options.checkOutputs ?? contractChecksEnabled();

  return async (method, input) => {
    if (!Object.hasOwn(deskMethods, method)) return failure('invalid_input', `Unknown method ${JSON.stringify(method).slice(0, 80)}.`);
    const name = method as DeskMethodName;
    const parsed = deskMethods[name].input.safeParse(input ?? {});
    if (!parsed.success) return failure('invalid_input', describeZodError(parsed.error));
    let value: DeskOutput<DeskMethodName>;
    try {
      value = await (handlers[name] as (input: unknown) => DeskOutput<DeskMethodName>)(parsed.data);
    } catch (error) {
      if (error instanceof DeskError) return failure(error.code, error.message);
      if (error instanceof ZodError) return failure('invalid_input', describeZodError(error));
      log(`${name} failed: ${(error as Error).stack ?? String(error)}`);
      return failure('internal', `Something went wrong in ${name}: ${(error as Error).message}`);
    }
    // Outside the catch: a broken contract is not an answer for the renderer but a failure of the desk.
    return { ok: true, value: checkOutputs ? checkDeskOutput(name, value) : value };
  };
}

function failure(code: DeskError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
