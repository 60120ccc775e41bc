/** macOS configuration-profile policies: managed-preferences plists (XML, binary through plutil) in test/fixtures/policy. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  managedPreferencesPaths,
  managedPreferencesSource,
  plutilConverter,
  type BinaryPlistConverter,
} from '../../../../src/main/core/policy/macManagedPreferences';
import { readManagedPolicy } from '../../../../src/main/core/policy/managedPolicy';
import { readFileSync } from 'node:fs';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/policy');
const fixture = (name: string) => path.join(FIXTURES, name);
const MACHINE_SETTINGS = {
  telephonyMode: 'twilio',
  tokenEndpointUrl: 'https://cc.example.com/whisper-desk/token',
  handBackAllowList: ['send_return_label', 'send_password_reset_link'],
  demoAutoRingSeconds: 30,
  demoSpeed: 1.5,
  updatesEnabled: false,
  updateChannel: 'latest',
  updateServerUrl: 'https://updates.cc.example.com/whisper-desk/',
};
const noPlutil: BinaryPlistConverter = async () => ({ ok: false, reason: 'plutil is not on this machine' });

describe('macOS managed preferences', () => {
  it('looks for the computer profile, then the user one, under the bundle id', () => {
    expect(managedPreferencesPaths('com.whisperdesk.app', 'ana')).toEqual([
      '/Library/Managed Preferences/com.whisperdesk.app.plist',
      '/Library/Managed Preferences/ana/com.whisperdesk.app.plist',
    ]);
  });

  it('reads an XML plist as settings of the right types; the computer profile wins over the user one', async () => {
    const policy = await readManagedPolicy([
      managedPreferencesSource({ filePath: fixture('managed-preferences-machine.plist'), convertBinary: noPlutil }),
      managedPreferencesSource({ filePath: fixture('managed-preferences-user.plist'), convertBinary: noPlutil }),
    ]);
    expect(policy.settings).toEqual({ ...MACHINE_SETTINGS, agentName: 'Priya', openaiTimeoutMs: 8000 });
    expect(policy.setBy.telephonyMode).toBe(fixture('managed-preferences-machine.plist'));
    const user = fixture('managed-preferences-user.plist');
    // PayloadUUID is the profile's bookkeeping, not a setting: left out without a word.
    expect(policy.problems.map(({ code, source, key }) => ({ code, source, key }))).toEqual([
      { code: 'invalid-value', source: user, key: 'updateCheckHours' },
      { code: 'invalid-value', source: user, key: 'voiceEdge' },
    ]);
  });

  it('reads a binary plist through plutil -convert xml1 -o -', async () => {
    const converted: string[] = [];
    const convertBinary: BinaryPlistConverter = async (filePath) => {
      converted.push(filePath);
      return { ok: true, xml: readFileSync(fixture('managed-preferences-machine.plist'), 'utf8') };
    };
    const binary = fixture('managed-preferences-machine-binary.plist');
    expect(await managedPreferencesSource({ filePath: binary, convertBinary }).read()).toEqual({
      kind: 'values',
      values: MACHINE_SETTINGS,
    });
    expect(converted).toEqual([binary]);
    const calls: string[][] = [];
    await plutilConverter(async (file, args) => {
      calls.push([file, ...args]);
      return { code: 0, stdout: '<plist><dict/></plist>', stderr: '' };
    })(binary);
    expect(calls).toEqual([['/usr/bin/plutil', '-convert', 'xml1', '-o', '-', binary]]);
  });

  it('reports a binary plist it cannot convert, a damaged plist, and passes over a missing one', async () => {
    const policy = await readManagedPolicy([
      managedPreferencesSource({ filePath: fixture('managed-preferences-machine-binary.plist'), convertBinary: noPlutil }),
      managedPreferencesSource({ filePath: fixture('managed-preferences-damaged.plist'), convertBinary: noPlutil }),
      managedPreferencesSource({ filePath: fixture('no-such.plist'), convertBinary: noPlutil }),
    ]);
    expect(policy.settings).toEqual({});
    expect(policy.problems.map(({ code, source }) => ({ code, source }))).toEqual([
      { code: 'source-damaged', source: fixture('managed-preferences-machine-binary.plist') },
      { code: 'source-damaged', source: fixture('managed-preferences-damaged.plist') },
    ]);
    expect(policy.problems[0]?.detail).toBe('binary property list: plutil is not on this machine');
  });
});
