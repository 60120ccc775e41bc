/**
 * Demo mode's AI agent: takes the hand-back, "completes" the task after a short pause like a voice
 * agent would, and reports back. Tasks outside its repertoire fail, so the failure path is visible too.
 */
import type { HandBackMessage } from '../../../shared/handBack';
import type { Clock } from '../ports';
import type { HandBackDelivery, HandBackTransport } from './handBackTransport';

const COMPLETION_MS = 1_500;

export class DemoHandBackTransport implements HandBackTransport {
  readonly name = 'demo';

  constructor(
    private readonly clock: Clock,
    private readonly knownTasks: readonly string[],
  ) {}

  deliver(message: HandBackMessage): Promise<HandBackDelivery> {
    return new Promise((resolve) => {
      this.clock.setTimeout(() => {
        const completed = this.knownTasks.includes(message.task);
        resolve({
          state: 'delivered',
          attempts: 1,
          receiverStatus: completed ? 'completed' : 'failed',
          detail: completed
            ? `The assistant completed: ${message.task.replace(/_/g, ' ')}.`
            : `The assistant could not do "${message.task}".`,
        });
      }, COMPLETION_MS);
    });
  }
}
