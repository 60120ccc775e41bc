import { describe, expect, it } from 'vitest';
import { packageFieldPath, parsePackageFieldPath, type PackageFieldRef } from '../../../src/shared/packageFieldPath';
import { intakePackage } from '../../../src/shared/handoffIntake';
import { packageTexts } from '../../../src/main/core/assist/localAssistEngine';
import { packageField } from '../../../src/renderer/src/components/assist/assistFlags';
import { demoHandoff } from '../../support/taskRouterFixture';

const EVERY_KIND: PackageFieldRef[] = [
  { section: 'caller', part: 'name' },
  { section: 'caller', part: 'verification' },
  { section: 'intent', part: 'label' },
  { section: 'summary' },
  { section: 'trigger', part: 'detail' },
  { section: 'nextSteps', index: 0 },
  { section: 'nextSteps', index: 12 },
  { section: 'facts', index: 3 },
  { section: 'facts', index: 0, part: 'value' },
  { section: 'facts', index: 7, part: 'source' },
  { section: 'aiAttempts', index: 1, part: 'tool' },
  { section: 'aiAttempts', index: 10, part: 'result' },
];

describe('package field paths: one helper writes and reads them', () => {
  it.each(EVERY_KIND.map((ref) => [packageFieldPath(ref), ref] as const))('%s reads back as the field it was written from', (path, ref) => {
    expect(parsePackageFieldPath(path)).toEqual(ref);
    expect(packageFieldPath(parsePackageFieldPath(path)!)).toBe(path);
  });

  it('keeps the wire form the store and older calls already hold', () => {
    expect(packageFieldPath({ section: 'nextSteps', index: 2 })).toBe('nextSteps.2');
    expect(packageFieldPath({ section: 'facts', index: 0, part: 'value' })).toBe('facts.0.value');
    expect(packageFieldPath({ section: 'trigger', part: 'detail' })).toBe('trigger.detail');
  });

  it.each([
    '',
    'nextSteps',
    'nextSteps.x',
    'nextSteps.-1',
    'nextSteps.01',
    'nextSteps.1.value',
    'facts.1.name',
    'aiAttempts.1',
    'caller.phone',
    'summary.0',
    'trigger',
    'other.1',
    'facts.1.value.extra',
  ])('%j names no package field', (path) => expect(parsePackageFieldPath(path)).toBeUndefined());

  it('every path the assist engine writes for a package is one the screen reads back to its own text', () => {
    const handoff = demoHandoff();
    const intake = intakePackage({ kind: 'object', value: handoff });
    expect(intake.status).toBe('ok');
    if (intake.status !== 'ok') return;
    const texts = packageTexts(intake.package);
    expect(texts.length).toBeGreaterThan(8);
    for (const [path, text] of texts) {
      expect(parsePackageFieldPath(path), path).toBeDefined();
      const shown = packageField(path, intake.package);
      // caller and intent fields are named by their path on screen; the others are read back to their text.
      if (!path.startsWith('caller.') && !path.startsWith('intent.') && !path.endsWith('.source')) expect(shown.text, path).toBe(text);
    }
  });
});
