/**
 * The desk's one call and its lifecycle. The call moves only through the state machine in
 * src/shared/callLifecycle.ts: a new call takes the desk only by `ring`, which the machine refuses while
 * a call rings or is active, so two calls can never hold the desk at once, whoever offers them.
 */
import type { CallPhase, CallView, TranscriptTurn } from '../../../shared/callSchemas';
import {
  phaseRequiredFor,
  transition,
  type CallLifecycleEvent,
  type CallLifecycleState,
  type CallTransition,
} from '../../../shared/callLifecycle';
import { DeskError } from '../../../shared/ipc/envelope';
import type { LoadedPack } from '../pack/packInUse';
import type { AssistSession } from '../ports';
import type { AsyncStore } from '../store/storeClient';
import type { DeskEmitter } from './deskContext';
import type { StoreWriteQueue } from './storeWriteQueue';

/** The call on the desk, with what only the desk keeps of it. */
export interface DeskCall {
  view: CallView;
  /** The domain pack the call rang with. */
  pack: LoadedPack;
  turns: TranscriptTurn[];
  assist: AssistSession;
  packageReceivedAt: number;
  stopTranscript?: () => void;
  firstAgentTurnAt?: number;
}

export class CurrentCall {
  private call?: DeskCall;

  constructor(
    private readonly store: AsyncStore,
    private readonly writes: StoreWriteQueue,
    private readonly emit: DeskEmitter,
  ) {}

  get state(): CallLifecycleState {
    return this.call?.view.phase ?? 'idle';
  }

  /** The call on the desk, ringing, active or finished (kept for its wrap-up). */
  get value(): DeskCall | undefined {
    return this.call;
  }

  /** The call on the desk if it is this one. */
  get(callId: string): DeskCall | undefined {
    return this.call?.view.callId === callId ? this.call : undefined;
  }

  /**
   * A call is offered: it takes the desk only if the machine allows `ring` (no call ringing or active).
   * `build` runs only then, so a refused offer starts nothing (no intake, no assist session).
   */
  ring(build: () => DeskCall): CallTransition {
    const step = transition(this.state, 'ring');
    if (!step.ok) return step;
    const call = build();
    if (call.view.phase !== step.to) throw new Error(`A call rings as ${step.to}, not ${call.view.phase}`);
    this.call = call;
    this.emit('callChanged', call.view);
    void this.writes.persist(() => this.store.saveCall(call.view));
    return step;
  }

  /** The current call, for an agent's event on it; refused in the words the renderer has always shown. */
  requireFor(callId: string, event: 'accept' | 'decline' | 'hang_up'): DeskCall {
    return this.require(callId, phaseRequiredFor(event));
  }

  /** The current call in this phase (not a transition: verification, hand-back). */
  require(callId: string, phase: CallPhase): DeskCall {
    const call = this.call;
    if (!call || call.view.callId !== callId) throw new DeskError('not_found', `Call ${callId} is not the current call.`);
    if (call.view.phase !== phase) throw new DeskError('wrong_state', `The call is ${call.view.phase}, not ${phase}.`);
    return call;
  }

  /** Moves the call by an event, with the rest of the change; a refused event changes nothing. */
  move(call: DeskCall, event: CallLifecycleEvent, patch: (to: CallPhase) => Partial<CallView>): CallTransition {
    const step = transition(call.view.phase, event);
    if (step.ok) this.write(call, { ...patch(step.to), phase: step.to });
    return step;
  }

  /** Changes anything but the phase (the phase moves only through `move`). */
  update(call: DeskCall, patch: Partial<Omit<CallView, 'phase'>> & { phase?: never }): void {
    this.write(call, patch);
  }

  private write(call: DeskCall, patch: Partial<CallView>): void {
    call.view = { ...call.view, ...patch, revision: (call.view.revision ?? 0) + 1 };
    // A ringing call is written once when it rings; what changes while it rings is kept on the desk.
    if (call.view.phase !== 'ringing') void this.writes.persist(() => this.store.saveCall(call.view));
    if (this.call === call) this.emit('callChanged', call.view);
  }
}
