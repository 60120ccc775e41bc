/**
 * The key store for the Node harness and the CLI: 32 random bytes in a file only the user can read.
 * (The Electron app wraps the same key with safeStorage instead; see src/main/electron/safeStorageKeyStore.ts.)
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { DatabaseKey, KeyStore } from './ports';
import { StoreOpenError } from './store/storeOpenError';

export class FileKeyStore implements KeyStore {
  constructor(private readonly keyPath: string) {}

  async loadOrCreateKey({ databaseExists }: { databaseExists: boolean }): Promise<DatabaseKey> {
    let text: string | undefined;
    try {
      text = await fs.readFile(this.keyPath, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT')
        throw new StoreOpenError(`The key file ${this.keyPath} cannot be read (${code ?? (error as Error).message}).`, 'key_damaged');
    }
    if (text !== undefined) {
      const hex = text.trim();
      if (!/^[0-9a-f]{64}$/.test(hex)) {
        throw new StoreOpenError(
          `The key file ${this.keyPath} is damaged (it does not hold a 32-byte hex key); it was left as it is. Restore it from a backup.`,
          'key_damaged',
        );
      }
      return { key: Buffer.from(hex, 'hex'), protection: 'key-file' };
    }
    if (databaseExists) {
      throw new StoreOpenError(
        `The key file ${this.keyPath} is missing, but a call database is there: no new key was written, since it could not open that database. Restore db.key, or move the database aside to start empty.`,
        'key_missing',
      );
    }
    const key = randomBytes(32);
    // 'wx' so two processes starting at once cannot overwrite each other's fresh key.
    await fs.writeFile(this.keyPath, key.toString('hex'), { mode: 0o600, flag: 'wx' });
    return { key, protection: 'key-file' };
  }
}
