/**
 * The chunks a demo desk must not load until needed, and the one detector that says whether a page has
 * loaded them. ringing.spec.ts asserts that demo mode does not load the Voice chunks; the same detector
 * must see them in the build and in live mode (liveVoice.spec.ts), or the "not loaded" assertion would
 * pass for a renamed or merged chunk. Vite names a dynamic import's chunk after its module.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export const LAZY_CHUNKS = {
  /** The Voice SDK with the desk's client (voice/deskVoiceClient.ts). */
  voiceClient: 'deskVoiceClient',
  /** Its link to the desk (voice/deskVoiceLink.ts). */
  voiceLink: 'deskVoiceLink',
  /** The metrics page with Chart.js. */
  metrics: 'MetricsView',
} as const;
export type LazyChunk = keyof typeof LAZY_CHUNKS;
export const VOICE_CHUNKS: LazyChunk[] = ['voiceClient', 'voiceLink'];

const RENDERER_ASSETS = path.resolve(__dirname, '../../../out/renderer/assets');

/** Whether a script URL or file name is the given chunk (`<name>-<hash>.js`). */
export function isChunk(url: string, chunk: LazyChunk): boolean {
  const file = url.split(/[?#]/)[0]!.split('/').pop() ?? '';
  return new RegExp(`^${LAZY_CHUNKS[chunk]}-[\\w-]+\\.js$`).test(file);
}

/** The lazy chunks among the scripts this page has fetched. */
export async function loadedChunks(page: Page): Promise<LazyChunk[]> {
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  return (Object.keys(LAZY_CHUNKS) as LazyChunk[]).filter((chunk) => scripts.some((url) => isChunk(url, chunk)));
}

/** The lazy chunks the renderer build emitted as files of their own. */
export function builtChunks(): LazyChunk[] {
  const files = readdirSync(RENDERER_ASSETS);
  return (Object.keys(LAZY_CHUNKS) as LazyChunk[]).filter((chunk) => files.filter((file) => isChunk(file, chunk)).length === 1);
}
