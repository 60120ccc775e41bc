/** Reads call-scenario/1 files. A bad file is a clear error naming the file and the field, never a crash. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CallScenarioSchema, type CallScenario } from '../../../shared/callScenario';
import { DeskError } from '../../../shared/ipc/envelope';

export function parseScenario(text: string, fileName: string): CallScenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DeskError('invalid_input', `${fileName} is not valid JSON: ${(error as Error).message}`);
  }
  const result = CallScenarioSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'file';
    throw new DeskError('invalid_input', `${fileName} is not a call-scenario/1 file: ${where}: ${issue.message}`);
  }
  return result.data;
}

export async function loadScenarioFile(filePath: string): Promise<CallScenario> {
  return parseScenario(await fs.readFile(filePath, 'utf8'), path.basename(filePath));
}

export async function loadScenarioDirectory(directory: string): Promise<{ scenarios: CallScenario[]; errors: string[] }> {
  const names = (await fs.readdir(directory)).filter((name) => name.endsWith('.json')).sort();
  const scenarios: CallScenario[] = [];
  const errors: string[] = [];
  for (const name of names) {
    try {
      scenarios.push(await loadScenarioFile(path.join(directory, name)));
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  return { scenarios, errors };
}

/** The scenario's package as it "arrives on the wire": the raw text when damaged, else the object. */
export function rawPackageOf(scenario: CallScenario) {
  if (scenario.handoff !== null && scenario.handoff !== undefined) return { kind: 'object' as const, value: scenario.handoff };
  if (scenario.rawHandoff !== undefined) return { kind: 'text' as const, text: scenario.rawHandoff };
  return { kind: 'none' as const };
}
