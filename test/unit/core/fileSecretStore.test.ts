import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../src/main/core/fileSecretStore';
import { makeTempDir } from '../../support/tempDir';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('file secret store (harness, CLI)', () => {
  it('keeps the key in a 0600 file, reads it back, and removes it on an empty value', async () => {
    const file = path.join(temp.dir, 'a.json');
    const store = new FileSecretStore(file, {});
    expect(await store.get('openai_api_key')).toBeUndefined();
    await store.set('openai_api_key', 'sk-file-1');
    expect(await new FileSecretStore(file, {}).get('openai_api_key')).toBe('sk-file-1');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    await store.set('openai_api_key', '');
    expect(await store.get('openai_api_key')).toBeUndefined();
    expect(readFileSync(file, 'utf8')).not.toContain('sk-file-1');
  });

  it('lets OPENAI_API_KEY in the environment win over the file', async () => {
    const file = path.join(temp.dir, 'b.json');
    await new FileSecretStore(file, {}).set('openai_api_key', 'sk-from-file');
    expect(await new FileSecretStore(file, { OPENAI_API_KEY: ' sk-from-env ' }).get('openai_api_key')).toBe('sk-from-env');
    expect(await new FileSecretStore(file, { OPENAI_API_KEY: '' }).get('openai_api_key')).toBe('sk-from-file');
  });

  it('narrows a hand-made file to 0600 and refuses to overwrite a damaged one', async () => {
    const loose = path.join(temp.dir, 'c.json');
    writeFileSync(loose, '{}', { mode: 0o644 });
    await new FileSecretStore(loose, {}).set('openai_api_key', 'sk-x');
    if (process.platform !== 'win32') expect(statSync(loose).mode & 0o777).toBe(0o600);
    const damaged = path.join(temp.dir, 'd.json');
    writeFileSync(damaged, '{ not json');
    const store = new FileSecretStore(damaged, {});
    await expect(store.get('openai_api_key')).rejects.toThrow(/damaged; it was left as it is/);
    await expect(store.set('openai_api_key', 'sk-y')).rejects.toThrow(/damaged/);
    expect(readFileSync(damaged, 'utf8')).toBe('{ not json');
  });
});
