/** The hand-back port: how a confirmed hand-back reaches the AI agent (demo simulator or HTTPS). */
import type { HandBackMessage } from '../../../shared/handBack';

export interface HandBackDelivery {
  state: 'delivered' | 'failed';
  attempts: number;
  detail: string;
  /** What the receiver said about the task itself, when it says (queued/completed/failed). */
  receiverStatus?: string;
}

export interface HandBackTransport {
  readonly name: 'demo' | 'http';
  deliver(message: HandBackMessage): Promise<HandBackDelivery>;
}
