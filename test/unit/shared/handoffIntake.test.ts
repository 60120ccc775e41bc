import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakePackage } from '../../../src/shared/handoffIntake';
import { MAX_PACKAGE_BYTES } from '../../../src/shared/handoffPackage';

const fixtures = path.resolve(__dirname, '../../fixtures/scenarios');
const load = (name: string) => JSON.parse(readFileSync(path.join(fixtures, name), 'utf8'));
const demo = (name: string) => JSON.parse(readFileSync(path.resolve(__dirname, '../../../resources/demo-scenarios', name), 'utf8'));

describe('handoff intake', () => {
  it('accepts a valid package and normalises its values', () => {
    const scenario = demo('renewal-charged-twice.json');
    scenario.handoff.caller.phone = '(512) 555-0149';
    const result = intakePackage({ kind: 'object', value: scenario.handoff });
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.package.caller.phone).toBe('+15125550149');
    expect(result.warnings).toEqual([]);
  });

  it('reports a missing package as missing, not as damaged', () => {
    expect(intakePackage({ kind: 'none' })).toEqual({ status: 'missing' });
    expect(intakePackage({ kind: 'object', value: null })).toEqual({ status: 'missing' });
    expect(intakePackage({ kind: 'text', text: '  ' })).toEqual({ status: 'missing' });
  });

  it('reports cut-off JSON as damaged with the raw text kept for a glance', () => {
    const result = intakePackage({ kind: 'text', text: load('malformed-truncated.json').rawHandoff });
    expect(result.status).toBe('malformed');
    if (result.status !== 'malformed') return;
    expect(result.errors[0]).toMatch(/not valid JSON/);
    expect(result.rawExcerpt.length).toBeGreaterThan(20);
  });

  it('names each wrongly typed field', () => {
    const result = intakePackage({ kind: 'text', text: load('malformed-wrong-types.json').rawHandoff });
    expect(result.status).toBe('malformed');
    if (result.status !== 'malformed') return;
    const errors = result.errors.join('\n');
    expect(errors).toMatch(/field intent\.confidence invalid/);
    expect(errors).toMatch(/field caller\.verified invalid/);
    expect(errors).toMatch(/field facts invalid/);
  });

  it('refuses an unknown trigger code', () => {
    const result = intakePackage({ kind: 'text', text: load('malformed-unknown-trigger.json').rawHandoff });
    expect(result.status === 'malformed' && result.errors.join()).toMatch(/field trigger\.code invalid/);
  });

  it('refuses an oversize package by its size without parsing it', () => {
    const pkg = JSON.parse(load('oversize-package.json').rawHandoff);
    pkg.summary = 'y'.repeat(MAX_PACKAGE_BYTES);
    const result = intakePackage({ kind: 'text', text: JSON.stringify(pkg) });
    expect(result.status === 'malformed' && result.errors[0]).toMatch(/over the 512 KB limit/);
    expect(result.status === 'malformed' && result.rawExcerpt.length).toBeLessThanOrEqual(2000);
  });

  it('strips direction overrides and control characters, keeps markup as text, and says so', () => {
    const scenario = load('hostile-text.json');
    const result = intakePackage({ kind: 'object', value: scenario.handoff });
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.package.caller.name).not.toMatch(/[\u202A-\u202E]/);
    expect(result.package.summary).toContain('<script>');
    expect(result.warnings.join('\n')).toMatch(/caller\.name: hidden characters removed/);
    expect(result.warnings.join('\n')).toMatch(/summary: contains markup/);
  });

  it('rejects a non-object package', () => {
    for (const text of ['42', '"hello"', '[]', 'true']) {
      expect(intakePackage({ kind: 'text', text }).status).toBe('malformed');
    }
  });
});
