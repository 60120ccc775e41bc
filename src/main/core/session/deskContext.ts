/**
 * What the desk's services share: the options the desk was built with, the current call (and its
 * lifecycle), the store write queue and the audit log. Built once by DeskService.
 */
import type { DeskEventName, DeskEventPayload } from '../../../shared/ipc/deskContract';
import type { DeskServiceOptions } from './deskService';
import type { CurrentCall } from './currentCall';
import type { StoreWriteQueue } from './storeWriteQueue';
import type { CallAudit } from './callAudit';

export type DeskEmitter = <E extends DeskEventName>(event: E, payload: DeskEventPayload<E>) => void;

export interface DeskContext {
  options: DeskServiceOptions;
  current: CurrentCall;
  writes: StoreWriteQueue;
  audit: CallAudit;
}
