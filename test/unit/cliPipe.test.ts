/**
 * `cli eval --json | …` must reach the pipe whole however large it is: the process may exit only once
 * stdout has drained. Run through a real pipe with over 1 MB of output.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
/** Each replayed call adds about 1.6 KB of JSON: this many pass 1 MB. */
const COPIES = 680;
const temp = mkdtempSync(path.join(os.tmpdir(), 'cli-pipe-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('cli output through a pipe', () => {
  it('eval --json writes over 1 MB to a pipe without cutting it off', { timeout: 240_000 }, async () => {
    const source = path.join(ROOT, 'resources/demo-scenarios/renewal-charged-twice.json');
    for (let i = 0; i < COPIES; i++) copyFileSync(source, path.join(temp, `call-${String(i).padStart(3, '0')}.json`));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'src/main/cli/cli.ts'), 'eval', '--scenarios', temp, '--json'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const chunks: Buffer[] = [];
    // A slow reader, as `| head -c` or `| jq` may be: the writer must wait for it.
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 1);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const text = Buffer.concat(chunks).toString('utf8');
    expect(code).toBe(0);
    expect(text.length).toBeGreaterThan(1_000_000);
    const parsed = JSON.parse(text) as { scenarios: unknown[]; totals: { scenarios: number } };
    expect(parsed.scenarios).toHaveLength(COPIES);
    expect(parsed.totals.scenarios).toBe(COPIES);
  });

  it('pack validate names every problem and exits 1 for a damaged pack, 0 for a good one', () => {
    const run = (dir: string) => {
      try {
        return {
          code: 0,
          out: execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main/cli/cli.ts'), 'pack', 'validate', dir], {
            cwd: ROOT,
            encoding: 'utf8',
            stdio: 'pipe',
          }),
        };
      } catch (error) {
        const failure = error as { status: number; stderr: string };
        return { code: failure.status, out: failure.stderr };
      }
    };
    expect(run(path.join(ROOT, 'resources/packs/northwind-connect'))).toMatchObject({ code: 0, out: expect.stringMatching(/valid/) });
    expect(run(temp)).toMatchObject({ code: 1, out: expect.stringMatching(/pack\.json: is missing/) });
  });
});
