import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GuidelineTracker, type GuidelineTrackerOptions, type TrackedTurn } from '../../../src/main/core/assist/guidelineTracker';
import type { KnowledgeBase } from '../../../src/main/core/assist/knowledgeBase';
import { knowledgeBaseOf } from '../../../src/main/core/pack/domainPackLoader';
import { demoPack } from '../../support/demoPack';

const ROOT = path.resolve(__dirname, '../../..');
/** The ABCD files the demo pack is built from (tools/packs/abcdToPack.ts). */
const KB_DIR = path.join(ROOT, 'tools/packs/abcd-source');
const SHARED_SCENARIOS = path.resolve(ROOT, '../shared/scenarios');
const SCENARIO_DIRS = [
  SHARED_SCENARIOS,
  path.join(ROOT, 'resources/demo-scenarios'),
  path.join(ROOT, 'test/scenarios'),
  path.join(ROOT, 'test/fixtures/scenarios'),
];

/**
 * Calls the lexical matcher is known to miss, and why. Listed so the suite stays green while they are
 * honest failures; `it.fails` turns red the day one starts passing, so the list cannot go stale.
 */
const KNOWN_MISSES: Record<string, string> = {
  'boots-for-rainy-hike': '"can I still return them?" is a policy question, but its words are those of the three Return Due to … guides',
};

interface Scenario {
  id: string;
  file: string;
  handoff: unknown;
  turns: { speaker: 'agent' | 'customer'; text: string }[];
  truth: { kbSubflows: string[] };
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function loadScenarios(): Scenario[] {
  return SCENARIO_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => ({
        ...(readJson(path.join(dir, name)) as Omit<Scenario, 'file'>),
        file: path.join(dir, name),
      })),
  );
}

/** What the desk would hand the tracker from a package that arrived as an object. */
function packagePrior(handoff: unknown): GuidelineTrackerOptions {
  if (typeof handoff !== 'object' || handoff === null) return {};
  const pkg = handoff as {
    intent?: { label?: unknown; confidence?: unknown };
    summary?: unknown;
    nextSteps?: unknown;
  };
  const texts = [pkg.summary, ...(Array.isArray(pkg.nextSteps) ? pkg.nextSteps : [])].filter((text) => typeof text === 'string');
  return {
    intentPrior: typeof pkg.intent?.label === 'string' ? pkg.intent.label : undefined,
    intentConfidence: typeof pkg.intent?.confidence === 'number' ? pkg.intent.confidence : undefined,
    packageText: texts.join('\n'),
  };
}

function track(kb: KnowledgeBase, turns: Omit<TrackedTurn, 'index'>[], options: GuidelineTrackerOptions = {}) {
  const tracker = new GuidelineTracker(kb, options);
  turns.forEach((turn, index) => tracker.addTurn({ ...turn, index }));
  return tracker;
}

const ids = (tracker: GuidelineTracker, limit = 3) => tracker.top(limit).map((match) => match.subflowId);

let kb: KnowledgeBase;
beforeAll(() => {
  // Every folder must be there: a missing one would silently shrink what this file checks.
  for (const dir of SCENARIO_DIRS) expect(existsSync(dir), dir).toBe(true);
  kb = knowledgeBaseOf(demoPack);
});

describe('knowledge base', () => {
  it('pairs every guideline subflow title with exactly one ontology subflow id, and back', () => {
    const ontology = readJson(path.join(KB_DIR, 'ontology.json')) as {
      intents: { subflows: Record<string, string[]> };
    };
    const guidelines = readJson(path.join(KB_DIR, 'guidelines.json')) as Record<string, { subflows: Record<string, unknown> }>;
    const ontologyIds = Object.values(ontology.intents.subflows).flat();
    const guidelineTitles = Object.values(guidelines).flatMap((flow) => Object.keys(flow.subflows));

    const mappedIds = kb.subflows.map((subflow) => subflow.id);
    const mappedTitles = kb.subflows.map((subflow) => subflow.title);
    expect(new Set(mappedIds).size).toBe(mappedIds.length);
    expect(new Set(mappedTitles).size).toBe(mappedTitles.length);
    expect([...mappedIds].sort()).toEqual([...ontologyIds].sort());
    expect([...mappedTitles].sort()).toEqual([...guidelineTitles].sort());
    for (const subflow of kb.subflows) expect(Object.keys(guidelines[subflow.flow]!.subflows), subflow.id).toContain(subflow.title);

    const titleOf = (id: string) => kb.subflow(id)?.title;
    expect(titleOf('return_size')).toBe('Return Due to Size');
    expect(titleOf('boots')).toBe('Boots FAQ');
    expect(titleOf('status')).toBe('Shipping Status');
    expect(titleOf('manage')).toBe('Manage Shipping');
    expect(titleOf('missing')).toBe('Missing Item');
    expect(titleOf('cost')).toBe('Shipping Cost');
    expect(titleOf('credit_card')).toBe('Invalid Credit Card');
    expect(titleOf('reset_2fa')).toBe('Reset Two-Factor Auth');
    expect(titleOf('out_of_stock_general')).toBe('Out-of-Stock General');
    expect(titleOf('status_mystery_fee')).toBe('Status Mystery Fee');
  });

  it("gives each subflow every kb.json action as a step, once, in the guide's order", () => {
    const stepLists = readJson(path.join(KB_DIR, 'kb.json')) as Record<string, string[]>;
    for (const subflow of kb.subflows) {
      const stepIds = subflow.steps.map((step) => step.id);
      expect(new Set(stepIds).size, subflow.id).toBe(stepIds.length);
      for (const action of stepLists[subflow.id]!) expect(stepIds, subflow.id).toContain(action);
    }
    expect(kb.subflow('return_size')!.steps.map((step) => step.button)).toEqual([
      'Pull up Account',
      'Validate Purchase',
      'Membership Privileges',
      'End Conversation',
      'Enter Details',
      'Update Order',
    ]);
  });
});

function top3(scenario: Scenario): string[] {
  const tracker = new GuidelineTracker(kb, packagePrior(scenario.handoff));
  scenario.turns.forEach((turn, index) => tracker.addTurn({ index, speaker: turn.speaker, text: turn.text }));
  return ids(tracker);
}

describe('the guideline tracker on every call scenario', () => {
  const scenarios = loadScenarios();

  it('has scenarios to run', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  for (const scenario of scenarios) {
    const known = KNOWN_MISSES[scenario.id];
    const test = known ? it.fails : it;
    test(`${scenario.id}: ${scenario.truth.kbSubflows.join(' + ')} in the top 3${known ? ` (known miss: ${known})` : ''}`, () => {
      const top = top3(scenario);
      for (const subflow of scenario.truth.kbSubflows) expect(top, scenario.file).toContain(subflow);
    });
  }

  it('reports top-3 recall', () => {
    const truths = scenarios.flatMap((scenario) => scenario.truth.kbSubflows.map((subflow) => ({ scenario, subflow })));
    const found = truths.filter(({ scenario, subflow }) => top3(scenario).includes(subflow)).length;
    console.log(`knowledge base top-3 recall: ${found}/${truths.length} over ${scenarios.length} scenarios`);
    expect(found / truths.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the guideline tracker', () => {
  const promoCall = [
    {
      speaker: 'customer' as const,
      text: 'Hi, the promo code from your newsletter keeps getting rejected at checkout as invalid.',
    },
    {
      speaker: 'agent' as const,
      text: "Sorry about that. Let me look up the code and see why it isn't working.",
    },
    {
      speaker: 'customer' as const,
      text: 'It says the promo code is not valid every single time.',
    },
  ];

  it('lets a clear conversation overturn a confident but wrong package label', () => {
    const tracker = track(kb, promoCall, {
      intentPrior: 'return_size',
      intentConfidence: 0.9,
    });
    expect(ids(tracker, 1)).toEqual(['promo_code_invalid']);

    const lockout = loadScenarios().find((scenario) => scenario.id === 'password-reset-after-lockout');
    if (lockout) {
      const wrongLabel = track(kb, lockout.turns, {
        intentPrior: 'manage_change_address',
        intentConfidence: 0.9,
      });
      expect(ids(wrongLabel, 1)).toEqual(['recover_password']);
    }
  });

  it('starts from the label alone, and lets the label win while the call agrees with it', () => {
    expect(
      ids(
        new GuidelineTracker(kb, {
          intentPrior: 'boots',
          intentConfidence: 0.7,
        }),
      ),
    ).toEqual(['boots']);
    expect(new GuidelineTracker(kb, { intentPrior: 'no_such_subflow' }).top()).toEqual([]);
    expect(new GuidelineTracker(kb).top()).toEqual([]);
    const agreeing = track(kb, promoCall, {
      intentPrior: 'promo_code_out_of_date',
      intentConfidence: 0.8,
    });
    expect(ids(agreeing, 2).sort()).toEqual(['promo_code_invalid', 'promo_code_out_of_date']);
  });

  it('finds the need from the conversation alone when there is no package', () => {
    expect(ids(track(kb, promoCall), 1)).toEqual(['promo_code_invalid']);
    const declined = track(kb, [
      { speaker: 'agent', text: 'Thanks for calling, how can I help?' },
      {
        speaker: 'customer',
        text: 'Um, yeah, so my credit card keeps getting declined when I try to check out, like every time.',
      },
    ]);
    expect(ids(declined)).toContain('credit_card');
  });

  it('weighs what the customer says above what the agent says', () => {
    const promo = 'My promo code is invalid.';
    const password = 'I forgot my password.';
    const customerFirst = track(kb, [
      { speaker: 'customer', text: promo },
      { speaker: 'agent', text: password },
    ]);
    const agentFirst = track(kb, [
      { speaker: 'agent', text: promo },
      { speaker: 'customer', text: password },
    ]);
    const belief = (tracker: GuidelineTracker, id: string) => tracker.top(55).find((match) => match.subflowId === id)!.score;
    expect(belief(customerFirst, 'promo_code_invalid')).toBeGreaterThan(belief(agentFirst, 'promo_code_invalid'));
    expect(belief(agentFirst, 'recover_password')).toBeGreaterThan(belief(customerFirst, 'recover_password'));
  });

  it('weighs recent turns above old ones, and keeps both needs of a call that moves on', () => {
    const opening = [
      {
        speaker: 'customer' as const,
        text: 'I need to return these jeans, they are the wrong size, way too small.',
      },
      {
        speaker: 'agent' as const,
        text: 'No problem, I can start that return. What is your username?',
      },
    ];
    const secondNeed = {
      speaker: 'customer' as const,
      text: "That's the thing, I don't remember my username at all.",
    };
    const before = track(kb, opening);
    const after = track(kb, [...opening, secondNeed]);
    expect(ids(before, 1)).toEqual(['return_size']);
    expect(ids(after)).toEqual(expect.arrayContaining(['return_size', 'recover_username']));
    const rank = (tracker: GuidelineTracker) => ids(tracker, 55).indexOf('recover_username');
    expect(rank(after)).toBeLessThan(rank(before));
  });

  it('moves the current step on as the call covers it, and points at the turns that matched', () => {
    const complaint = {
      speaker: 'customer' as const,
      text: "There's a mystery fee on my order, an extra charge I never agreed to.",
    };
    const verification = [
      {
        speaker: 'agent' as const,
        text: 'Sorry about that. Can I have your full name and account ID?',
      },
      {
        speaker: 'customer' as const,
        text: 'Sure, Theo Lind, account ID Q F 4 T R 8.',
      },
      {
        speaker: 'agent' as const,
        text: 'Thanks. And the order ID with the fee?',
      },
      { speaker: 'customer' as const, text: 'The order ID is 8815730246.' },
    ];
    const feeMatch = (tracker: GuidelineTracker) => tracker.top().find((match) => match.subflowId === 'status_mystery_fee')!;

    const early = feeMatch(track(kb, [complaint]));
    const verifyAt = early.steps.findIndex((step) => step.id === 'verify-identity');
    expect(verifyAt).toBeGreaterThan(0);
    expect(early.currentStep).toBeLessThanOrEqual(verifyAt);
    expect(early.evidenceTurns).toEqual([0]);

    const verified = feeMatch(track(kb, [complaint, ...verification]));
    expect(verified.currentStep).toBeGreaterThan(verifyAt);
    expect(verified.evidenceTurns).toContain(0);
    expect(verified).toMatchObject({
      flow: 'Order Issue',
      title: 'Status Mystery Fee',
    });
    expect(verified.score).toBeGreaterThan(0);
    expect(verified.score).toBeLessThanOrEqual(1);
  });

  it('keeps addTurn + top fast on a 30-turn call', () => {
    const scenarios = loadScenarios();
    const turns = scenarios.flatMap((scenario) => scenario.turns).slice(0, 30);
    expect(turns).toHaveLength(30);
    const tracker = new GuidelineTracker(kb, packagePrior(scenarios[0]!.handoff));
    const times = turns.map((turn, index) => {
      const start = performance.now();
      tracker.addTurn({ index, speaker: turn.speaker, text: turn.text });
      tracker.top();
      return performance.now() - start;
    });
    const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `addTurn + top over ${times.length} turns: mean ${mean.toFixed(3)} ms, median ${sorted[15]!.toFixed(3)} ms, max ${sorted.at(-1)!.toFixed(3)} ms`,
    );
    // Loose on purpose: a shared CI machine must not make this flaky; the target (< 2 ms) is read off the log.
    expect(mean).toBeLessThan(25);
  });
});
