/**
 * API keys in the Electron app: one JSON object of secrets, wrapped by the OS keychain through
 * safeStorage and kept in userData (secrets.enc, 0600), like the database key. The key is read only
 * here, in the main process; the renderer can set it but has no way to read it back.
 */
import { promises as fs } from 'node:fs';
import { safeStorage } from 'electron';
import { z } from 'zod';
import { DeskError } from '../../shared/ipc/envelope';
import type { SecretName, SecretStore } from '../core/ports';
import { decryptText, encryptText, keychainIsReal } from './safeStorageText';

const SecretsSchema = z.record(z.string(), z.string());

export class SafeStorageSecretStore implements SecretStore {
  /** Writes are chained so two quick changes cannot interleave their read-modify-write. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly wrappedPath: string) {}

  async get(name: SecretName): Promise<string | undefined> {
    return (await this.readAll())[name] || undefined;
  }

  set(name: SecretName, value: string): Promise<void> {
    const write = this.writes.then(async () => {
      // An API key is a billing credential: refuse to keep it where the OS does not really protect it.
      if (value && (!safeStorage.isEncryptionAvailable() || !keychainIsReal())) {
        throw new DeskError(
          'forbidden',
          'This system has no usable keychain (on Linux, install and unlock GNOME Keyring or KWallet), so the API key was not stored.',
        );
      }
      const secrets = await this.readAll();
      if (value) secrets[name] = value;
      else delete secrets[name];
      const temporary = `${this.wrappedPath}.tmp`;
      await fs.rm(temporary, { force: true });
      await fs.writeFile(temporary, await encryptText(JSON.stringify(secrets)), { mode: 0o600, flag: 'wx' });
      await fs.rename(temporary, this.wrappedPath);
    });
    this.writes = write.catch(() => undefined);
    return write;
  }

  /** A file that does not unwrap is reported and left alone: it may be readable again with the right keyring. */
  private async readAll(): Promise<Record<string, string>> {
    const wrapped = await fs.readFile(this.wrappedPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!wrapped) return {};
    if (!safeStorage.isEncryptionAvailable()) throw new Error('The OS keychain is not available, so stored API keys cannot be read.');
    let unwrapped: unknown;
    try {
      unwrapped = JSON.parse(await decryptText(wrapped));
    } catch {
      unwrapped = undefined;
    }
    const parsed = SecretsSchema.safeParse(unwrapped);
    if (!parsed.success) throw new Error(`The secrets file ${this.wrappedPath} did not unwrap; it was left as it is.`);
    return parsed.data;
  }
}
