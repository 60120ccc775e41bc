/**
 * The key store for the Node harness and the CLI: 32 random bytes in a file only the user can read.
 * (The Electron app wraps the same key with safeStorage instead; see src/main/electron/safeStorageKeyStore.ts.)
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { DatabaseKey, KeyStore } from './ports';

export class FileKeyStore implements KeyStore {
  constructor(private readonly keyPath: string) {}

  async loadOrCreateKey(): Promise<DatabaseKey> {
    try {
      const hex = (await fs.readFile(this.keyPath, 'utf8')).trim();
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`the key file ${this.keyPath} is damaged; it was left as it is`);
      return { key: Buffer.from(hex, 'hex'), protection: 'key-file' };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const key = randomBytes(32);
    // 'wx' so two processes starting at once cannot overwrite each other's fresh key.
    await fs.writeFile(this.keyPath, key.toString('hex'), { mode: 0o600, flag: 'wx' });
    return { key, protection: 'key-file' };
  }
}
