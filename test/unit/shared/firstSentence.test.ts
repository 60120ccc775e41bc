import { demoLoaded } from '../../support/demoPack';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstSentence } from '../../../src/shared/firstSentence';
import { intakePackage } from '../../../src/shared/handoffIntake';

const demoDir = path.resolve(__dirname, '../../../resources/demo-scenarios');

describe('scripted first sentence', () => {
  for (const file of readdirSync(demoDir)) {
    it(`proves the context for ${file}`, () => {
      const scenario = JSON.parse(readFileSync(path.join(demoDir, file), 'utf8'));
      const result = intakePackage({ kind: 'object', value: scenario.handoff });
      if (result.status !== 'ok') throw new Error('demo package must be valid');
      const sentence = firstSentence(result.package, 'Jordan', demoLoaded.summary);
      const firstName = result.package.caller.name.split(' ')[0]!;
      expect(sentence).toMatch(
        new RegExp(`^Hi ${firstName}, I'm Jordan\\. I see you're calling about .+\\. .*let me help you with .+\\.$`),
      );
      expect(sentence).not.toMatch(/undefined|null|_/);
    });
  }

  it('names the details it already has so the customer need not repeat them', () => {
    const scenario = JSON.parse(readFileSync(path.join(demoDir, 'renewal-charged-twice.json'), 'utf8'));
    const result = intakePackage({ kind: 'object', value: scenario.handoff });
    if (result.status !== 'ok') throw new Error('invalid');
    expect(firstSentence(result.package, 'Sam', demoLoaded.summary)).toMatch(/I have your .*(account number|email)/);
  });
});
