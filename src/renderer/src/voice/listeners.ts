/** A typed event fan-out: `on` returns its own unsubscribe; a throwing listener does not stop the others. */
export class Listeners<Events extends Record<string, unknown>> {
  private readonly byEvent = new Map<keyof Events, Set<(payload: never) => void>>();

  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void {
    let set = this.byEvent.get(event);
    if (!set) this.byEvent.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    for (const listener of [...(this.byEvent.get(event) ?? [])]) {
      try {
        (listener as (payload: Events[K]) => void)(payload);
      } catch (error) {
        // A broken listener is a bug in the app; report it without breaking the SDK's event dispatch.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  clear(): void {
    this.byEvent.clear();
  }
}
