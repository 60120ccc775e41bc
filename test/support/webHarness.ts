/** Starts `tools/web-harness/server.ts` as a child process on a random loopback port and stops it again. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export interface RunningHarness {
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

export async function startHarness(dataDir: string, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<RunningHarness> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'tools/web-harness/server.ts'), '--data-dir', dataDir, '--port', '0', ...extraArgs],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start in time: ${errors}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /WEB_HARNESS_URL=(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code}: ${errors}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token')!,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
