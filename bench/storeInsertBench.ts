/**
 * Encrypted vs plain SQLite: transcript-turn insert rate with the store's own statements, one turn per
 * transaction (as live calls write them) and in batches of 100. Rounds alternate to share the noise.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CallDatabase } from '../src/main/core/store/callDatabase';
import { emptyAssistState, type CallView } from '../src/shared/callSchemas';

const TURN_TEXT = 'Sure, my order number is 6029 184 417 and the email is d attah two one four at email dot com.';

function emptyCall(callId: string): CallView {
  return {
    callId,
    source: 'replay',
    phase: 'active',
    intake: { status: 'missing' },
    ringingAt: 0,
    timings: {},
    notes: '',
    turnCount: 0,
    assist: emptyAssistState(),
  };
}

function insertRate(database: CallDatabase, turns: number, batch: number): number {
  const callId = `bench-${randomBytes(4).toString('hex')}`;
  database.saveCall(emptyCall(callId));
  const started = performance.now();
  for (let index = 0; index < turns; index += batch) {
    const slice = Array.from({ length: Math.min(batch, turns - index) }, (_, offset) => ({
      index: index + offset,
      atMs: (index + offset) * 1000,
      speaker: (offset % 2 ? 'agent' : 'customer') as 'agent' | 'customer',
      text: TURN_TEXT,
    }));
    database.appendTurns(callId, slice);
  }
  return turns / ((performance.now() - started) / 1000);
}

export function runStoreInsertBench(rounds = 5, turnsPerRound = 2000) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-bench-'));
  const encrypted = new CallDatabase(path.join(dir, 'encrypted.db'), randomBytes(32).toString('hex'));
  const plain = CallDatabase.plaintextForComparison(path.join(dir, 'plain.db'));
  const rates = {
    encryptedSingle: [] as number[],
    plainSingle: [] as number[],
    encryptedBatch: [] as number[],
    plainBatch: [] as number[],
  };
  try {
    for (let round = 0; round < rounds; round++) {
      rates.plainSingle.push(insertRate(plain, turnsPerRound, 1));
      rates.encryptedSingle.push(insertRate(encrypted, turnsPerRound, 1));
      rates.encryptedBatch.push(insertRate(encrypted, turnsPerRound * 5, 100));
      rates.plainBatch.push(insertRate(plain, turnsPerRound * 5, 100));
    }
  } finally {
    encrypted.close();
    plain.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const single = { encrypted: Math.round(median(rates.encryptedSingle)), plain: Math.round(median(rates.plainSingle)) };
  const batch = { encrypted: Math.round(median(rates.encryptedBatch)), plain: Math.round(median(rates.plainBatch)) };
  return {
    turnsPerSecondOnePerTransaction: { ...single, ratioEncryptedToPlain: Math.round((single.encrypted / single.plain) * 1000) / 1000 },
    turnsPerSecondBatchesOf100: { ...batch, ratioEncryptedToPlain: Math.round((batch.encrypted / batch.plain) * 1000) / 1000 },
    rounds,
  };
}
