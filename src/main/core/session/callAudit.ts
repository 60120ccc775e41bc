/** The call's audit log (verification stated by the agent, every hand-back outcome), written through the queue. */
import type { Clock } from '../ports';
import type { AsyncStore } from '../store/storeClient';
import type { StoreWriteQueue } from './storeWriteQueue';

export class CallAudit {
  constructor(
    private readonly store: AsyncStore,
    private readonly clock: Clock,
    private readonly writes: StoreWriteQueue,
  ) {}

  record(callId: string, kind: string, detail: Record<string, unknown>): void {
    void this.writes.persist(() => this.store.appendAudit({ callId, at: this.clock.now(), kind, detail }));
  }
}
