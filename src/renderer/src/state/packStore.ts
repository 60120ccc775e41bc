/**
 * The domain pack in use, as the snapshot describes it: its name and version for the top bar, its
 * labels for facts and intents on every screen. Set from each snapshot; components read it with
 * usePack(), plain functions through labelOfFact() and labelOfIntent().
 */
import { useSyncExternalStore } from 'react';
import { humanise, type PackSummary } from '../../../shared/domainPack';
import { factLabel } from '../../../shared/facts';

let pack: PackSummary | undefined;
const listeners = new Set<() => void>();

export function setPack(next: PackSummary): void {
  if (pack && JSON.stringify(pack) === JSON.stringify(next)) return;
  pack = next;
  for (const listener of listeners) listener();
}

export function usePack(): PackSummary | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pack,
  );
}

/** A fact's label from the pack in use ("Account number"), or its name in words. */
export function labelOfFact(name: string): string {
  return factLabel(pack, name);
}

/** An intent's label ("Return for a different size"), or its id in words. */
export function labelOfIntent(id: string): string {
  return pack?.intents.find((intent) => intent.id === id)?.label ?? humanise(id);
}

/** A hand-back task's label from the pack ("Send a return label"), or its id in words. */
export function labelOfTask(id: string): string {
  return pack?.handBackTasks.find((task) => task.id === id)?.label ?? humanise(id);
}

/** A call's title: the pack's label when it is an intent id ("late_delivery"), else the title as written. */
export function titleOfCall(title: string): string {
  return pack?.intents.find((intent) => intent.id === title)?.label ?? title;
}
