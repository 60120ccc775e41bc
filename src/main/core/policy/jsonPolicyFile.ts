/** The managed-settings JSON file: Linux's policy source, and the fallback on Windows and macOS. */
import { promises as fs } from 'node:fs';
import type { PolicyRead, PolicySource } from './managedPolicy';

export function jsonPolicyFile(filePath: string): PolicySource {
  return {
    name: filePath,
    async read(): Promise<PolicyRead> {
      let text: string;
      try {
        text = await fs.readFile(filePath, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
        return { kind: 'damaged', reason: (error as Error).message };
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        return { kind: 'damaged', reason: `not JSON (${(error as Error).message})` };
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return { kind: 'damaged', reason: 'not a JSON object of settings' };
      return { kind: 'values', values: parsed as Record<string, unknown> };
    },
  };
}
