/**
 * What only a live desk (a TaskRouter worker with live transcription) does: availability, Voice tokens,
 * the line's audio, the phone line's record and the transcription streams' states.
 */
import type { TranscriptionStream, VoiceLeg } from '../../../shared/callSchemas';
import type { TelephonyStatusView, VoiceToken } from '../../../shared/ipc/deskContract';
import { DeskError } from '../../../shared/ipc/envelope';
import type { DeskContext } from './deskContext';
import type { LiveControl } from './deskService';
import { buildPostCallRecord } from './postCallRecordBuilder';

export class LiveLine {
  constructor(private readonly desk: DeskContext) {}

  async setAvailability(availability: 'Available' | 'Busy' | 'Offline'): Promise<TelephonyStatusView> {
    const live = this.require();
    await live.setAvailability(availability);
    return live.status();
  }

  voiceToken(): Promise<VoiceToken> {
    return this.require().voiceToken();
  }

  /** Audio only counts for the call in progress; a late chunk after hang-up is dropped, not an error. */
  pushAudio(callId: string, speaker: 'agent' | 'customer', audioBase64: string): Record<string, never> {
    const live = this.require();
    if (this.desk.current.get(callId)?.view.phase === 'active') live.pushAudio(callId, speaker, Buffer.from(audioBase64, 'base64'));
    return {};
  }

  /**
   * The phone line of the current call, as the renderer's Voice client saw it. It keeps reporting after the
   * desk call ended (the line's own end comes a moment later), so an ended call's record is written again.
   */
  async recordVoiceLeg(callId: string, leg: VoiceLeg): Promise<Record<string, never>> {
    this.require();
    const { current, options, writes } = this.desk;
    const call = current.get(callId);
    if (!call) throw new DeskError('not_found', `Call ${callId} is not the current call.`);
    if (call.view.phase === 'ringing') throw new DeskError('wrong_state', 'The call has not been answered yet.');
    if (call.view.voice && call.view.voice.callSid !== leg.callSid) {
      throw new DeskError('wrong_state', `Call ${callId} already has its phone line (${call.view.voice.callSid}).`);
    }
    current.update(call, { voice: leg });
    if (call.view.phase !== 'active') {
      await writes.persist(() => options.store.saveCallRecord(buildPostCallRecord(call.view, call.turns, call.pack.summary)));
      options.emit('historyChanged', {});
    }
    return {};
  }

  /** A transcription stream of the current call changed state: a speaker's replaces its own, a call-wide one all. */
  transcriptionChanged(callId: string, stream: TranscriptionStream): void {
    const call = this.desk.current.get(callId);
    if (call?.view.phase !== 'active') return;
    const { speaker, state, message } = stream;
    const known = call.view.transcription ?? [];
    const transcription = speaker
      ? [...known.filter((other) => other.speaker && other.speaker !== speaker), { speaker, state, message }]
      : [{ state, message }];
    this.desk.current.update(call, { transcription });
  }

  /** When the agent picked up a call: the origin of its live transcript's clock. */
  acceptedAt(callId: string): number | undefined {
    return this.desk.current.get(callId)?.view.acceptedAt;
  }

  private require(): LiveControl {
    if (!this.desk.options.live) throw new DeskError('wrong_state', 'This desk is in demo mode: there is no live telephony.');
    return this.desk.options.live;
  }
}
