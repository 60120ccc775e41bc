import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { shippedSteeringModel, shippedWordClusters } from '../../../../src/main/core/understanding/steering/detectSteering';

const PROBE = path.join(os.tmpdir(), `whisper-desk-steering-probe-${process.pid}.cjs`);
afterAll(() => rmSync(PROBE, { force: true }));

describe('steering detector as bundled', () => {
  it('carries the model and its word clusters inside the bundle and scores with them in a fresh process', () => {
    buildSync({
      entryPoints: [path.join(__dirname, 'steeringBundleProbe.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: PROBE,
      logLevel: 'silent',
    });
    // Run from the temp folder, so nothing under resources/ could be read from disk.
    const result = JSON.parse(execFileSync(process.execPath, [PROBE], { encoding: 'utf8', cwd: os.tmpdir() })) as Record<string, unknown>;
    expect(result).toEqual({
      featureSet: shippedSteeringModel().file.features.set,
      modelClusters: shippedSteeringModel().file.features.clusters?.digest ?? null,
      clusters: shippedWordClusters().digest,
      attempt: true,
      ordinary: false,
    });
  }, 60_000);
});
