/** Calls as the store has them (history list, a stored call, its transcript), read after the writes queued so far. */
import type { HistoryItem, StoredCall, TranscriptTurn } from '../../../shared/callSchemas';
import { DeskError } from '../../../shared/ipc/envelope';
import type { DeskContext } from './deskContext';

export class CallHistory {
  constructor(private readonly desk: DeskContext) {}

  async list(limit: number): Promise<HistoryItem[]> {
    await this.desk.writes.settled();
    return this.desk.options.store.listHistory(limit);
  }

  async getStoredCall(callId: string): Promise<StoredCall> {
    await this.desk.writes.settled();
    const stored = await this.desk.options.store.getStoredCall(callId);
    if (!stored) throw new DeskError('not_found', `No stored call ${callId}.`);
    return stored;
  }

  /** The call on the desk answers from memory; any other from the store. */
  transcript(callId: string): TranscriptTurn[] | Promise<TranscriptTurn[]> {
    const call = this.desk.current.get(callId);
    if (call) return [...call.turns];
    return this.getStoredCall(callId).then((stored) => stored.turns);
  }
}
