/** Where IT's policies live on each platform, in order of precedence (highest first). */
import os from 'node:os';
import path from 'node:path';
import { jsonPolicyFile } from './jsonPolicyFile';
import { managedPreferencesPaths, managedPreferencesSource } from './macManagedPreferences';
import type { PolicySource } from './managedPolicy';
import { registryPolicySource, type CommandRunner } from './windowsRegistryPolicy';

/** The bundle id (electron-builder appId), which is also the macOS profile's PayloadType. */
export const APP_BUNDLE_ID = 'com.whisperdesk.app';

export function defaultManagedSettingsFile(platform: NodeJS.Platform, env: Record<string, string | undefined>): string | undefined {
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'WhisperDesk', 'managed-settings.json');
  if (platform === 'darwin') return '/Library/Application Support/WhisperDesk/managed-settings.json';
  if (platform === 'linux') return '/etc/whisper-desk/managed-settings.json';
  return undefined;
}

export function platformPolicySources(options: {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  userName?: string;
  run?: CommandRunner;
}): PolicySource[] {
  const { platform, env } = options;
  const jsonPath = env.WHISPER_DESK_MANAGED_SETTINGS ?? defaultManagedSettingsFile(platform, env);
  const json = jsonPath ? [jsonPolicyFile(jsonPath)] : [];
  if (platform === 'win32') {
    return [
      registryPolicySource({ hive: 'HKLM', run: options.run, env }),
      registryPolicySource({ hive: 'HKCU', run: options.run, env }),
      ...json,
    ];
  }
  if (platform === 'darwin') {
    const userName = options.userName ?? os.userInfo().username;
    return [...managedPreferencesPaths(APP_BUNDLE_ID, userName).map((filePath) => managedPreferencesSource({ filePath })), ...json];
  }
  return json;
}
