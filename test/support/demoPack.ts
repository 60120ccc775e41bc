/**
 * The embedded demo domain pack (resources/packs/abcd-store), loaded once for the tests and benches.
 * Loading is asynchronous, so it is not done at import (top-level await would not load under tsx,
 * which compiles these files as CommonJS for `npm run bench`): vitest's setup file and the bench
 * runner call `loadDemoPack()` first, and the live bindings below hold the result from then on.
 */
import path from 'node:path';
import { requireDomainPack, type DomainPack } from '../../src/main/core/pack/domainPackLoader';
import { PackInUse } from '../../src/main/core/pack/packInUse';

export const ROOT = path.resolve(__dirname, '../..');
export const DEMO_PACK_DIR = path.join(ROOT, 'resources/packs/abcd-store');
export const NORTHWIND_PACK_DIR = path.join(ROOT, 'resources/packs/northwind-connect');

export let demoPack: DomainPack;
export let demoLoaded: PackInUse['current'];

export async function loadDemoPack(): Promise<DomainPack> {
  if (!demoPack) {
    demoPack = await requireDomainPack(DEMO_PACK_DIR);
    demoLoaded = demoPacks().current;
  }
  return demoPack;
}

/** A fresh PackInUse each time, so a test that switches packs cannot leak into another. */
export function demoPacks(): PackInUse {
  if (!demoPack) throw new Error('the demo pack is not loaded: call loadDemoPack() first');
  return PackInUse.of(demoPack, 'demo');
}
