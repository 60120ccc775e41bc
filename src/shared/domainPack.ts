/**
 * domain-pack/1: everything the desk knows about one business rather than about calls — its fact
 * schema, catalogue, knowledge-base articles, intents and hand-back tasks. One zod schema, declared
 * here, read by the pack loader (main), the CLI (`pack validate`) and the exported JSON Schema for
 * IT's editors. The engine itself holds no business words: they all come through a pack.
 */
import { z } from 'zod';

export const DOMAIN_PACK_FORMAT = 'domain-pack/1';

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,79}$/, 'an id is lower-case letters, digits, "-" and "_"');
/** Fact and task names are snake_case so they read the same in JSON, CSV columns and the wire package. */
export const FactNameSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a fact name is snake_case: lower-case letters, digits and "_"');
const label = z.string().trim().min(1).max(120);
const phrase = z.string().trim().min(1).max(300);

export const FACT_TYPES = ['id', 'email', 'phone', 'amount', 'date', 'enum', 'catalogue', 'name', 'address', 'postcode', 'text'] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** One value of an enumeration or catalogue: what is stored, what is shown, how people say it. */
export const PackValueSchema = z.object({
  value: z.string().trim().min(1).max(120),
  label: label.optional(),
  aliases: z.array(phrase).max(50).default([]),
});
export type PackValue = z.infer<typeof PackValueSchema>;

const regexSource = z
  .string()
  .min(1)
  .max(300)
  .refine((source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

export const FactSpecSchema = z
  .object({
    name: FactNameSchema,
    label,
    type: z.enum(FACT_TYPES),
    /** id and postcode: the normalised value (upper case, no spaces for ids) must match. */
    pattern: regexSource.optional(),
    /** How people name this fact on a call ("order number", "confirmation"): used to tell which fact a value answers. */
    cues: z.array(phrase).max(40).default([]),
    /** One value per customer: a different value said by the caller means the package had it wrong. */
    identity: z.boolean().default(false),
    /** Masked in exports and logs. */
    pii: z.boolean().default(false),
    /** enum: its values. */
    values: z.array(PackValueSchema).max(500).optional(),
    /**
     * enum and catalogue: its values count when said without the fact's cue ("paid with PayPal" needs none; "premium"
     * does): true for all of them, or the list of those that do.
     */
    bareValues: z.union([z.boolean(), z.array(id).max(500)]).default(false),
    /** catalogue: which catalogue list it names. */
    catalogue: id.optional(),
    /** id and postcode: how letters are written canonically (usernames are often lower case). */
    letterCase: z.enum(['upper', 'lower', 'preserve']).default('upper'),
    /** The read-only lookup a value of this fact starts (an account number heard → look up the account). */
    lookup: z.enum(['account', 'order']).optional(),
    /** id: the digit count a spoken run must have when it is said without its cue (e.g. 10 for an order number). */
    digits: z.number().int().min(3).max(30).optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.type === 'enum' && !spec.values?.length)
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'an enum fact lists its values' });
    if (spec.type === 'catalogue' && !spec.catalogue)
      ctx.addIssue({ code: 'custom', path: ['catalogue'], message: 'a catalogue fact names its catalogue' });
  });
export type FactSpec = z.infer<typeof FactSpecSchema>;

export const PackIntentSchema = z.object({
  id,
  /** What the ringing card shows: "Return for a different size", not "return_wrong_size". */
  label,
  /** How customers say it, in their words rather than the articles'. */
  phrasings: z.array(phrase).max(200).default([]),
  /** The scripted first sentence's words: "I see you're calling about <issue> … let me help you with <help>". */
  say: z.object({ issue: phrase, help: phrase }).optional(),
});
export type PackIntent = z.infer<typeof PackIntentSchema>;

export const HandBackTaskSchema = z.object({
  id: FactNameSchema,
  label,
  /** Facts the AI needs to do it. */
  needs: z.array(FactNameSchema).max(20).default([]),
  /** Only for a caller whose identity the agent (or the package) verified. */
  verifiedCaller: z.boolean(),
  /** Bounded and reversible: the only tasks IT's allow-list may name. */
  routine: z.boolean(),
  /** How a request for it is worded on a call. */
  phrasings: z.array(phrase).min(1).max(100),
});
export type HandBackTask = z.infer<typeof HandBackTaskSchema>;

export const SensitiveTopicSchema = z.object({
  id: FactNameSchema,
  label,
  phrasings: z.array(phrase).min(1).max(200),
});
export type SensitiveTopic = z.infer<typeof SensitiveTopicSchema>;

export const PackManifestSchema = z
  .object({
    format: z.literal(DOMAIN_PACK_FORMAT),
    id,
    name: label,
    version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/, 'a version is semver, e.g. 1.2.0'),
    description: z.string().max(2_000).optional(),
    locale: z
      .string()
      .regex(/^[a-z]{2}(?:-[A-Z]{2})?$/)
      .default('en-US'),
    /** Phones said without a country code belong here (ISO 3166 alpha-2). */
    defaultRegion: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .default('US'),
    /** Amounts said without a currency are in this one (ISO 4217). */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('USD'),
    facts: z.array(FactSpecSchema).min(1).max(200),
    catalogue: z.record(id, z.array(PackValueSchema).max(5_000)).default({}),
    intents: z.array(PackIntentSchema).min(1).max(1_000),
    handBack: z
      .object({
        tasks: z.array(HandBackTaskSchema).max(200).default([]),
        sensitiveTopics: z.array(SensitiveTopicSchema).max(100).default([]),
      })
      .default({ tasks: [], sensitiveTopics: [] }),
    knowledgeBase: z.object({ articles: z.string().min(1).max(200).default('articles') }).default({ articles: 'articles' }),
    /** Optional demo lookup data, relative to the pack folder. */
    lookups: z.string().min(1).max(200).optional(),
  })
  .superRefine((pack, ctx) => {
    const names = new Set<string>();
    pack.facts.forEach((fact, i) => {
      if (names.has(fact.name))
        ctx.addIssue({ code: 'custom', path: ['facts', i, 'name'], message: `fact "${fact.name}" is declared twice` });
      names.add(fact.name);
      if (fact.type === 'catalogue' && fact.catalogue && !(fact.catalogue in pack.catalogue)) {
        ctx.addIssue({ code: 'custom', path: ['facts', i, 'catalogue'], message: `no catalogue "${fact.catalogue}" in this pack` });
      }
      if (Array.isArray(fact.bareValues)) {
        const values = new Set(
          (fact.type === 'catalogue' && fact.catalogue ? (pack.catalogue[fact.catalogue] ?? []) : (fact.values ?? [])).map(
            (value) => value.value,
          ),
        );
        fact.bareValues.forEach((value, j) => {
          if (!values.has(value))
            ctx.addIssue({
              code: 'custom',
              path: ['facts', i, 'bareValues', j],
              message: `"${value}" is not a value of fact "${fact.name}"`,
            });
        });
      }
    });
    pack.handBack.tasks.forEach((task, i) =>
      task.needs.forEach((need, j) => {
        if (!names.has(need))
          ctx.addIssue({ code: 'custom', path: ['handBack', 'tasks', i, 'needs', j], message: `no fact "${need}" in this pack` });
      }),
    );
    const intents = new Set<string>();
    pack.intents.forEach((intent, i) => {
      if (intents.has(intent.id))
        ctx.addIssue({ code: 'custom', path: ['intents', i, 'id'], message: `intent "${intent.id}" is declared twice` });
      intents.add(intent.id);
    });
  });
export type PackManifest = z.infer<typeof PackManifestSchema>;

/** An article's front matter (YAML between `---` lines at the top of its Markdown file). */
export const ArticleFrontMatterSchema = z.object({
  id,
  title: label,
  /** Intent ids this article answers. */
  intents: z.array(id).max(50).default([]),
  /** A heading to group articles under (a flow, a product line). */
  group: label.optional(),
  groupDescription: z.string().max(2_000).optional(),
  /**
   * Per step of the body's `## Steps` list, in order (may be shorter): a stable id (default: the title
   * in kebab-case), the facts the step fills, and extra signals that show it done — each signal a list
   * of alternative phrases, heard when any one is said. Facts give signals of their own (label, cues,
   * values) when a step lists no signals.
   */
  steps: z
    .array(
      z.object({
        id: z.string().min(1).max(80).optional(),
        facts: z.array(FactNameSchema).max(20).default([]),
        signals: z.array(z.array(phrase).min(1).max(20)).max(20).optional(),
      }),
    )
    .max(100)
    .default([]),
});
export type ArticleFrontMatter = z.infer<typeof ArticleFrontMatterSchema>;

export const ArticleStepSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  facts: z.array(FactNameSchema),
  signals: z.array(z.array(z.string())),
});
export type ArticleStep = z.infer<typeof ArticleStepSchema>;

export const ArticleSchema = z.object({
  id,
  title: z.string(),
  intents: z.array(z.string()),
  group: z.string(),
  groupDescription: z.string(),
  description: z.string(),
  steps: z.array(ArticleStepSchema).min(1),
  /** Where it came from, for error messages: "articles/broadband_outage.md". */
  file: z.string(),
});
export type Article = z.infer<typeof ArticleSchema>;

/** What the renderer needs of the pack in use: labels, never the articles. */
export const PackSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  /** 'configured' = the settings' folder; 'demo' = the embedded demo pack; 'fallback' = the configured pack was refused. */
  origin: z.enum(['configured', 'demo', 'fallback']),
  /** Why the configured pack was refused, when origin is 'fallback'. */
  problem: z.string().optional(),
  defaultRegion: z.string(),
  currency: z.string(),
  facts: z.array(z.object({ name: z.string(), label: z.string(), type: z.enum(FACT_TYPES), pii: z.boolean() })),
  intents: z.array(z.object({ id: z.string(), label: z.string(), say: z.object({ issue: z.string(), help: z.string() }).optional() })),
  values: z.record(z.string(), z.string()),
  handBackTasks: z.array(z.object({ id: z.string(), label: z.string(), routine: z.boolean(), verifiedCaller: z.boolean() })),
});
export type PackSummary = z.infer<typeof PackSummarySchema>;

/** Labels for the renderer, drawn once from a pack. */
export function summarisePack(manifest: PackManifest, origin: PackSummary['origin'], problem?: string): PackSummary {
  const values: Record<string, string> = {};
  const addValues = (list: readonly PackValue[] | undefined) => list?.forEach((item) => item.label && (values[item.value] = item.label));
  manifest.facts.forEach((fact) => addValues(fact.values));
  Object.values(manifest.catalogue).forEach(addValues);
  return {
    id: manifest.id,
    name: manifest.name,
    version: manifest.version,
    origin,
    ...(problem ? { problem } : {}),
    defaultRegion: manifest.defaultRegion,
    currency: manifest.currency,
    facts: manifest.facts.map((fact) => ({ name: fact.name, label: fact.label, type: fact.type, pii: fact.pii })),
    intents: manifest.intents.map((intent) => ({ id: intent.id, label: intent.label, ...(intent.say ? { say: intent.say } : {}) })),
    values,
    handBackTasks: manifest.handBack.tasks.map((task) => ({
      id: task.id,
      label: task.label,
      routine: task.routine,
      verifiedCaller: task.verifiedCaller,
    })),
  };
}

/** "account_number" → "Account number": for a fact or task a pack does not label. */
export function humanise(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
