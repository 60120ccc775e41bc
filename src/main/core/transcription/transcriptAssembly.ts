/**
 * What one Realtime connection has heard, turned into transcript turns: when each turn was said on the
 * call clock, its interim text while deltas arrive, and the order turns are handed on in.
 *
 * The API transcribes committed audio asynchronously, so `.completed` events of two turns may arrive out
 * of order; `input_audio_buffer.committed` events arrive in order, so turns are released in commit
 * order (a turn waits only for earlier turns of the same speaker that are still being transcribed).
 */

/** Maps the server's audio offsets (ms of audio received on this connection) to the call clock. */
export class AudioTimeline {
  private segments: Array<{ audioMs: number; callMs: number; durationMs: number }> = [];
  private totalMs = 0;

  constructor(private readonly maxSegments = 20_000) {}

  /** Audio pushed at call-clock time `callMs`, lasting `durationMs`, has just been sent. */
  record(callMs: number, durationMs: number): void {
    this.segments.push({ audioMs: this.totalMs, callMs, durationMs });
    this.totalMs += durationMs;
    // Without speech starts to prune on (a server without VAD events), drop the oldest quarter at a time.
    if (this.segments.length > this.maxSegments) this.segments.splice(0, this.maxSegments >> 2);
  }

  /** The call-clock time at which the audio at `audioMs` was captured; undefined before any audio. */
  toCallMs(audioMs: number): number | undefined {
    const { segments } = this;
    if (!segments.length) return undefined;
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (segments[middle]!.audioMs <= audioMs) low = middle;
      else high = middle - 1;
    }
    const segment = segments[low]!;
    return segment.callMs + Math.max(0, audioMs - segment.audioMs);
  }

  /** Forgets audio before `audioMs` (a later speech start never points back into it). */
  forgetBefore(audioMs: number): void {
    let keepFrom = 0;
    while (keepFrom + 1 < this.segments.length && this.segments[keepFrom + 1]!.audioMs <= audioMs) keepFrom += 1;
    if (keepFrom) this.segments.splice(0, keepFrom);
  }
}

interface HeardItem {
  atMs?: number;
  interim: string;
  final?: string;
  failed?: boolean;
}

export interface AssembledTurn {
  atMs: number;
  text: string;
  /** True when the connection ended before `.completed`: the text is the deltas heard so far. */
  partial: boolean;
}

export class TurnAssembler {
  private readonly items = new Map<string, HeardItem>();
  /** Committed item ids not yet released, in commit order. */
  private readonly order: string[] = [];

  /** `now` is the call-clock time; used for a turn whose speech start was never reported. */
  constructor(private readonly now: () => number) {}

  speechStarted(itemId: string, callMs: number | undefined): void {
    const item = this.item(itemId);
    item.atMs ??= callMs;
  }

  committed(itemId: string, previousItemId?: string | null): void {
    this.item(itemId).atMs ??= this.now();
    if (this.order.includes(itemId)) return;
    const after = previousItemId ? this.order.indexOf(previousItemId) : -1;
    if (after >= 0) this.order.splice(after + 1, 0, itemId);
    else this.order.push(itemId);
  }

  /** Returns the interim text of the item so far. */
  delta(itemId: string, text: string): string {
    const item = this.item(itemId);
    item.atMs ??= this.now();
    item.interim += text;
    return item.interim;
  }

  /** Returns the turns that can now be released, in order. */
  completed(itemId: string, transcript: string): AssembledTurn[] {
    const item = this.item(itemId);
    item.atMs ??= this.now();
    item.final = transcript;
    if (!this.order.includes(itemId)) {
      // Never committed as far as we saw (a compatible server that skips the event): release at once.
      this.items.delete(itemId);
      return turnOf(item, false);
    }
    return this.release();
  }

  /** True while a finished turn waits for an earlier one. */
  holding(): boolean {
    return this.order.length > 1 && this.order.slice(1).some((id) => this.items.get(id)?.final !== undefined);
  }

  /**
   * Stops waiting for the oldest unfinished turn (its `.completed` is overdue) and releases what was
   * waiting behind it. The skipped turn is not lost: if it completes later it is released at once.
   */
  skipOverdue(): AssembledTurn[] {
    this.order.shift();
    return this.release();
  }

  failed(itemId: string): AssembledTurn[] {
    this.item(itemId).failed = true;
    if (!this.order.includes(itemId)) {
      this.items.delete(itemId);
      return [];
    }
    return this.release();
  }

  /** The connection is gone: everything heard is released, unfinished turns with the text heard so far. */
  drain(): AssembledTurn[] {
    const ids = [...this.order, ...[...this.items.keys()].filter((id) => !this.order.includes(id))];
    const turns = ids.flatMap((id) => {
      const item = this.items.get(id)!;
      return item.final !== undefined ? turnOf(item, false) : item.failed ? [] : turnOf({ ...item, final: item.interim }, true);
    });
    this.items.clear();
    this.order.length = 0;
    return turns;
  }

  private release(): AssembledTurn[] {
    const turns: AssembledTurn[] = [];
    while (this.order.length) {
      const item = this.items.get(this.order[0]!)!;
      if (item.final === undefined && !item.failed) break;
      this.items.delete(this.order.shift()!);
      if (!item.failed) turns.push(...turnOf(item, false));
    }
    return turns;
  }

  private item(itemId: string): HeardItem {
    let item = this.items.get(itemId);
    if (!item) this.items.set(itemId, (item = { interim: '' }));
    return item;
  }
}

/** Silence commits as an empty transcript; that is no turn. */
function turnOf(item: HeardItem, partial: boolean): AssembledTurn[] {
  const text = (item.final ?? '').trim();
  return text ? [{ atMs: Math.max(0, item.atMs ?? 0), text, partial }] : [];
}
