/** Rewrites the policy templates in resources/policies from the settings schema (see policyTemplates.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { POLICY_TEMPLATE_FILES } from './policyTemplates';

const ROOT = path.resolve(__dirname, '..');
for (const [file, build] of Object.entries(POLICY_TEMPLATE_FILES)) {
  mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
  writeFileSync(path.join(ROOT, file), build());
  console.log(`wrote ${file}`);
}
