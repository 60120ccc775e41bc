/**
 * The single entry point for requests from the renderer (Electron IPC or the web harness): checks the
 * method exists, validates the input against the contract, calls the desk, and answers with an envelope.
 */
import { ZodError } from 'zod';
import { deskMethods, type DeskMethodName } from '../../shared/ipc/deskContract';
import { DeskError, type Envelope } from '../../shared/ipc/envelope';
import type { DeskService } from './session/deskService';

type Handlers = { [M in DeskMethodName]: (input: never) => unknown };

export type DeskRequestHandler = (method: string, input: unknown) => Promise<Envelope<unknown>>;

export function createDeskRequestHandler(desk: DeskService, log: (message: string) => void = () => {}): DeskRequestHandler {
  const handlers: Handlers = {
    getSnapshot: () => desk.getSnapshot(),
    acceptCall: ({ callId }: { callId: string }) => desk.acceptCall(callId),
    declineCall: ({ callId }: { callId: string }) => desk.declineCall(callId),
    hangUp: ({ callId }: { callId: string }) => desk.hangUp(callId),
    saveNotes: ({ callId, text }: { callId: string; text: string }) => desk.saveNotes(callId, text),
    getTranscript: ({ callId }: { callId: string }) => desk.getTranscript(callId),
    listHistory: ({ limit }: { limit: number }) => desk.listHistory(limit),
    getStoredCall: ({ callId }: { callId: string }) => desk.getStoredCall(callId),
    ringDemoCall: () => desk.ringDemoCall(),
    ringScenarioText: ({ fileName, text }: { fileName: string; text: string }) => desk.ringScenarioText(fileName, text),
    updateSettings: (patch: Parameters<DeskService['updateSettings']>[0]) => desk.updateSettings(patch),
    setOpenAiApiKey: ({ apiKey }: { apiKey: string }) => desk.setOpenAiApiKey(apiKey),
    reportRendered: ({ callId, renderedAt }: { callId: string; renderedAt: number }) => desk.reportRendered(callId, renderedAt),
    prepareHandBack: ({ callId, task }: { callId: string; task?: string }) => desk.prepareHandBack(callId, task),
    confirmHandBack: (confirmation: Parameters<DeskService['confirmHandBack']>[0]) => desk.confirmHandBack(confirmation),
    verifyCaller: ({ callId, method }: { callId: string; method: string }) => desk.verifyCaller(callId, method),
    saveWrapUp: ({ callId, wrapUp }: { callId: string; wrapUp: Parameters<DeskService['saveWrapUp']>[1] }) => desk.saveWrapUp(callId, wrapUp),
    getMetrics: (filter: Parameters<DeskService['getMetrics']>[0]) => desk.getMetrics(filter),
    exportCallRecordsCsv: (filter: Parameters<DeskService['exportCallRecordsCsv']>[0]) => desk.exportCallRecordsCsv(filter),
    setAvailability: ({ availability }: { availability: 'Available' | 'Busy' | 'Offline' }) => desk.setAvailability(availability),
    getVoiceToken: () => desk.getVoiceToken(),
    pushCallAudio: ({ callId, speaker, audioBase64 }: { callId: string; speaker: 'agent' | 'customer'; audioBase64: string }) =>
      desk.pushCallAudio(callId, speaker, audioBase64),
    recordVoiceLeg: ({ callId, leg }: { callId: string; leg: Parameters<DeskService['recordVoiceLeg']>[1] }) => desk.recordVoiceLeg(callId, leg),
  };

  return async (method, input) => {
    if (!Object.hasOwn(deskMethods, method)) return failure('invalid_input', `Unknown method ${JSON.stringify(method).slice(0, 80)}.`);
    const name = method as DeskMethodName;
    const parsed = deskMethods[name].input.safeParse(input ?? {});
    if (!parsed.success) return failure('invalid_input', describeZodError(parsed.error));
    try {
      const value = await (handlers[name] as (input: unknown) => unknown)(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DeskError) return failure(error.code, error.message);
      if (error instanceof ZodError) return failure('invalid_input', describeZodError(error));
      log(`${name} failed: ${(error as Error).stack ?? String(error)}`);
      return failure('internal', `Something went wrong in ${name}: ${(error as Error).message}`);
    }
  };
}

function failure(code: DeskError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
    .join('; ');
}
