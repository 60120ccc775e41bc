/** electron-builder.yml: the installers IT expects, valid for electron-builder itself, and signing that warns instead of failing. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_BUNDLE_ID } from '../../../src/main/core/policy/platformPolicySources';
import afterSign from '../../../tools/installer/signingEnvironment.cjs';

const ROOT = path.resolve(__dirname, '../../..');
const config = parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'));
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const targets = (platform: { target: { target: string; arch: string[] }[] }) =>
  Object.fromEntries(platform.target.map((entry) => [entry.target, entry.arch]));

describe('installer configuration', () => {
  it("passes electron-builder's own schema", async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, nsis: { ...config.nsis, perMachne: true } }, { isEnabled: false, add: () => undefined }),
    ).rejects.toThrow(/Invalid configuration/);
  });

  it('builds NSIS per-machine and MSI per-machine for Windows, DMG and PKG for macOS x64 and arm64', () => {
    expect(targets(config.win)).toEqual({ nsis: ['x64'], msi: ['x64'] });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(config.msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(targets(config.mac)).toEqual({ dmg: ['x64', 'arm64'], pkg: ['x64', 'arm64'], zip: ['x64', 'arm64'] });
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(existsSync(path.join(ROOT, config.mac.entitlements))).toBe(true);
    expect(config.pkg.installLocation).toBe('/Applications');
  });

  it('carries the metadata: appId, product name, copyright, version and publisher from package.json', () => {
    expect(config).toMatchObject({ appId: APP_BUNDLE_ID, productName: 'Whisper Desk' });
    expect(config.copyright).toMatch(/^Copyright © \d{4} Whisper Desk$/);
    expect(packageJson.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(packageJson.author).toBe('Whisper Desk');
  });

  it("the bundle id is the sample profile's PayloadType, so macOS files its policies where the desk reads them", () => {
    const profile = plist.parse(readFileSync(path.join(ROOT, `resources/policies/${APP_BUNDLE_ID}.mobileconfig`), 'utf8')) as {
      PayloadContent: { PayloadType: string }[];
    };
    expect(profile.PayloadContent[0]?.PayloadType).toBe(config.appId);
  });

  it('ships the policy templates with the app and runs the signing hook', () => {
    expect(config.extraResources).toContainEqual({ from: 'resources/policies', to: 'policies' });
    expect(config.afterSign).toBe('tools/installer/signingEnvironment.cjs');
    expect(config.publish[0]).toMatchObject({ provider: 'github' });
  });
});

describe('signing from the environment', () => {
  const { signingPlan } = afterSign;

  it('signs Windows installers with WIN_CSC_LINK (or CSC_LINK); warns, without failing, when neither is set', async () => {
    expect(signingPlan({ WIN_CSC_LINK: 'c.pfx', WIN_CSC_KEY_PASSWORD: 'x' }, 'win32')).toMatchObject({
      signing: 'WIN_CSC_LINK',
      warnings: [],
    });
    expect(signingPlan({ CSC_LINK: 'c.pfx' }, 'win32')).toMatchObject({ signing: 'CSC_LINK', warnings: [] });
    const lines: string[] = [];
    const plan = await afterSign({ electronPlatformName: 'win32' }, {}, (line) => lines.push(line));
    expect(plan.signing).toBe('unsigned');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/UNSIGNED BUILD: Windows installers are NOT signed: set WIN_CSC_LINK/);
  });

  it('notarizes macOS with an API key, an Apple ID or a keychain profile, and names what is missing', () => {
    const signed = { CSC_LINK: 'dev.p12', CSC_KEY_PASSWORD: 'x' };
    expect(signingPlan({ ...signed, APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' }, 'darwin')).toMatchObject({
      notarization: 'api-key',
      warnings: [],
    });
    expect(signingPlan({ ...signed, APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' }, 'darwin')).toMatchObject({
      notarization: 'apple-id',
      warnings: [],
    });
    expect(signingPlan({ ...signed, APPLE_KEYCHAIN_PROFILE: 'wd' }, 'darwin')).toMatchObject({
      notarization: 'keychain-profile',
      warnings: [],
    });
    const partial = signingPlan({ ...signed, APPLE_ID: 'a@b.c' }, 'darwin');
    expect(partial.notarization).toBe('incomplete');
    expect(partial.warnings).toEqual(['macOS app is NOT notarized: APPLE_ID set but APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID missing.']);
    const bare = signingPlan({}, 'darwin');
    expect(bare).toMatchObject({ signing: 'keychain-or-unsigned', notarization: 'none' });
    expect(bare.warnings).toHaveLength(2);
  });

  it('has nothing to say for Linux', () => {
    expect(signingPlan({}, 'linux').warnings).toEqual([]);
  });
});
