/** The ADMX/ADML and the sample .mobileconfig in resources/policies: up to date, and listing exactly the settings schema's keys with their types. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validatePolicyValues } from '../../../src/main/core/policy/managedPolicy';
import { APP_BUNDLE_ID } from '../../../src/main/core/policy/platformPolicySources';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../../src/shared/settings';
import { POLICY_TEMPLATE_FILES } from '../../../tools/policyTemplates';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const ADMX = read('resources/policies/WhisperDesk.admx');
const ADML = read('resources/policies/en-US/WhisperDesk.adml');
const SCHEMA_KEYS = Object.keys(SettingsSchema.shape).sort();

/** What the schema itself accepts, found by trying values (not by reading SETTING_KINDS, which this checks too). */
function expectedElement(key: keyof Settings): string {
  const schema = SettingsSchema.shape[key];
  if (schema.safeParse(true).success) return 'boolean';
  if (schema.safeParse([]).success) return 'list';
  if (schema instanceof z.ZodEnum) return 'enum';
  if (typeof DEFAULT_SETTINGS[key] === 'number')
    // Fractional values allowed (on either side of the default, for a range like 0–1) → a text box.
    return schema.safeParse((DEFAULT_SETTINGS[key] as number) + 0.5).success ||
      schema.safeParse((DEFAULT_SETTINGS[key] as number) - 0.5).success
      ? 'text'
      : 'decimal';
  return 'text';
}

function policies(): Map<string, string> {
  return new Map([...ADMX.matchAll(/<policy name="([^"]+)"[\s\S]*?<\/policy>/g)].map((match) => [match[1]!, match[0]]));
}

describe('policy templates', () => {
  it('are what tools/writePolicyTemplates.ts generates from the schema (run it after changing a setting)', () => {
    for (const [file, build] of Object.entries(POLICY_TEMPLATE_FILES)) expect(read(file), file).toBe(build());
  });

  it('the ADMX has one policy per setting in the schema, no more, no fewer', () => {
    expect([...policies().keys()].sort()).toEqual(SCHEMA_KEYS);
  });

  it("each policy's element carries the setting's type: text, decimal with the schema's range, enum with its options, boolean, list", () => {
    for (const [name, body] of policies()) {
      const key = name as keyof Settings;
      const expected = expectedElement(key);
      expect(body, name).toContain('key="SOFTWARE\\Policies\\WhisperDesk\\WhisperDesk"');
      if (expected === 'boolean') {
        expect(body, name).toMatch(
          new RegExp(
            `valueName="${name}"[\\s\\S]*<enabledValue><decimal value="1" /></enabledValue>[\\s\\S]*<disabledValue><decimal value="0" /></disabledValue>`,
          ),
        );
        expect(body, name).not.toContain('<elements>');
      } else if (expected === 'list') {
        expect(body, name).toContain(`<list id="${name}" key="SOFTWARE\\Policies\\WhisperDesk\\WhisperDesk\\${name}" valuePrefix="" />`);
      } else if (expected === 'enum') {
        const items = [...body.matchAll(/<string>([^<]+)<\/string>/g)].map((match) => match[1]);
        expect(items, name).toEqual((SettingsSchema.shape[key] as unknown as { options: string[] }).options);
      } else if (expected === 'decimal') {
        const range = /<decimal id="[^"]+" valueName="([^"]+)" minValue="(\d+)" maxValue="(\d+)" \/>/.exec(body);
        expect(range?.[1], name).toBe(name);
        const [min, max] = [Number(range?.[2]), Number(range?.[3])];
        expect(SettingsSchema.shape[key].safeParse(min).success && SettingsSchema.shape[key].safeParse(max).success, name).toBe(true);
        expect(SettingsSchema.shape[key].safeParse(min - 1).success || SettingsSchema.shape[key].safeParse(max + 1).success, name).toBe(
          false,
        );
      } else {
        expect(body, name).toContain(`<text id="${name}" valueName="${name}"`);
      }
    }
  });

  it('every string and presentation the ADMX names is in the en-US ADML', () => {
    const strings = new Set([...ADML.matchAll(/<string id="([^"]+)">/g)].map((match) => match[1]));
    const presentations = new Set([...ADML.matchAll(/<presentation id="([^"]+)">/g)].map((match) => match[1]));
    const missingStrings = [...ADMX.matchAll(/\$\(string\.([^)]+)\)/g)].map((match) => match[1]).filter((id) => !strings.has(id));
    const missingPresentations = [...ADMX.matchAll(/\$\(presentation\.([^)]+)\)/g)]
      .map((match) => match[1])
      .filter((id) => !presentations.has(id));
    expect({ missingStrings, missingPresentations }).toEqual({ missingStrings: [], missingPresentations: [] });
  });

  it("the sample .mobileconfig's payload is for the app's bundle id and every value in it is a valid policy", () => {
    const profile = plist.parse(read(`resources/policies/${APP_BUNDLE_ID}.mobileconfig`)) as { PayloadContent: Record<string, unknown>[] };
    const payload = profile.PayloadContent[0]!;
    expect(payload.PayloadType).toBe(APP_BUNDLE_ID);
    const values = Object.fromEntries(Object.entries(payload).filter(([name]) => !name.startsWith('Payload')));
    expect(Object.keys(values).length).toBeGreaterThan(10);
    const checked = validatePolicyValues('sample', values);
    expect(checked.problems).toEqual([]);
    expect(Object.keys(checked.settings).sort()).toEqual(Object.keys(values).sort());
  });
});
