/** The agent's notes: masked like turns, kept on the desk first, answered "saved" only from the committed write. */
import { DeskError } from '../../../shared/ipc/envelope';
import { redactTurnText } from '../privacy/piiRedactor';
import type { DeskContext } from './deskContext';

export class CallNotes {
  constructor(private readonly desk: DeskContext) {}

  async save(callId: string, typed: string): Promise<{ savedAt: number; text: string; masked: number }> {
    const { current, options, writes } = this.desk;
    const savedAt = options.clock.now();
    // Notes are masked like turns (a card number typed from memory); the agent is told and sees the result.
    const redacted = redactTurnText(typed);
    const text = redacted.text;
    const call = current.get(callId);
    // The text is kept on the desk first, so a failed write loses nothing and the renderer's retry lands it.
    // (Not through update: the notes' own write below is what saves them.)
    if (call) call.view = { ...call.view, notes: text };
    else if (!(await options.store.getStoredCall(callId))) {
      throw new DeskError('not_found', `No call ${callId} to attach notes to.`);
    }
    // The answer comes from the committed write: "saved" only once SQLite said so.
    const committed = await writes.persist(() => options.store.saveNotes(callId, text, savedAt));
    if (!committed.ok)
      throw new DeskError('storage', `Your notes are not saved yet (${committed.message}); they are kept and will be saved again.`);
    if (call && call.view.notes === text) call.view = { ...call.view, notesSavedAt: savedAt };
    return { savedAt, text, masked: redacted.redactions.length };
  }
}
