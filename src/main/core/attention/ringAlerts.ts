/**
 * The shell's part of announcing a call (an OS notification that accepts on click, the taskbar flash,
 * the badge): raised once when a call starts ringing and cleared when it stops, whatever stopped it
 * (accepted here or from the notification, declined, timed out, cancelled by TaskRouter). It follows the
 * desk's own callChanged events, so every way a ring ends clears it without the renderer's help.
 */
import type { CallView } from '../../../shared/callSchemas';
import { ringAlertOf, type RingAlert } from '../../../shared/ringAnnouncement';

/** What the shell does; the Electron adapter is src/main/electron/shellRingAlert.ts. */
export interface RingAlertPort {
  show(alert: RingAlert): void;
  clear(callId: string): void;
}

export class RingAlerts {
  private shown: string | null = null;

  constructor(private readonly port: RingAlertPort) {}

  /** Every callChanged view (they come on each assist update too: a ring is raised once per call). */
  onCallChanged(view: CallView | null): void {
    const alert = ringAlertOf(view);
    if (alert && alert.callId === this.shown) return;
    if (this.shown !== null) {
      this.port.clear(this.shown);
      this.shown = null;
    }
    if (alert) {
      this.port.show(alert);
      this.shown = alert.callId;
    }
  }
}
