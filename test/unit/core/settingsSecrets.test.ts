import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SecretName } from '../../../src/main/core/ports';
import { SettingsStore } from '../../../src/main/core/settingsStore';
import { demoPack } from '../../support/demoPack';

const isRoutineTask = (task: string) => demoPack.manifest.handBack.tasks.some((candidate) => candidate.id === task && candidate.routine);
import { isSecureEndpoint, SECRET_OF_ENDPOINT } from '../../../src/shared/settings';
import { isAllowedHarnessOrigin } from '../../../tools/web-harness/harnessOrigin';
import { makeTempDir } from '../../support/tempDir';

const temp = makeTempDir();
afterAll(() => temp.remove());

const ENDPOINTS = ['openaiBaseUrl', 'handBackEndpoint', 'lookupBaseUrl', 'tokenEndpointUrl', 'otlpEndpoint'] as const;

describe('endpoints that receive secrets or customer data', () => {
  it.each([
    ['https://api.example.com/v1', true],
    ['http://127.0.0.1:8080', true],
    ['http://localhost:3000/x', true],
    ['http://[::1]:9/', true],
    ['http://api.example.com/v1', false],
    ['http://127.0.0.1.evil.example/', false],
    ['http://10.0.0.5/', false],
    ['ftp://example.com/', false],
  ])('%s is secure: %s', (url, secure) => {
    expect(isSecureEndpoint(url)).toBe(secure);
  });

  it.each(ENDPOINTS)('the renderer cannot set %s to plain http', async (key) => {
    const store = new SettingsStore({});
    await expect(store.update({ [key]: 'http://collector.example.com/' })).rejects.toThrow(/https/);
    await expect(store.update({ [key]: 'https://collector.example.com/' })).resolves.toMatchObject({
      [key]: 'https://collector.example.com/',
    });
  });

  it('changing an endpoint clears the secret that went to it, so it must be entered again', async () => {
    const cleared: SecretName[] = [];
    const store = new SettingsStore({}, { clearSecret: async (name) => void cleared.push(name) });
    await store.update({ openaiBaseUrl: 'https://gateway.example.com/v1' });
    await store.update({ handBackEndpoint: 'https://ai.example.com/hand-back' });
    await store.update({ tokenEndpointUrl: 'https://tokens.example.com/' });
    await store.update({ agentName: 'Priya', openaiBaseUrl: 'https://gateway.example.com/v1' });
    expect(cleared).toEqual(['openai_api_key', 'hand_back_signing_secret', 'token_endpoint_credential']);
    expect(SECRET_OF_ENDPOINT).toEqual({
      openaiBaseUrl: 'openai_api_key',
      handBackEndpoint: 'hand_back_signing_secret',
      tokenEndpointUrl: 'token_endpoint_credential',
    });
  });

  it('the hand-back allow-list accepts only tasks the pack marks routine', async () => {
    const store = new SettingsStore({});
    store.restrictHandBackTasks(isRoutineTask);
    expect(isRoutineTask('send_return_label')).toBe(true);
    expect(isRoutineTask('issue_refund')).toBe(false);
    await expect(store.update({ handBackAllowList: ['send_return_label', 'issue_refund'] })).rejects.toThrow(
      /issue_refund.*not a routine task/,
    );
    await expect(store.update({ handBackAllowList: ['close_account'] })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(store.update({ handBackAllowList: ['send_return_label'] })).resolves.toMatchObject({
      handBackAllowList: ['send_return_label'],
    });
    await expect(store.update({ handBackAllowList: ['*'] })).resolves.toMatchObject({ handBackAllowList: ['*'] });
  });

  it('a settings file edited by hand cannot add a non-routine task or a plain-http endpoint either', async () => {
    const userPath = path.join(temp.dir, 'tampered.json');
    writeFileSync(
      userPath,
      JSON.stringify({ handBackAllowList: ['send_return_label', 'close_account'], openaiBaseUrl: 'http://evil.example.com/' }),
    );
    const store = new SettingsStore({ userPath });
    await store.load();
    // The pack is known once settings have named it; from then on its routine tasks are the only ones kept.
    store.restrictHandBackTasks(isRoutineTask);
    expect(store.current.handBackAllowList).toEqual(['send_return_label']);
    expect(store.current.openaiBaseUrl).toBe('');
    expect(store.problems.join('\n')).toMatch(/close_account/);
  });

  it('IT can lock all three: endpoints, allow-list', async () => {
    const managedPath = path.join(temp.dir, 'managed.json');
    writeFileSync(
      managedPath,
      JSON.stringify({
        openaiBaseUrl: 'https://gw.corp.example/v1',
        handBackEndpoint: 'https://ai.corp.example/',
        handBackAllowList: ['send_return_label'],
      }),
    );
    const store = new SettingsStore({ managedPath });
    await store.load();
    for (const patch of [{ openaiBaseUrl: 'https://x.example/' }, { handBackEndpoint: 'https://x.example/' }, { handBackAllowList: [] }]) {
      await expect(store.update(patch)).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});

describe('the web harness refuses foreign origins', () => {
  it.each([
    [undefined, '127.0.0.1:5199', true],
    ['http://127.0.0.1:5199', '127.0.0.1:5199', true],
    ['http://localhost:5199', 'localhost:5199', true],
    ['http://evil.example', '127.0.0.1:5199', false],
    ['http://127.0.0.1:5200', '127.0.0.1:5199', false],
    ['null', '127.0.0.1:5199', false],
    ['https://127.0.0.1:5199', '127.0.0.1:5199', false],
  ])('Origin %s on host %s: %s', (origin, host, allowed) => {
    expect(isAllowedHarnessOrigin(origin, host)).toBe(allowed);
  });
});
