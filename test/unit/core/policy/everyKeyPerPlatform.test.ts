/** Every managed key, written the way each platform's tools write it, is read back by that platform's parser with its value and type. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import plist from 'plist';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonPolicyFile } from '../../../../src/main/core/policy/jsonPolicyFile';
import { managedPreferencesSource } from '../../../../src/main/core/policy/macManagedPreferences';
import { readManagedPolicy } from '../../../../src/main/core/policy/managedPolicy';
import { registryPolicySource } from '../../../../src/main/core/policy/windowsRegistryPolicy';
import { DEFAULT_SETTINGS, MANAGED_SETTING_KEYS, SETTING_KINDS, SettingsSchema, type Settings } from '../../../../src/shared/settings';
import { makeTempDir } from '../../../support/tempDir';

const temp = makeTempDir();
afterAll(() => temp.remove());

/** A live desk's values, none of them the default, so a key that is not read shows. */
const SAMPLE: Settings = SettingsSchema.parse({
  ...DEFAULT_SETTINGS,
  agentName: 'Desk 42',
  demoSpeed: 2.5,
  demoAutoRingSeconds: 15,
  lookupBaseUrl: 'https://cc.example.com/lookups/',
  assistEngine: 'openai',
  openaiBaseUrl: 'https://gateway.cc.example.com/v1',
  openaiModel: 'gpt-4.1',
  openaiTimeoutMs: 12_000,
  handBackAllowList: ['send_return_label', 'send_shipping_status_link'],
  domainPack: 'C:\\ProgramData\\WhisperDesk\\packs\\our-center',
  handBackEndpoint: 'https://ai-agent.example.com/hand-back',
  otlpEndpoint: 'https://otel.example.com:4318',
  telephonyMode: 'twilio',
  tokenEndpointUrl: 'https://cc.example.com/whisper-desk/token',
  taskRouterEventBridgeUrl: 'https://event-bridge.dublin.twilio.com',
  taskRouterSocketUrl: 'wss://event-bridge.dublin.twilio.com/v1/wschannels',
  voiceEdge: 'dublin,frankfurt',
  voiceSignalingHost: 'voice.example.com:443',
  transcriptionModel: 'gpt-4o-mini-transcribe',
  updatesEnabled: false,
  updateChannel: 'beta',
  updateServerUrl: 'https://updates.cc.example.com/whisper-desk/',
  updateCheckHours: 24,
  ringtoneVolume: 0.35,
  ringtoneOutputDevice: 'c0ffee-speaker-2',
});

/** `reg query /s` output as reg.exe prints the values Group Policy writes for SAMPLE (lists as an ADMX list subkey). */
function regQueryOutput(root: string): string {
  const lines = ['', root];
  const subkeys: string[] = [];
  for (const key of MANAGED_SETTING_KEYS) {
    const value = SAMPLE[key];
    switch (SETTING_KINDS[key]) {
      case 'integer':
        lines.push(`    ${key}    REG_DWORD    0x${(value as number).toString(16)}`);
        break;
      case 'boolean':
        lines.push(`    ${key}    REG_DWORD    0x${value ? 1 : 0}`);
        break;
      case 'list':
        subkeys.push('', `${root}\\${key}`, ...(value as string[]).map((item, index) => `    ${index + 1}    REG_SZ    ${item}`));
        break;
      default:
        lines.push(`    ${key}    REG_SZ    ${String(value)}`);
    }
  }
  return [...lines, ...subkeys, '', ''].join('\r\n');
}

describe('every managed key on every platform', () => {
  it('Windows registry (reg query /s)', async () => {
    const root = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\WhisperDesk\\WhisperDesk';
    const source = registryPolicySource({
      hive: 'HKLM',
      env: { SystemRoot: 'C:\\Windows' },
      run: async () => ({ code: 0, stdout: regQueryOutput(root), stderr: '' }),
    });
    const policy = await readManagedPolicy([source]);
    expect(policy.problems).toEqual([]);
    expect(policy.settings).toEqual(SAMPLE);
  });

  it('macOS managed preferences (XML plist)', async () => {
    const file = path.join(temp.dir, 'com.whisperdesk.app.plist');
    writeFileSync(file, plist.build(SAMPLE as unknown as plist.PlistValue));
    const policy = await readManagedPolicy([
      managedPreferencesSource({ filePath: file, convertBinary: async () => ({ ok: false, reason: 'unused' }) }),
    ]);
    expect(policy.problems).toEqual([]);
    expect(policy.settings).toEqual(SAMPLE);
  });

  it('the JSON file', async () => {
    const file = path.join(temp.dir, 'managed-settings.json');
    writeFileSync(file, JSON.stringify(SAMPLE));
    const policy = await readManagedPolicy([jsonPolicyFile(file)]);
    expect(policy.problems).toEqual([]);
    expect(policy.settings).toEqual(SAMPLE);
  });

  it('the sample differs from the defaults in every key, so none is read back by luck', () => {
    expect(MANAGED_SETTING_KEYS.filter((key) => JSON.stringify(SAMPLE[key]) === JSON.stringify(DEFAULT_SETTINGS[key]))).toEqual([]);
    expect(MANAGED_SETTING_KEYS).toHaveLength(Object.keys(SettingsSchema.shape).length);
  });
});
