/**
 * Reads a SQLite WAL file before SQLite does. SQLite replays frames only up to the first whose checksum
 * fails and silently drops the rest, so a flipped byte in the middle of the WAL loses every commit after
 * it without a word. Here: a bad frame followed by more frames of the same WAL generation (same salts) is
 * damage, not a torn last write, and is reported. Format: https://www.sqlite.org/fileformat.html#the_write_ahead_log
 */
import { readFileSync } from 'node:fs';

export interface WalReport {
  frames: number;
  /** Frames read before the first that failed its checksum (all of them when none failed). */
  validFrames: number;
  /** A bad frame with frames of the same generation after it: commits were lost to damage. */
  damagedAt?: number;
}

const HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;

function checksum(data: Buffer, start: number, end: number, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

export function inspectWal(walPath: string): WalReport | undefined {
  let wal: Buffer;
  try {
    wal = readFileSync(walPath);
  } catch {
    return undefined;
  }
  if (wal.length < HEADER_BYTES) return undefined;
  const magic = wal.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return undefined;
  const bigEndian = magic === 0x377f0683;
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let sum = checksum(wal, 0, 24, bigEndian, [0, 0]);
  if (sum[0] !== wal.readUInt32BE(24) || sum[1] !== wal.readUInt32BE(28)) return { frames: 0, validFrames: 0, damagedAt: 0 };
  const frameBytes = FRAME_HEADER_BYTES + pageSize;
  const frames = Math.floor((wal.length - HEADER_BYTES) / frameBytes);
  let validFrames = frames;
  for (let frame = 0; frame < frames; frame++) {
    const at = HEADER_BYTES + frame * frameBytes;
    const sameGeneration = wal.readUInt32BE(at + 8) === salt1 && wal.readUInt32BE(at + 12) === salt2;
    if (!sameGeneration) {
      validFrames = frame;
      break;
    }
    sum = checksum(wal, at, at + 8, bigEndian, sum);
    sum = checksum(wal, at + FRAME_HEADER_BYTES, at + frameBytes, bigEndian, sum);
    if (sum[0] !== wal.readUInt32BE(at + 16) || sum[1] !== wal.readUInt32BE(at + 20)) {
      validFrames = frame;
      // A torn last write has nothing after it; damage in the middle has later frames of this generation.
      for (let later = frame + 1; later < frames; later++) {
        const laterAt = HEADER_BYTES + later * frameBytes;
        if (wal.readUInt32BE(laterAt + 8) === salt1 && wal.readUInt32BE(laterAt + 12) === salt2)
          return { frames, validFrames, damagedAt: frame };
      }
      break;
    }
  }
  return { frames, validFrames };
}
