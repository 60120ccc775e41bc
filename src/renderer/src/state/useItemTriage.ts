/**
 * What the agent did with the assist panel's items during one call: dismissed (gone for the rest of the
 * call, even when the assistant offers the item again) or pinned (kept at the top, newest pin first,
 * even after the assistant stops offering it). Renderer state only, keyed by call and item id.
 */
import { useCallback, useMemo, useState } from 'react';

interface Triage<Snapshot> {
  callId: string;
  dismissed: ReadonlySet<string>;
  /** Newest first; the snapshot is the item as it was when pinned, shown if it drops out of the state. */
  pinned: ReadonlyArray<{ id: string; snapshot: Snapshot }>;
}

export interface Arranged<T> {
  id: string;
  item: T;
  pinned: boolean;
  /** Pinned, but no longer in the assistant's current state: shown as it was. */
  stale: boolean;
}

export interface ItemTriage<Snapshot> {
  dismissedCount: number;
  isPinned(id: string): boolean;
  dismiss(id: string): void;
  togglePin(id: string, snapshot: Snapshot): void;
  restoreDismissed(): void;
  /** The items minus the dismissed ones, pinned first; `fromSnapshot` recovers a pinned item that is gone. */
  arrange<T>(items: readonly T[], idOf: (item: T) => string, fromSnapshot: (snapshot: Snapshot) => T | undefined): Arranged<T>[];
}

export function useItemTriage<Snapshot>(callId: string): ItemTriage<Snapshot> {
  const [state, setState] = useState<Triage<Snapshot>>(() => fresh(callId));
  // Another call starts from nothing (adjusted during render, React's pattern for state that follows a prop).
  const triage = state.callId === callId ? state : fresh<Snapshot>(callId);
  if (triage !== state) setState(triage);

  const dismiss = useCallback(
    (id: string) =>
      setState((current) => ({
        ...current,
        dismissed: new Set(current.dismissed).add(id),
        pinned: current.pinned.filter((pin) => pin.id !== id),
      })),
    [],
  );
  const togglePin = useCallback(
    (id: string, snapshot: Snapshot) =>
      setState((current) => ({
        ...current,
        pinned: current.pinned.some((pin) => pin.id === id)
          ? current.pinned.filter((pin) => pin.id !== id)
          : [{ id, snapshot }, ...current.pinned],
      })),
    [],
  );
  const restoreDismissed = useCallback(() => setState((current) => ({ ...current, dismissed: new Set() })), []);

  return useMemo(() => {
    const pinnedIds = new Set(triage.pinned.map((pin) => pin.id));
    return {
      dismissedCount: triage.dismissed.size,
      isPinned: (id) => pinnedIds.has(id),
      dismiss,
      togglePin,
      restoreDismissed,
      arrange<T>(items: readonly T[], idOf: (item: T) => string, fromSnapshot: (snapshot: Snapshot) => T | undefined): Arranged<T>[] {
        const byId = new Map(items.map((item) => [idOf(item), item]));
        const top: Arranged<T>[] = [];
        for (const pin of triage.pinned) {
          const live = byId.get(pin.id);
          const item = live ?? fromSnapshot(pin.snapshot);
          if (item !== undefined) top.push({ id: pin.id, item, pinned: true, stale: live === undefined });
        }
        const rest = items
          .map((item) => ({ id: idOf(item), item, pinned: false, stale: false }))
          .filter(({ id }) => !pinnedIds.has(id) && !triage.dismissed.has(id));
        return [...top, ...rest];
      },
    };
  }, [triage, dismiss, togglePin, restoreDismissed]);
}

function fresh<Snapshot>(callId: string): Triage<Snapshot> {
  return { callId, dismissed: new Set(), pinned: [] };
}
