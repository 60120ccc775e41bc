/** The embedded demo domain pack (resources/packs/abcd-store) and the second pack, loaded once for the tests. */
import path from 'node:path';
import { requireDomainPack } from '../../src/main/core/pack/domainPackLoader';
import { PackInUse } from '../../src/main/core/pack/packInUse';

export const ROOT = path.resolve(__dirname, '../..');
export const DEMO_PACK_DIR = path.join(ROOT, 'resources/packs/abcd-store');
export const NORTHWIND_PACK_DIR = path.join(ROOT, 'resources/packs/northwind-connect');

export const demoPack = await requireDomainPack(DEMO_PACK_DIR);
/** A fresh PackInUse each time, so a test that switches packs cannot leak into another. */
export function demoPacks(): PackInUse {
  return PackInUse.of(demoPack, 'demo');
}
export const demoLoaded = demoPacks().current;
