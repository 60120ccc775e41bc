/**
 * macOS configuration profiles (Jamf, Intune, Kandji, Apple Configurator) deliver a payload of
 * PayloadType = the app's bundle id; macOS writes its keys to `/Library/Managed Preferences/<bundle id>.plist`
 * (for the computer) and `/Library/Managed Preferences/<user>/<bundle id>.plist` (for a user). The file
 * is an XML or a binary plist: XML is parsed with `plist`, binary is turned into XML by macOS's `plutil`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import plist from 'plist';
import type { PolicyRead, PolicySource } from './managedPolicy';
import { runCommand, type CommandRunner } from './windowsRegistryPolicy';

export const MANAGED_PREFERENCES_DIR = '/Library/Managed Preferences';

const BINARY_PLIST_MAGIC = 'bplist';

/** Turns a binary plist file into XML text (plutil on macOS); undefined where that tool is not there. */
export type BinaryPlistConverter = (filePath: string) => Promise<{ ok: true; xml: string } | { ok: false; reason: string }>;

export function plutilConverter(run: CommandRunner = runCommand): BinaryPlistConverter {
  return async (filePath) => {
    const result = await run('/usr/bin/plutil', ['-convert', 'xml1', '-o', '-', filePath]);
    return result.code === 0
      ? { ok: true, xml: result.stdout }
      : { ok: false, reason: `plutil could not read it (${result.code}): ${result.stderr.trim()}` };
  };
}

/** The top-level dictionary of a managed-preferences plist. */
export function parsePolicyPlist(xml: string): PolicyRead {
  let parsed: unknown;
  try {
    parsed = plist.parse(xml);
  } catch (error) {
    return { kind: 'damaged', reason: `not a property list (${(error as Error).message.split('\n')[0]})` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || parsed instanceof Date || Buffer.isBuffer(parsed))
    return { kind: 'damaged', reason: 'the property list is not a dictionary of settings' };
  // macOS may leave the profile's own Payload* and MCX bookkeeping keys beside the settings.
  const values = Object.fromEntries(Object.entries(parsed).filter(([key]) => !/^(Payload|mcx_)/.test(key)));
  return { kind: 'values', values };
}

export function managedPreferencesSource(options: { filePath: string; convertBinary?: BinaryPlistConverter }): PolicySource {
  const convertBinary = options.convertBinary ?? plutilConverter();
  return {
    name: options.filePath,
    async read(): Promise<PolicyRead> {
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(options.filePath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
        return { kind: 'damaged', reason: (error as Error).message };
      }
      if (bytes.subarray(0, BINARY_PLIST_MAGIC.length).toString('latin1') !== BINARY_PLIST_MAGIC)
        return parsePolicyPlist(bytes.toString('utf8'));
      const converted = await convertBinary(options.filePath);
      return converted.ok ? parsePolicyPlist(converted.xml) : { kind: 'damaged', reason: `binary property list: ${converted.reason}` };
    },
  };
}

/** The computer's profile first, then the user's. */
export function managedPreferencesPaths(bundleId: string, userName: string, dir = MANAGED_PREFERENCES_DIR): string[] {
  return [path.posix.join(dir, `${bundleId}.plist`), path.posix.join(dir, userName, `${bundleId}.plist`)];
}
