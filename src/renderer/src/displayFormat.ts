/** How numbers, times and codes read on screen. Pure, so every view formats them the same way. */

/** Call-clock time as mm:ss (or h:mm:ss past an hour), relative to `originMs`. */
export function formatCallClock(atMs: number, originMs: number): string {
  const totalSeconds = Math.max(0, Math.floor((atMs - originMs) / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

export function formatTimeOfDay(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

export function formatDateTime(epochMs: number): string {
  const date = new Date(epochMs);
  const day = date.toLocaleDateString([], { month: 'short', day: 'numeric' });
  return `${day} ${date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false })}`;
}

export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatKb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${Math.ceil(bytes / 1024)} KB`;
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
