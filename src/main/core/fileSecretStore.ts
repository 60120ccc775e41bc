/**
 * Secrets for the Node harness and the CLI: a JSON file only the user can read (0600), next to the
 * database key. An environment variable (OPENAI_API_KEY) wins when set, so a developer or a CI job
 * never has to write a key to disk. The Electron app wraps its secrets with safeStorage instead
 * (src/main/electron/safeStorageSecretStore.ts).
 */
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import type { SecretName, SecretStore } from './ports';

const ENV_NAMES: Record<SecretName, string> = {
  openai_api_key: 'OPENAI_API_KEY',
  hand_back_signing_secret: 'WHISPER_DESK_HAND_BACK_SECRET',
  token_endpoint_credential: 'WHISPER_DESK_TOKEN_CREDENTIAL',
};
const SecretsFileSchema = z.record(z.string(), z.string());

export class FileSecretStore implements SecretStore {
  /** Writes are chained so two quick changes cannot interleave their read-modify-write. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly filePath: string,
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
  ) {}

  async get(name: SecretName): Promise<string | undefined> {
    const fromEnv = this.env[ENV_NAMES[name]]?.trim();
    if (fromEnv) return fromEnv;
    return (await this.readAll())[name] || undefined;
  }

  set(name: SecretName, value: string): Promise<void> {
    const write = this.writes.then(async () => {
      const secrets = await this.readAll();
      if (value) secrets[name] = value;
      else delete secrets[name];
      // Written beside the file (0600 from its first byte) and renamed over it: a crash never leaves half
      // a file, and a hand-made file with wider permissions is replaced by a 0600 one.
      const temporary = `${this.filePath}.${process.pid}.tmp`;
      await fs.rm(temporary, { force: true });
      await fs.writeFile(temporary, JSON.stringify(secrets), { mode: 0o600, flag: 'wx' });
      await fs.rename(temporary, this.filePath);
    });
    this.writes = write.catch(() => undefined);
    return write;
  }

  /** A damaged file is an error, not an empty store: overwriting it would lose whatever it held. */
  private async readAll(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await fs.readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    try {
      return SecretsFileSchema.parse(JSON.parse(text));
    } catch {
      throw new Error(`The secrets file ${this.filePath} is damaged; it was left as it is.`);
    }
  }
}
