/**
 * A fixed-seed generator of mutated handoff packages, and the oracle that says whether intake handled each
 * one: no exception (a crash), a result of the right shape, an `ok` package that is valid, serialisable and
 * free of hidden characters, and `ok` for the mutations that must not damage a package (a BOM, hidden
 * characters, a repeated key). Used by test/unit/shared/intakeFuzz.test.ts and `npm run -s fuzz:intake`.
 */
import { intakePackage, type RawPackage } from '../../src/shared/handoffIntake';
import { HandoffPackageSchema, IntakeResultSchema } from '../../src/shared/handoffPackage';
import { hasUnsafeCharacters } from '../../src/shared/text';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MutatedPackage {
  mutation: string;
  raw: RawPackage;
  /** The mutation keeps a valid package valid: intake must answer `ok`. */
  mustStayOk: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const HIDDEN = ['\u200B', '\u200D', '\u2028', '\u2029', '\u061C', '\u00AD', '\uFEFF', '\u202E', '\u{E0041}', '\uD800', '\uDFFF', '\u0007'];
const HOSTILE_STRINGS = [
  '<a'.repeat(2_000),
  '<script>alert(1)</script>',
  '1 '.repeat(3_000),
  'x'.repeat(300_000),
  '',
  ' ',
  '\\',
  '"',
  '{}',
  '💥'.repeat(500),
  'one '.repeat(2_000),
];
const HOSTILE_VALUES: Json[] = [
  null,
  true,
  -1,
  1e308,
  -0,
  0.5,
  [],
  {},
  [[[[]]]],
  { __proto__: { polluted: true } } as unknown as Json,
  'NaN',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Every path to a value inside the package (objects and arrays), so a mutation can land anywhere. */
function paths(value: Json, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((child, index) => paths(child, [...prefix, index], out));
  else if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) paths(child, [...prefix, key], out);
  return out;
}

function getAt(value: Json, path: ReadonlyArray<string | number>): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, value);
}

function setAt(value: Json, path: ReadonlyArray<string | number>, next: Json | undefined): void {
  const parent = getAt(value, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1]!;
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else parent[key] = next;
}

function nested(levels: number): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

export function mutatePackage(base: Json, random: () => number, inSeveral = false): MutatedPackage {
  const pkg = structuredClone(base);
  const all = paths(pkg).filter((path) => path.length > 0);
  const path = pick(random, all);
  const strings = all.filter((p) => typeof getAt(pkg, p) === 'string');
  const text = () => JSON.stringify(pkg);
  const choice = Math.floor(random() * 16);
  // Inside "several", no deep nesting and no further "several": the generator must be able to walk its value.
  switch (inSeveral && (choice === 7 || choice === 15) ? 2 : choice) {
    case 0:
      setAt(pkg, path, undefined);
      return { mutation: 'delete a field', raw: { kind: 'object', value: pkg }, mustStayOk: false };
    case 1:
      setAt(pkg, path, pick(random, HOSTILE_VALUES));
      return { mutation: 'replace a value with another type', raw: { kind: 'object', value: pkg }, mustStayOk: false };
    case 2: {
      const target = pick(random, strings);
      setAt(pkg, target, pick(random, HOSTILE_STRINGS));
      return { mutation: 'hostile string', raw: { kind: 'object', value: pkg }, mustStayOk: false };
    }
    case 3: {
      const target = pick(random, strings);
      const value = getAt(pkg, target) as string;
      const at = Math.floor(random() * (value.length + 1));
      setAt(pkg, target, `${value.slice(0, at)}${pick(random, HIDDEN)}${value.slice(at)}`);
      // Hidden characters in an id may leave it empty (handoffId must not be); elsewhere they are only removed.
      return { mutation: 'insert a hidden character', raw: { kind: 'text', text: text() }, mustStayOk: value.length > 0 };
    }
    case 4:
      return { mutation: 'leading byte-order mark', raw: { kind: 'text', text: `\uFEFF${text()}` }, mustStayOk: true };
    case 5: {
      const serialised = text();
      return {
        mutation: 'cut off',
        raw: { kind: 'text', text: serialised.slice(0, Math.floor(random() * serialised.length)) },
        mustStayOk: false,
      };
    }
    case 6: {
      const bytes = text().split('');
      const at = Math.floor(random() * bytes.length);
      bytes[at] = String.fromCharCode(Math.floor(random() * 128));
      return { mutation: 'flip a character', raw: { kind: 'text', text: bytes.join('') }, mustStayOk: false };
    }
    case 7: {
      const levels = 10 + Math.floor(random() * 20_000);
      if (random() < 0.5) {
        setAt(pkg, path, nested(levels));
        return { mutation: 'deep nesting', raw: { kind: 'object', value: pkg }, mustStayOk: false };
      }
      // As text it is written directly: JSON.stringify itself overflows on such a value.
      setAt(pkg, path, '__deep__');
      const deep = `${'{"a":['.repeat(levels)}1${']}'.repeat(levels)}`;
      return { mutation: 'deep nesting', raw: { kind: 'text', text: text().replace('"__deep__"', deep) }, mustStayOk: false };
    }
    case 8:
      setAt(
        pkg,
        path,
        Array.from({ length: Math.floor(random() * 20_000) }, (_, i) => i),
      );
      return { mutation: 'wide array', raw: { kind: 'object', value: pkg }, mustStayOk: false };
    case 9: {
      const key = pick(random, Object.keys(pkg as object));
      const serialised = text().replace(`"${key}":`, `"${key}":${JSON.stringify((pkg as Record<string, Json>)[key])},"${key}":`);
      return { mutation: 'repeated key (same value)', raw: { kind: 'text', text: serialised }, mustStayOk: true };
    }
    case 10: {
      const keys = Object.keys(pkg as object);
      const key = pick(random, keys);
      (pkg as Record<string, Json>)[`${key}\u200B`] = 'shadow';
      return { mutation: 'extra key that looks like a real one', raw: { kind: 'object', value: pkg }, mustStayOk: false };
    }
    case 11:
      return {
        mutation: 'not an object',
        raw: { kind: 'text', text: pick(random, ['[]', '1', '"text"', 'true', '{', '}', '[[[', 'nul']) },
        mustStayOk: false,
      };
    case 12: {
      const value = getAt(pkg, path);
      if (typeof value === 'number') setAt(pkg, path, String(value));
      else setAt(pkg, path, 0);
      return { mutation: 'number as string or zero', raw: { kind: 'object', value: pkg }, mustStayOk: false };
    }
    case 13: {
      const target = pick(random, strings);
      setAt(pkg, target, `${getAt(pkg, target) as string} 4111 1111 1111 1111`);
      return { mutation: 'append a card number', raw: { kind: 'object', value: pkg }, mustStayOk: false };
    }
    case 14: {
      const serialised = text();
      const at = Math.floor(random() * serialised.length);
      return {
        mutation: 'insert raw bytes',
        raw: { kind: 'text', text: `${serialised.slice(0, at)}\u0000\uFFFF${serialised.slice(at)}` },
        mustStayOk: false,
      };
    }
    default: {
      // Several mutations at once.
      let current: MutatedPackage = { mutation: 'none', raw: { kind: 'object', value: pkg }, mustStayOk: true };
      for (let i = 0; i < 3; i++) {
        const value = current.raw.kind === 'object' ? (current.raw.value as Json) : base;
        current = mutatePackage(value, random, true);
      }
      return { ...current, mutation: 'several', mustStayOk: false };
    }
  }
}

export interface FuzzFigures {
  packages: number;
  crashes: number;
  wrongStates: number;
  slowestMs: number;
  slowestMutation: string;
  byStatus: Record<string, number>;
  /** The slowest intake per mutation kind, in ms. */
  slowestByMutation: Record<string, number>;
  examples: string[];
}

/** Runs `count` mutated packages through intake and counts what went wrong. */
export function fuzzIntake(base: Json, count: number, seed: number): FuzzFigures {
  const random = seededRandom(seed);
  const figures: FuzzFigures = {
    packages: 0,
    crashes: 0,
    wrongStates: 0,
    slowestMs: 0,
    slowestMutation: '',
    byStatus: {},
    slowestByMutation: {},
    examples: [],
  };
  const wrong = (why: string, mutation: string) => {
    figures.wrongStates++;
    if (figures.examples.length < 10) figures.examples.push(`${mutation}: ${why}`);
  };
  for (let i = 0; i < count; i++) {
    const input = mutatePackage(base, random);
    figures.packages++;
    const started = performance.now();
    let result;
    try {
      result = intakePackage(input.raw);
    } catch (error) {
      figures.crashes++;
      if (figures.examples.length < 10) figures.examples.push(`${input.mutation}: crash ${(error as Error).message}`);
      continue;
    }
    let ms = performance.now() - started;
    // A GC pause or another process can stall any one run: a run slower than 5 ms is timed again and
    // the faster of the two counts. A pattern that is really slow is slow both times.
    if (ms > 5) {
      const again = performance.now();
      intakePackage(input.raw);
      ms = Math.min(ms, performance.now() - again);
    }
    figures.slowestByMutation[input.mutation] = Math.max(figures.slowestByMutation[input.mutation] ?? 0, Math.round(ms * 10) / 10);
    if (ms > figures.slowestMs) {
      figures.slowestMs = ms;
      figures.slowestMutation = input.mutation;
    }
    figures.byStatus[result.status] = (figures.byStatus[result.status] ?? 0) + 1;
    if (!IntakeResultSchema.safeParse(result).success) wrong('result does not match IntakeResultSchema', input.mutation);
    if (input.mustStayOk && result.status !== 'ok')
      wrong(`expected ok, got ${result.status}: ${result.status === 'malformed' ? result.errors[0] : ''}`, input.mutation);
    if (result.status === 'ok') {
      let serialised = '';
      try {
        serialised = JSON.stringify(result.package);
      } catch {
        wrong('ok package cannot be stored (JSON.stringify threw)', input.mutation);
      }
      if (!HandoffPackageSchema.safeParse(result.package).success) wrong('ok package is not a valid package', input.mutation);
      if (hasUnsafeCharacters(serialised)) wrong('ok package still holds hidden characters', input.mutation);
    }
  }
  return figures;
}
