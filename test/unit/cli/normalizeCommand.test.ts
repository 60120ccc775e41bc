import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

/** Runs `cli normalize` as a child process with `input` piped to stdin; resolves with everything it printed. */
function runNormalize(input: string, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli/cli.ts', 'normalize', ...args], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(input);
  });
}

describe('cli normalize', () => {
  it('pipes more than 1 MB through and prints every line, the last one complete', async () => {
    const lines: string[] = [];
    for (let k = 0; k < 16_000; k++)
      lines.push(`line ${k}: my order is six oh two eight one seven and I paid twenty five dollars on march third`);
    const input = `${lines.join('\n')}\n`;
    expect(input.length).toBeGreaterThan(1024 * 1024);
    const { code, stdout, stderr } = await runNormalize(input);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = stdout.split('\n');
    expect(printed.pop()).toBe('');
    expect(printed).toHaveLength(lines.length);
    expect(printed[0]).toBe('line 0: my order is 602817 and I paid $25 on March 3');
    expect(printed[printed.length - 1]).toBe('line 15999: my order is 602817 and I paid $25 on March 3');
  }, 120_000);

  it('reads bare dollars in the currency --currency names, and refuses a code that is not one', async () => {
    const read = await runNormalize('it was four hundred and eighty five dollars\n', ['--json', '--currency', 'AUD']);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).spans[0]).toMatchObject({ kind: 'money', value: { amount: '485', currency: 'AUD' } });
    const refused = await runNormalize('five dollars\n', ['--currency', 'dollars']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--currency must be an ISO 4217 code');
  }, 60_000);

  it('reads a line as the answer to a phone number asked for with --digits', async () => {
    const read = await runNormalize('to oh six five five five oh one to to\n', ['--digits']);
    expect(read.code).toBe(0);
    expect(read.stdout).toBe('2065550122\n');
    const plain = await runNormalize('to oh six five five five oh one to to\n', []);
    expect(plain.stdout).toBe('to 0655501 to to\n');
  }, 60_000);

  it('prints one JSON object per line with --json, also past 1 MB', async () => {
    const lines = Array.from(
      { length: 9_000 },
      (_, k) => `${k} email j o h n at gmail dot com, call five five five, one two three, four five six seven`,
    );
    const input = lines.join('\n');
    expect(input.length).toBeGreaterThan(800 * 1024);
    const { code, stdout } = await runNormalize(input, ['--json']);
    expect(code).toBe(0);
    const printed = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { spoken: string; written: string; spans: { kind: string }[] });
    expect(stdout.length).toBeGreaterThan(1024 * 1024);
    expect(printed).toHaveLength(lines.length);
    expect(printed[8_999]).toMatchObject({ spoken: lines[8_999], written: '8999 email john@gmail.com, call 5551234567' });
    expect(printed[0]!.spans.map((span) => span.kind)).toEqual(['cardinal', 'email', 'digits']);
  }, 120_000);
});
