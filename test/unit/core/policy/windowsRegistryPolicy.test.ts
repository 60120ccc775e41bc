/** Group Policy / Intune values read through `reg query /s`, parsed from outputs in reg.exe's format (test/fixtures/policy). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManagedPolicy } from '../../../../src/main/core/policy/managedPolicy';
import {
  parseRegQueryOutput,
  registryPolicySource,
  registryTreeToPolicy,
  type CommandRunner,
} from '../../../../src/main/core/policy/windowsRegistryPolicy';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/policy');
const HKLM_OUTPUT = readFileSync(path.join(FIXTURES, 'reg-query-hklm.txt'), 'utf8');
const HKCU_OUTPUT = readFileSync(path.join(FIXTURES, 'reg-query-hkcu-damaged.txt'), 'utf8');
const HKLM_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\WhisperDesk\\WhisperDesk';
const HKCU_KEY = 'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\WhisperDesk\\WhisperDesk';
const ENV = { SystemRoot: 'C:\\Windows', COMPUTERNAME: 'DESK-042' };

/** reg.exe as it answers: the captured output for the queried key, exit 1 and nothing on stdout for a missing one. */
function fakeReg(outputs: Record<string, string>, calls: string[][] = []): CommandRunner {
  return async (file, args) => {
    calls.push([file, ...args]);
    const output = outputs[args[1]!];
    return output === undefined
      ? { code: 1, stdout: '', stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' }
      : { code: 0, stdout: output, stderr: '' };
  };
}

describe('Windows registry policies', () => {
  it('parses each value type of reg query /s: REG_SZ, REG_DWORD, REG_QWORD, REG_EXPAND_SZ, REG_MULTI_SZ, empty data, a list subkey', () => {
    const tree = parseRegQueryOutput(HKLM_OUTPUT, HKLM_KEY);
    expect(tree.get('')?.get('demoAutoRingSeconds')).toEqual({ type: 'REG_DWORD', data: '0x1e' });
    expect(tree.get('')?.get('openaiBaseUrl')).toEqual({ type: 'REG_SZ', data: '' });
    expect(tree.get('handBackAllowList')?.size).toBe(3);
    expect(registryTreeToPolicy(tree, ENV)).toEqual({
      telephonyMode: 'twilio',
      tokenEndpointUrl: 'https://cc.example.com/whisper-desk/token',
      assistEngine: 'openai',
      demoAutoRingSeconds: 30,
      openaiTimeoutMs: 10_000,
      demoSpeed: '1.5',
      updatesEnabled: 0,
      updateChannel: 'beta',
      updateCheckHours: 12,
      otlpEndpoint: 'https://DESK-042.otel.example.com:4318',
      voiceEdge: 'dublin,ashburn',
      openaiBaseUrl: '',
      // The ADMX list element's values 1, 2, 10, in their numeric order.
      handBackAllowList: ['send_return_label', 'send_password_reset_link', 'send_shipping_status_link'],
    });
  });

  it('reads HKLM as settings of the right types, and HKLM wins over HKCU', async () => {
    const calls: string[][] = [];
    const run = fakeReg({ [HKLM_KEY]: HKLM_OUTPUT, [HKCU_KEY]: HKCU_OUTPUT }, calls);
    const policy = await readManagedPolicy([
      registryPolicySource({ hive: 'HKLM', run, env: ENV }),
      registryPolicySource({ hive: 'HKCU', run, env: ENV }),
    ]);
    expect(calls[0]).toEqual(['C:\\Windows\\System32\\reg.exe', 'query', HKLM_KEY, '/s']);
    expect(policy.settings).toEqual({
      telephonyMode: 'twilio',
      tokenEndpointUrl: 'https://cc.example.com/whisper-desk/token',
      assistEngine: 'openai',
      demoAutoRingSeconds: 30,
      openaiTimeoutMs: 10_000,
      demoSpeed: 1.5,
      updatesEnabled: false,
      updateChannel: 'beta',
      updateCheckHours: 12,
      otlpEndpoint: 'https://DESK-042.otel.example.com:4318',
      voiceEdge: 'dublin,ashburn',
      openaiBaseUrl: '',
      handBackAllowList: ['send_return_label', 'send_password_reset_link', 'send_shipping_status_link'],
      // Only HKCU sets this one, so the user's policy applies.
      agentName: 'Priya Raman',
    });
    expect(policy.setBy.telephonyMode).toBe('HKLM\\SOFTWARE\\Policies\\WhisperDesk\\WhisperDesk');
    expect(policy.setBy.agentName).toBe('HKCU\\SOFTWARE\\Policies\\WhisperDesk\\WhisperDesk');
  });

  it('reports each damaged value (source, key, why) and ignores it', async () => {
    const run = fakeReg({ [HKCU_KEY]: HKCU_OUTPUT });
    const policy = await readManagedPolicy([registryPolicySource({ hive: 'HKCU', run, env: ENV })]);
    const hkcu = 'HKCU\\SOFTWARE\\Policies\\WhisperDesk\\WhisperDesk';
    expect(policy.settings).toEqual({
      agentName: 'Priya Raman',
      telephonyMode: 'demo',
      handBackAllowList: ['send_return_label', 'send_shipping_status_link'],
    });
    expect(policy.problems.map(({ code, source, key }) => ({ code, source, key }))).toEqual([
      { code: 'invalid-value', source: hkcu, key: 'demoSpeed' },
      { code: 'wrong-type', source: hkcu, key: 'assistEngine' },
      { code: 'invalid-value', source: hkcu, key: 'lookupBaseUrl' },
      { code: 'unknown-key', source: hkcu, key: 'colourScheme' },
      { code: 'wrong-type', source: hkcu, key: 'openaiModel' },
    ]);
    expect(policy.problems[1]?.detail).toBe('expected a string, got 1');
  });

  it('treats a key that is not there as no policy, and a failing reg.exe as a damaged source', async () => {
    expect(await registryPolicySource({ hive: 'HKLM', run: fakeReg({}), env: ENV }).read()).toEqual({ kind: 'absent' });
    const broken: CommandRunner = async () => ({ code: -1, stdout: '', stderr: 'spawn reg.exe ENOENT' });
    const policy = await readManagedPolicy([registryPolicySource({ hive: 'HKLM', run: broken, env: ENV })]);
    expect(policy.problems).toEqual([
      {
        code: 'source-damaged',
        source: 'HKLM\\SOFTWARE\\Policies\\WhisperDesk\\WhisperDesk',
        detail: 'reg query failed (-1): spawn reg.exe ENOENT',
      },
    ]);
    expect(policy.settings).toEqual({});
  });
});
