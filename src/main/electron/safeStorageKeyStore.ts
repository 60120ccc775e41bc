/**
 * The database key in the Electron app: 32 random bytes wrapped by the OS keychain through safeStorage
 * (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and kept in userData.
 * Linux's basic_text backend is a hard-coded password, so it counts as no protection and the UI says so.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { safeStorage } from 'electron';
import type { DatabaseKey, KeyStore } from '../core/ports';
import { StoreOpenError } from '../core/store/storeOpenError';
import { decryptText, encryptText, keychainIsReal } from './safeStorageText';

const BASIC_TEXT_WARNING =
  'This Linux session has no keyring (safeStorage uses "basic_text"), so the database key is not protected by the OS. Install and unlock a keyring (GNOME Keyring or KWallet).';

export class SafeStorageKeyStore implements KeyStore {
  constructor(private readonly wrappedKeyPath: string) {}

  async loadOrCreateKey({ databaseExists }: { databaseExists: boolean }): Promise<DatabaseKey> {
    const protection = this.protection();
    const wrapped = await fs.readFile(this.wrappedKeyPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new StoreOpenError(`The key file ${this.wrappedKeyPath} cannot be read (${error.code ?? error.message}).`, 'key_damaged');
    });
    if (wrapped) {
      const hex = await decryptText(wrapped).catch(() => '');
      if (!/^[0-9a-f]{64}$/.test(hex))
        throw new StoreOpenError(
          `The key file ${this.wrappedKeyPath} did not unwrap to a key (damaged, or wrapped by another user's keychain); it was left as it is.`,
          'key_damaged',
        );
      return { key: Buffer.from(hex, 'hex'), ...protection };
    }
    if (databaseExists) {
      throw new StoreOpenError(
        `The key file ${this.wrappedKeyPath} is missing, but a call database is there: no new key was written. Restore the key file, or move the database aside to start empty.`,
        'key_missing',
      );
    }
    const key = randomBytes(32);
    await fs.writeFile(this.wrappedKeyPath, await encryptText(key.toString('hex')), { mode: 0o600, flag: 'wx' });
    return { key, ...protection };
  }

  private protection(): Pick<DatabaseKey, 'protection' | 'warning'> {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('The OS keychain is not available, so the call database cannot be opened safely.');
    }
    if (!keychainIsReal()) {
      return { protection: 'none', warning: BASIC_TEXT_WARNING };
    }
    return { protection: 'os-keychain' };
  }
}
