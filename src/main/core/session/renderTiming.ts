/** package→render: measured once per call, from the moment the package arrived to the renderer's report. */
import type { DeskContext } from './deskContext';

export class RenderTiming {
  constructor(private readonly desk: DeskContext) {}

  reportRendered(callId: string, renderedAt: number): Record<string, never> {
    const call = this.desk.current.get(callId);
    if (call && call.view.timings.packageToRenderMs === undefined) {
      this.desk.current.update(call, {
        timings: { ...call.view.timings, packageToRenderMs: Math.max(0, renderedAt - call.packageReceivedAt) },
      });
    }
    return {};
  }
}
