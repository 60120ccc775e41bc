/**
 * Tells the main process when a ringing call's package is on screen, once per call, so it can
 * measure package → render. Measured in the frame after the card is in the DOM, not at React commit.
 */
import { useLayoutEffect } from 'react';
import type { DeskClient } from './deskClient';

const reported = new Set<string>();

export function useReportRendered(client: DeskClient, callId: string): void {
  useLayoutEffect(() => {
    if (reported.has(callId)) return;
    const frame = requestAnimationFrame(() => {
      if (reported.has(callId)) return;
      reported.add(callId);
      void client.call('reportRendered', { callId, renderedAt: Date.now() });
    });
    return () => cancelAnimationFrame(frame);
  }, [client, callId]);
}
