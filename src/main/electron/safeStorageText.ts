/**
 * Text wrapped by the OS keychain through safeStorage (Keychain on macOS, DPAPI on Windows,
 * libsecret/kwallet on Linux). Shared by the database key store and the secret store.
 */
import { safeStorage } from 'electron';

/** Linux's basic_text backend encrypts with a hard-coded password: as good as no protection. */
export function keychainIsReal(): boolean {
  return !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
}

// The async API (Electron 38+) does not block the main thread on the keychain; fall back to the sync one.
export async function encryptText(plain: string): Promise<Buffer> {
  const storage = safeStorage as typeof safeStorage & { encryptStringAsync?: (text: string) => Promise<Buffer> };
  return storage.encryptStringAsync ? storage.encryptStringAsync(plain) : safeStorage.encryptString(plain);
}

export async function decryptText(wrapped: Buffer): Promise<string> {
  const storage = safeStorage as typeof safeStorage & {
    decryptStringAsync?: (data: Buffer) => Promise<{ result: string } | string>;
  };
  if (!storage.decryptStringAsync) return safeStorage.decryptString(wrapped);
  const result = await storage.decryptStringAsync(wrapped);
  return typeof result === 'string' ? result : result.result;
}
