/** Where the desk looks for IT's policies on each platform, and how they reach the settings (won, locked, reported). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonPolicyFile } from '../../../../src/main/core/policy/jsonPolicyFile';
import { readManagedPolicy, type PolicySource } from '../../../../src/main/core/policy/managedPolicy';
import { platformPolicySources } from '../../../../src/main/core/policy/platformPolicySources';
import { SettingsStore } from '../../../../src/main/core/settingsStore';
import { makeTempDir } from '../../../support/tempDir';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('policy sources per platform', () => {
  it('Windows: HKLM, HKCU, then the JSON file under ProgramData', () => {
    const names = platformPolicySources({ platform: 'win32', env: { ProgramData: 'D:\\ProgramData' } }).map((source) => source.name);
    expect(names).toEqual([
      'HKLM\\SOFTWARE\\Policies\\WhisperDesk\\WhisperDesk',
      'HKCU\\SOFTWARE\\Policies\\WhisperDesk\\WhisperDesk',
      'D:\\ProgramData\\WhisperDesk\\managed-settings.json',
    ]);
  });

  it('macOS: the computer profile, the user profile, then the JSON file', () => {
    const names = platformPolicySources({ platform: 'darwin', env: {}, userName: 'ana' }).map((source) => source.name);
    expect(names).toEqual([
      '/Library/Managed Preferences/com.whisperdesk.app.plist',
      '/Library/Managed Preferences/ana/com.whisperdesk.app.plist',
      '/Library/Application Support/WhisperDesk/managed-settings.json',
    ]);
  });

  it('Linux: the JSON file; WHISPER_DESK_MANAGED_SETTINGS moves it', () => {
    expect(platformPolicySources({ platform: 'linux', env: {} }).map((source) => source.name)).toEqual([
      '/etc/whisper-desk/managed-settings.json',
    ]);
    expect(
      platformPolicySources({ platform: 'linux', env: { WHISPER_DESK_MANAGED_SETTINGS: '/srv/wd.json' } }).map((source) => source.name),
    ).toEqual(['/srv/wd.json']);
  });
});

describe('the JSON policy file', () => {
  it('checks key by key: a bad key is reported and ignored, the others apply', async () => {
    const file = path.join(temp.dir, 'managed.json');
    writeFileSync(file, JSON.stringify({ telephonyMode: 'twilio', demoSpeed: 'fast', updatesEnabled: false, nonsense: 1 }));
    const policy = await readManagedPolicy([jsonPolicyFile(file)]);
    expect(policy.settings).toEqual({ telephonyMode: 'twilio', updatesEnabled: false });
    expect(policy.problems.map(({ code, key }) => ({ code, key }))).toEqual([
      { code: 'wrong-type', key: 'demoSpeed' },
      { code: 'unknown-key', key: 'nonsense' },
    ]);
  });

  it('is the fallback: an OS policy wins, the file fills in the keys the OS left unset or damaged', async () => {
    const file = path.join(temp.dir, 'fallback.json');
    writeFileSync(file, JSON.stringify({ telephonyMode: 'demo', agentName: 'Sam', demoSpeed: 3 }));
    const os: PolicySource = { name: 'HKLM', read: async () => ({ kind: 'values', values: { telephonyMode: 'twilio', demoSpeed: -1 } }) };
    const policy = await readManagedPolicy([os, jsonPolicyFile(file)]);
    expect(policy.settings).toEqual({ telephonyMode: 'twilio', agentName: 'Sam', demoSpeed: 3 });
    expect(policy.setBy).toEqual({ telephonyMode: 'HKLM', agentName: file, demoSpeed: file });
  });

  it('reports a file that is not JSON as a whole and ignores it', async () => {
    const file = path.join(temp.dir, 'broken.json');
    writeFileSync(file, '{ "telephonyMode": ');
    const policy = await readManagedPolicy([jsonPolicyFile(file)]);
    expect(policy.settings).toEqual({});
    expect(policy.problems).toMatchObject([{ code: 'source-damaged', source: file }]);
  });
});

describe('settings under policies', () => {
  it('policies win, lock their keys, and their problems are said at start-up', async () => {
    const registry: PolicySource = {
      name: 'HKLM\\SOFTWARE\\Policies\\WhisperDesk\\WhisperDesk',
      read: async () => ({ kind: 'values', values: { agentName: 'Desk 42', updatesEnabled: 0, updateChannel: 'nightly' } }),
    };
    const store = new SettingsStore({ userPath: path.join(temp.dir, 'user.json'), policySources: [registry] });
    await store.load();
    expect(store.current).toMatchObject({ agentName: 'Desk 42', updatesEnabled: false, updateChannel: 'latest' });
    expect(store.locked.sort()).toEqual(['agentName', 'updatesEnabled']);
    await expect(store.update({ updatesEnabled: true })).rejects.toMatchObject({ code: 'forbidden' });
    expect(store.policyProblems).toMatchObject([{ code: 'invalid-value', key: 'updateChannel' }]);
    expect(store.problems).toHaveLength(1);
    expect(store.problems[0]).toMatch(/^Ignored policy updateChannel in HKLM\\SOFTWARE\\Policies\\WhisperDesk\\WhisperDesk: "nightly": ./);
  });
});
