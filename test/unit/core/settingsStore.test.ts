import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../src/main/core/settingsStore';
import { makeTempDir } from '../../support/tempDir';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('settings', () => {
  it('saves the agent name and reads it back', async () => {
    const userPath = path.join(temp.dir, 'a.json');
    const store = new SettingsStore({ userPath });
    await store.load();
    expect(store.current.agentName).toBe('Alex');
    await store.update({ agentName: 'Priya' });
    const again = new SettingsStore({ userPath });
    await again.load();
    expect(again.current.agentName).toBe('Priya');
  });

  it('lets managed settings win and lock their keys', async () => {
    const managedPath = path.join(temp.dir, 'managed.json');
    writeFileSync(managedPath, JSON.stringify({ demoSpeed: 2 }));
    const store = new SettingsStore({ userPath: path.join(temp.dir, 'b.json'), managedPath });
    await store.load();
    expect(store.current.demoSpeed).toBe(2);
    expect(store.locked).toEqual(['demoSpeed']);
    await expect(store.update({ demoSpeed: 5 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('reports a damaged settings file, uses defaults, and leaves the file untouched', async () => {
    const userPath = path.join(temp.dir, 'c.json');
    writeFileSync(userPath, '{ not json');
    const store = new SettingsStore({ userPath });
    await store.load();
    expect(store.current.agentName).toBe('Alex');
    expect(store.problems[0]).toMatch(/Ignored settings/);
    expect(readFileSync(userPath, 'utf8')).toBe('{ not json');
  });
});
