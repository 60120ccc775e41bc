/**
 * Reads a domain pack folder: `pack.json` (validated by the one schema in src/shared/domainPack.ts),
 * the Markdown articles of its knowledge base, and optional demo lookups. Every problem is reported
 * with its file and line, all at once, so IT can fix a pack in one pass; nothing half-loaded is
 * ever returned.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import {
  ArticleFrontMatterSchema,
  PackManifestSchema,
  summarisePack,
  type Article,
  type PackManifest,
  type PackSummary,
} from '../../../shared/domainPack';
import { FactSchema } from '../../../shared/facts';
import { KnowledgeBase } from '../assist/knowledgeBase';
import type { LookupAnswer } from '../ports';

export interface PackProblem {
  /** Relative to the pack folder. */
  file: string;
  line?: number;
  message: string;
}

export const PackLookupsSchema = z.object({
  accounts: z.record(z.string(), z.object({ found: z.boolean(), summary: z.string().max(2_000) })).default({}),
  orders: z.record(z.string(), z.object({ found: z.boolean(), summary: z.string().max(2_000) })).default({}),
});
export type PackLookups = z.infer<typeof PackLookupsSchema>;

/** A pack that loaded whole. */
export interface DomainPack {
  dir: string;
  manifest: PackManifest;
  articles: Article[];
  lookups?: PackLookups;
  facts: FactSchema;
}

export type PackLoadResult = { ok: true; pack: DomainPack } | { ok: false; problems: PackProblem[] };

const MAX_ARTICLES = 20_000;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export class PackLoadError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: PackProblem[],
  ) {
    super(
      `domain pack ${dir} refused: ${problems.map(formatProblem).slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
    );
    this.name = 'PackLoadError';
  }
}

export function formatProblem(problem: PackProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`;
}

/** The line a zod issue's path points at in a parsed YAML/JSON document. */
function lineOf(
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  issuePath: readonly PropertyKey[],
  lineOffset = 0,
): number | undefined {
  let node: unknown = doc.contents;
  let found: YamlNode | undefined = doc.contents ?? undefined;
  for (const key of issuePath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown })?.value ?? item.key) === String(key));
      if (!pair) break;
      node = pair.value;
      found = (pair.value as YamlNode) ?? found;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      found = (node as YamlNode) ?? found;
    } else break;
  }
  const offset = found?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line + lineOffset;
}

function issuesToProblems(
  error: z.ZodError,
  file: string,
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  lineOffset = 0,
): PackProblem[] {
  return error.issues.map((issue) => ({
    file,
    line: lineOf(doc, counter, issue.path, lineOffset),
    message: `${issue.path.length ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}`,
  }));
}

async function readText(dir: string, file: string, problems: PackProblem[]): Promise<string | undefined> {
  try {
    const full = path.join(dir, file);
    const stat = await fs.stat(full);
    if (stat.size > MAX_FILE_BYTES) {
      problems.push({
        file,
        message: `is ${Math.round(stat.size / 1024)} KB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for one file`,
      });
      return undefined;
    }
    return (await fs.readFile(full, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({ file, message: code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? (error as Error).message})` });
    return undefined;
  }
}

/** Parses JSON or YAML text with positions; syntax errors become problems with their line. */
function parseWithLines(text: string, file: string, problems: PackProblem[], lineOffset = 0) {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const line = error.linePos?.[0]?.line ?? counter.linePos(error.pos[0]).line;
    problems.push({ file, line: line + lineOffset, message: error.message.split('\n')[0]! });
  }
  return { doc, counter, ok: doc.errors.length === 0 };
}

const STEPS_HEADING = /^#{2,3}\s+(?:steps|procedure)\s*$/i;
const STEP_ITEM = /^\s{0,3}(\d{1,3})[.)]\s+(.*)$/;
const SUB_ITEM = /^\s+(?:[-*+]\s+)?(.*\S)\s*$/;

/** One Markdown article: YAML front matter, a description, and the ordered list under `## Steps`. */
export function parseArticle(text: string, file: string, problems: PackProblem[]): Article | undefined {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    problems.push({ file, line: 1, message: 'an article starts with front matter between "---" lines (id, title, intents)' });
    return undefined;
  }
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (close < 0) {
    problems.push({ file, line: 1, message: 'the front matter is not closed by a "---" line' });
    return undefined;
  }
  const before = problems.length;
  const { doc, counter, ok } = parseWithLines(lines.slice(1, close).join('\n'), file, problems, 1);
  if (!ok) return undefined;
  const front = ArticleFrontMatterSchema.safeParse(doc.toJS());
  if (!front.success) {
    problems.push(...issuesToProblems(front.error, file, doc, counter, 1));
    return undefined;
  }
  const body = lines.slice(close + 1);
  const headingAt = body.findIndex((line) => STEPS_HEADING.test(line.trim()));
  if (headingAt < 0) {
    problems.push({ file, line: close + 2, message: 'no "## Steps" section with an ordered list of steps' });
    return undefined;
  }
  const description = body
    .slice(0, headingAt)
    .filter((line) => !/^#\s/.test(line))
    .join('\n')
    .trim();
  const rawSteps: Array<{ title: string; lines: string[] }> = [];
  for (const line of body.slice(headingAt + 1)) {
    if (/^#{1,3}\s/.test(line)) break;
    const item = STEP_ITEM.exec(line);
    if (item) {
      const lead = /^\*\*(.+?)\*\*\s*:?\s*(.*)$/.exec(item[2]!.trim());
      rawSteps.push({ title: lead ? lead[1]!.trim() : '', lines: [lead ? lead[2]! : item[2]!].map((part) => part.trim()).filter(Boolean) });
      continue;
    }
    const sub = SUB_ITEM.exec(line);
    if (sub && rawSteps.length) rawSteps.at(-1)!.lines.push(sub[1]!.trim());
  }
  if (!rawSteps.length) {
    problems.push({ file, line: close + headingAt + 2, message: 'the "## Steps" section has no numbered steps' });
    return undefined;
  }
  const steps = rawSteps.map((step, i) => {
    const meta = front.data.steps[i];
    return {
      id:
        meta?.id ??
        (step.title
          ? step.title
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-|-$/g, '')
          : `step-${i + 1}`),
      title: step.title,
      text: step.lines.join('\n'),
      facts: meta?.facts ?? [],
      signals: meta?.signals ?? [],
    };
  });
  if (problems.length > before) return undefined;
  return {
    id: front.data.id,
    title: front.data.title,
    intents: front.data.intents,
    group: front.data.group ?? '',
    groupDescription: front.data.groupDescription ?? '',
    description,
    steps,
    file,
  };
}

/** Signals a step gets from the facts it fills when its article names none of its own: label, cues, a short list of values. */
function withFactSignals(article: Article, facts: FactSchema, hasOwnSignals: boolean[]): Article {
  return {
    ...article,
    steps: article.steps.map((step, i) => {
      if (hasOwnSignals[i]) return step;
      const signals = step.facts.flatMap((name) => {
        const spec = facts.spec(name);
        if (!spec) return [];
        const values = facts.valuesOf(spec);
        return [[spec.label, ...spec.cues.slice(0, 6), ...(values.length <= 8 ? values.map((value) => value.label ?? value.value) : [])]];
      });
      return { ...step, signals };
    }),
  };
}

export async function loadDomainPack(dir: string): Promise<PackLoadResult> {
  const root = path.resolve(dir);
  const problems: PackProblem[] = [];
  const manifestText = await readText(root, 'pack.json', problems);
  if (manifestText === undefined) return { ok: false, problems };
  const { doc, counter, ok } = parseWithLines(manifestText, 'pack.json', problems);
  if (!ok) return { ok: false, problems };
  const parsed = PackManifestSchema.safeParse(doc.toJS());
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error, 'pack.json', doc, counter) };
  const manifest = parsed.data;
  const facts = new FactSchema(manifest);

  const articlesDir = manifest.knowledgeBase.articles;
  let names: string[] = [];
  try {
    names = (await fs.readdir(path.join(root, articlesDir))).filter((name) => name.endsWith('.md')).sort();
  } catch {
    problems.push({ file: articlesDir, message: 'the articles folder is missing' });
  }
  if (names.length > MAX_ARTICLES)
    problems.push({ file: articlesDir, message: `${names.length} articles, over the limit of ${MAX_ARTICLES}` });
  const articles: Article[] = [];
  const texts = await Promise.all(names.slice(0, MAX_ARTICLES).map((name) => readText(root, path.join(articlesDir, name), problems)));
  const seen = new Map<string, string>();
  const knownIntents = new Set(manifest.intents.map((intent) => intent.id));
  names.slice(0, MAX_ARTICLES).forEach((name, i) => {
    const text = texts[i];
    if (text === undefined) return;
    const file = path.join(articlesDir, name);
    const article = parseArticle(text, file, problems);
    if (!article) return;
    if (seen.has(article.id))
      problems.push({ file, line: 2, message: `article id "${article.id}" is also used by ${seen.get(article.id)}` });
    seen.set(article.id, file);
    for (const intent of article.intents)
      if (!knownIntents.has(intent)) problems.push({ file, line: 2, message: `intent "${intent}" is not declared in pack.json` });
    article.steps.forEach((step) =>
      step.facts.forEach((fact) => {
        if (!facts.spec(fact))
          problems.push({ file, line: 2, message: `step "${step.title || step.id}" fills "${fact}", which pack.json does not declare` });
      }),
    );
    articles.push(
      withFactSignals(
        article,
        facts,
        article.steps.map((step) => step.signals.length > 0),
      ),
    );
  });
  if (!articles.length && !problems.length) problems.push({ file: articlesDir, message: 'the knowledge base has no articles' });

  let lookups: PackLookups | undefined;
  if (manifest.lookups) {
    const text = await readText(root, manifest.lookups, problems);
    if (text !== undefined) {
      const parsedLookups = parseWithLines(text, manifest.lookups, problems);
      if (parsedLookups.ok) {
        const result = PackLookupsSchema.safeParse(parsedLookups.doc.toJS());
        if (result.success) lookups = result.data;
        else problems.push(...issuesToProblems(result.error, manifest.lookups, parsedLookups.doc, parsedLookups.counter));
      }
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, pack: { dir: root, manifest, articles, lookups, facts } };
}

/** Loads a pack or throws a PackLoadError naming every problem. */
export async function requireDomainPack(dir: string): Promise<DomainPack> {
  const result = await loadDomainPack(dir);
  if (!result.ok) throw new PackLoadError(dir, result.problems);
  return result.pack;
}

/** The knowledge base of a pack: built once per pack and shared by every call (`npm run bench` times 1 000 articles). */
export function knowledgeBaseOf(pack: DomainPack): KnowledgeBase {
  return new KnowledgeBase(pack.articles, pack.manifest.intents);
}

/** The same, indexed in slices so the desk keeps answering while a large pack loads. */
export function buildKnowledgeBase(pack: DomainPack): Promise<KnowledgeBase> {
  return KnowledgeBase.build(pack.articles, pack.manifest.intents);
}

export function packSummary(pack: DomainPack, origin: PackSummary['origin'], problem?: string): PackSummary {
  return summarisePack(pack.manifest, origin, problem);
}

/** Demo lookups from the pack's data file. */
export function packLookupAnswer(lookups: PackLookups | undefined, kind: 'accounts' | 'orders', key: string): LookupAnswer | undefined {
  const entry = lookups?.[kind][key];
  return entry ? (entry.found ? { found: true, summary: entry.summary } : { found: false }) : undefined;
}
