/**
 * Where a text sits in a handoff package, as a path string ("nextSteps.2", "facts.0.value"). The assist
 * engine writes these paths for the fields whose text tries to steer it, the intake names fields in its
 * warnings with them, and the screen reads them back to point the agent at the field. One helper writes
 * and reads them, so the two ends cannot drift apart.
 */

/** A text field of a package, typed. */
export type PackageFieldRef =
  | { section: 'caller'; part: 'name' | 'verification' }
  | { section: 'intent'; part: 'label' }
  | { section: 'summary' }
  | { section: 'trigger'; part: 'detail' }
  | { section: 'nextSteps'; index: number }
  | { section: 'facts'; index: number; part?: 'value' | 'source' }
  | { section: 'aiAttempts'; index: number; part: 'tool' | 'result' };

export function packageFieldPath(ref: PackageFieldRef): string {
  switch (ref.section) {
    case 'summary':
      return 'summary';
    case 'caller':
    case 'intent':
    case 'trigger':
      return `${ref.section}.${ref.part}`;
    case 'nextSteps':
      return `nextSteps.${ref.index}`;
    case 'facts':
      return ref.part ? `facts.${ref.index}.${ref.part}` : `facts.${ref.index}`;
    case 'aiAttempts':
      return `aiAttempts.${ref.index}.${ref.part}`;
  }
}

const NAMED_PARTS = { caller: ['name', 'verification'], intent: ['label'], trigger: ['detail'] } as const;
const INDEXED_PARTS = { facts: ['value', 'source'], aiAttempts: ['tool', 'result'] } as const;

/** The field a path names, or undefined for a path no package field has. */
export function parsePackageFieldPath(path: string): PackageFieldRef | undefined {
  const [section, second, third, ...rest] = path.split('.');
  if (rest.length) return undefined;
  if (section === 'summary') return second === undefined ? { section } : undefined;
  if (section === 'caller' || section === 'intent' || section === 'trigger') {
    const parts: readonly string[] = NAMED_PARTS[section];
    if (third !== undefined || second === undefined || !parts.includes(second)) return undefined;
    return { section, part: second } as PackageFieldRef;
  }
  const index = indexOf(second);
  if (index === undefined) return undefined;
  if (section === 'nextSteps') return third === undefined ? { section, index } : undefined;
  if (section === 'facts' && third === undefined) return { section, index };
  if (section === 'facts' || section === 'aiAttempts') {
    const parts: readonly string[] = INDEXED_PARTS[section];
    if (third === undefined || !parts.includes(third)) return undefined;
    return { section, index, part: third } as PackageFieldRef;
  }
  return undefined;
}

function indexOf(text: string | undefined): number | undefined {
  if (text === undefined || !/^(0|[1-9]\d{0,5})$/.test(text)) return undefined;
  return Number(text);
}
