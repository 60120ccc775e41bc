/**
 * Nothing about the demo store lives in the engine or the screens: its brands, garments, membership
 * levels and knowledge-base subflow names come from the demo pack (resources/packs/abcd-store) alone.
 * The words are read from the pack itself, so a new store word there is checked here too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../src/main/core/assist/searchTerms';
import { demoPack } from '../support/demoPack';

const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(tsx?|css|html)$/.test(name) ? [full] : [];
  });
}

/** Store words: catalogue values and their words, enumeration values, and article ids that are not everyday words. */
function storeWords(): string[] {
  const { manifest, articles } = demoPack;
  const catalogue = Object.values(manifest.catalogue)
    .flat()
    .flatMap((item) => [item.value, ...item.value.split(' ')]);
  const levels = manifest.facts
    .filter((fact) => fact.name === 'membership_level')
    .flatMap((fact) => fact.values?.map((value) => value.value) ?? []);
  // Subflow ids with an underscore are names only the store uses ("return_size", "bad_price_yesterday").
  const subflows = articles.map((article) => article.id).filter((id) => id.includes('_'));
  // A brand that is also an everyday English word ("guess") cannot be told from that word: the full item names still are.
  return [...new Set([...catalogue, ...levels, ...subflows])].filter(
    (word) => (word.length > 3 || /_/.test(word)) && searchTerms(word).length > 0,
  );
}

/** Where a store word is also general vocabulary, and why. */
const GENERAL_USES: Record<string, string> = {
  'main/core/understanding/steering/steeringRules.ts: gold':
    'claims of loyalty status ("make me a gold member") look alike in any business',
};

describe('the engine holds no business', () => {
  it('has no brand, garment, membership level or subflow name in src/main or src/renderer', () => {
    const words = storeWords();
    expect(words).toEqual(expect.arrayContaining(['calvin', 'klein', 'jeans', 'gold', 'return_size']));
    const offenders: string[] = [];
    for (const file of [
      ...sourceFiles(path.join(SRC, 'main')),
      ...sourceFiles(path.join(SRC, 'renderer')),
      ...sourceFiles(path.join(SRC, 'shared')),
    ]) {
      const text = readFileSync(file, 'utf8').toLowerCase();
      for (const word of words) {
        const pattern = new RegExp(`(?<![a-z0-9_])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9_])`);
        const where = `${path.relative(SRC, file)}: ${word}`;
        if (pattern.test(text) && !GENERAL_USES[where]) offenders.push(where);
      }
    }
    expect(offenders).toEqual([]);
  });
});
