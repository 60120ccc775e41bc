/**
 * The independently written ITN table (610 cases, 207 adapted from NVIDIA NeMo text_processing's English
 * ITN tests, Apache-2.0: see test/fixtures/itn/NOTICE.md and LICENSE-NeMo.txt). Written blind from the
 * conventions; its first-contact score was 587/610. It guards the stage as a whole: a change that
 * breaks a category drops the score below the floor and lists what it now gets wrong.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../src/main/core/understanding/itn';

interface Row {
  id: string;
  spoken: string;
  written: string;
  category: string;
  source: string;
  unsure?: boolean;
}

const rows = readFileSync(path.resolve(__dirname, '../../../fixtures/itn/itn-table.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Row);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('ITN on the independent table', () => {
  it('has the table whole: over 600 cases, over 200 from NeMo, every category', () => {
    expect(rows.length).toBeGreaterThan(600);
    expect(rows.filter((row) => row.source === 'nemo').length).toBeGreaterThan(200);
    expect(new Set(rows.map((row) => row.category)).size).toBeGreaterThanOrEqual(15);
  });

  it('writes at least 98% of the cases the conventions decide, and 95% of all', () => {
    const wrong = rows.filter((row) => squash(normalize(row.spoken).written) !== squash(row.written));
    const sure = rows.filter((row) => !row.unsure);
    const sureWrong = wrong.filter((row) => !row.unsure);
    if (wrong.length)
      console.log(
        `ITN table misses (${wrong.length}):\n${wrong.map((row) => `  [${row.category}] ${row.spoken} → ${normalize(row.spoken).written} (want ${row.written})`).join('\n')}`,
      );
    expect(1 - sureWrong.length / sure.length).toBeGreaterThanOrEqual(0.98);
    expect(1 - wrong.length / rows.length).toBeGreaterThanOrEqual(0.95);
  });

  it('leaves every plain sentence and every already-written value as it was', () => {
    const changed = rows.filter(
      (row) =>
        (row.category === 'plain' || row.category === 'passthrough') && squash(normalize(row.spoken).written) !== squash(row.written),
    );
    expect(changed.map((row) => row.spoken)).toEqual([]);
  });
});
