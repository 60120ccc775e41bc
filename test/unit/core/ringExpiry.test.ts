/** The countdown's source: the demo's ring timeout, on the call view the renderer gets. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/main/core/demo/scenarioLoader';
import { SettingsPatchSchema } from '../../../src/shared/settings';
import { demoDesk } from '../../support/demoDesk';

const demoDir = path.resolve(__dirname, '../../../resources/demo-scenarios');
const scenarios = [parseScenario(readFileSync(path.join(demoDir, 'renewal-charged-twice.json'), 'utf8'), 'renewal-charged-twice.json')];

describe('when a ring gives up', () => {
  it('the demo says when, and the call view carries it', () => {
    const { desk, clock } = demoDesk({ scenarios, ringTimeoutMs: 30_000 });
    const view = desk.ringDemoCall();
    expect(view.ringExpiresAt).toBe(clock.now() + 30_000);
  });

  it('a ring without a timeout has no countdown', () => {
    const { desk } = demoDesk({ scenarios });
    expect(desk.ringDemoCall().ringExpiresAt).toBeUndefined();
  });
});

describe('ringtone settings', () => {
  it.each([
    [{ ringtoneVolume: 0 }, true],
    [{ ringtoneVolume: 1 }, true],
    [{ ringtoneVolume: 1.5 }, false],
    [{ ringtoneVolume: -0.1 }, false],
    [{ ringtoneOutputDevice: '' }, true],
    [{ ringtoneOutputDevice: 'a1b2c3d4e5f6' }, true],
    [{ ringtoneOutputDevice: 'has space' }, false],
    [{ ringtoneOutputDevice: 'x'.repeat(201) }, false],
  ])('%j valid: %s', (patch, valid) => {
    expect(SettingsPatchSchema.safeParse(patch).success).toBe(valid);
  });
});
