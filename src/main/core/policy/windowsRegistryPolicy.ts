/**
 * Group Policy and Intune write Whisper Desk's policies under `SOFTWARE\Policies\WhisperDesk\WhisperDesk`
 * (HKLM for the machine, HKCU for the user). We read them with Windows' own `reg.exe query /s` and parse
 * its text: no native module to build for each Electron version, and the output format has been stable
 * since Windows XP. Lists come as REG_MULTI_SZ or, as the ADMX `<list>` element writes them, as a subkey
 * of the same name with one value per item.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { PolicyRead, PolicySource } from './managedPolicy';

export const POLICY_REGISTRY_PATH = 'SOFTWARE\\Policies\\WhisperDesk\\WhisperDesk';

export type RegistryHive = 'HKLM' | 'HKCU';
const HIVE_NAMES: Record<RegistryHive, string> = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER' };

export interface RegistryValue {
  type: string;
  /** As reg.exe prints it: REG_MULTI_SZ items joined by the two characters `\0`, REG_DWORD as 0x hex. */
  data: string;
}

/** key path (relative to the queried key, '' for itself) → value name → value. */
export type RegistryTree = Map<string, Map<string, RegistryValue>>;

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z_0-9]+)(?: {4}(.*))?$/;

export function parseRegQueryOutput(output: string, queriedKey: string): RegistryTree {
  const tree: RegistryTree = new Map();
  const root = queriedKey.toLowerCase();
  let current: Map<string, RegistryValue> | undefined;
  for (const line of output.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      const lower = line.trim().toLowerCase();
      // Keys outside the one queried do not occur in `reg query KEY /s`; skip anything else defensively.
      if (lower !== root && !lower.startsWith(`${root}\\`)) {
        current = undefined;
        continue;
      }
      const relative = line.trim().slice(queriedKey.length).replace(/^\\/, '');
      current = new Map();
      tree.set(relative, current);
      continue;
    }
    const match = VALUE_LINE.exec(line);
    if (!match || !current) continue;
    const [, name, type, data] = match as unknown as [string, string, string, string | undefined];
    current.set(name, { type, data: data ?? '' });
  }
  return tree;
}

/** %VAR% as Windows expands it for REG_EXPAND_SZ (names are case-insensitive); unknown names are left as they are. */
export function expandEnvironmentStrings(text: string, env: Record<string, string | undefined>): string {
  const lookup = new Map(Object.entries(env).map(([name, value]) => [name.toLowerCase(), value]));
  return text.replace(/%([^%]+)%/g, (whole, name: string) => lookup.get(name.toLowerCase()) ?? whole);
}

/** One registry value as a policy value: strings, numbers or a list of strings. */
export function registryValueToPolicy(value: RegistryValue, env: Record<string, string | undefined>): unknown {
  switch (value.type) {
    case 'REG_SZ':
      return value.data;
    case 'REG_EXPAND_SZ':
      return expandEnvironmentStrings(value.data, env);
    case 'REG_DWORD':
    case 'REG_QWORD':
      return /^0x[0-9a-f]+$/i.test(value.data) ? Number.parseInt(value.data.slice(2), 16) : value.data;
    case 'REG_MULTI_SZ':
      return value.data === '' ? [] : value.data.split('\\0');
    default:
      return { unsupportedRegistryType: value.type };
  }
}

/** The policy values of a `reg query /s` answer: the key's own values, and each subkey as a list. */
export function registryTreeToPolicy(tree: RegistryTree, env: Record<string, string | undefined>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, value] of tree.get('') ?? []) {
    if (name === '(Default)') continue;
    values[name] = registryValueToPolicy(value, env);
  }
  for (const [subkey, entries] of tree) {
    if (subkey === '' || subkey.includes('\\')) continue;
    // The ADMX list element names its values 1, 2, 3...: keep that order.
    const items = [...entries.entries()]
      .filter(([name]) => name !== '(Default)')
      .sort(([a], [b]) => (Number(a) || 0) - (Number(b) || 0) || a.localeCompare(b))
      .map(([, value]) => registryValueToPolicy(value, env));
    values[subkey] = items;
  }
  return values;
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}
export type CommandRunner = (file: string, args: string[]) => Promise<CommandResult>;

export const runCommand: CommandRunner = (file, args) =>
  new Promise((resolve) => {
    execFile(file, args, { windowsHide: true, timeout: 10_000, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr || (error && code === -1 ? error.message : '')) });
    });
  });

export function registryPolicySource(options: {
  hive: RegistryHive;
  run?: CommandRunner;
  env?: Record<string, string | undefined>;
}): PolicySource {
  const env = options.env ?? process.env;
  const run = options.run ?? runCommand;
  const key = `${HIVE_NAMES[options.hive]}\\${POLICY_REGISTRY_PATH}`;
  // By its full path: a reg.exe earlier on PATH is not the one we mean.
  const regExe = path.win32.join(env.SystemRoot ?? 'C:\\Windows', 'System32', 'reg.exe');
  return {
    name: `${options.hive}\\${POLICY_REGISTRY_PATH}`,
    async read(): Promise<PolicyRead> {
      const result = await run(regExe, ['query', key, '/s']);
      // reg.exe answers 1 and prints nothing on stdout when the key is not there (IT set nothing); its
      // message is in the system's language, so the exit code and the empty answer decide, not the words.
      if (result.code === 1 && result.stdout.trim() === '') return { kind: 'absent' };
      if (result.code !== 0)
        return { kind: 'damaged', reason: `reg query failed (${result.code}): ${result.stderr.trim() || result.stdout.trim()}` };
      return { kind: 'values', values: registryTreeToPolicy(parseRegQueryOutput(result.stdout, key), env) };
    },
  };
}
