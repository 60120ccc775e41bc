/**
 * Builds the post-call record at the end of a call, and the wrap-up draft the agent edits. The
 * sentiment trajectory is a small lexicon score per third of the customer's turns: a trend to read,
 * not a verdict.
 */
import type { CallOutcome, CallView, TranscriptTurn, WrapUp } from '../../../shared/callSchemas';
import type { PackSummary } from '../../../shared/domainPack';
import { factLabel } from '../../../shared/facts';
import { displayCase, displayFactValue, inSentence, joinWords } from '../../../shared/valueDisplay';
import type { Disposition, PostCallRecord } from '../../../shared/postCallRecord';

const NEGATIVE =
  /\b(?:frustrat\w*|annoy\w*|angry|ridiculous|stupid|useless|terrible|awful|upset|worried|nervous|crying|hate|kidding me|forever|an hour|again|not happy|unacceptable|chargeback|lawyer|attorney|ugh|sorry i (?:yelled|was short))\b/gi;
const POSITIVE =
  /\b(?:thank(?:s| you)|great|perfect|lovely|brilliant|appreciate\w*|awesome|wonderful|glad|kind|helpful|works for me|cool|excellent|good)\b/gi;

export function sentimentTrajectory(turns: readonly TranscriptTurn[]): number[] {
  const customer = turns.filter((turn) => turn.speaker === 'customer');
  if (customer.length === 0) return [];
  const thirds = [0, 1, 2].map((part) =>
    customer.slice(Math.floor((part * customer.length) / 3), Math.floor(((part + 1) * customer.length) / 3)),
  );
  return thirds.map((part) => {
    const text = part.map((turn) => turn.text).join(' ');
    const negative = text.match(NEGATIVE)?.length ?? 0;
    const positive = text.match(POSITIVE)?.length ?? 0;
    return negative + positive === 0 ? 0 : Math.round(((positive - negative) / (positive + negative)) * 100) / 100;
  });
}

/** An outcome the call itself settled, whatever the agent writes: declined, missed, interrupted, handed back. */
export function settledOutcome(view: CallView): Disposition | undefined {
  if (view.phase === 'declined') return 'declined';
  if (view.interrupted) return 'interrupted';
  if (view.phase === 'missed') return 'missed';
  if (view.handBack && ['delivered', 'completed', 'sending'].includes(view.handBack.state)) return 'handed_back';
  return undefined;
}

/** The disposition the draft proposes; the agent changes it or not, and only a saved one is recorded. */
export function defaultDisposition(view: CallView): Disposition {
  return settledOutcome(view) ?? 'resolved';
}

/** The wrap-up the agent saved, if any: a draft (no `savedAt`) is the assistant's proposal, not a decision. */
export function savedWrapUp(view: CallView): WrapUp | undefined {
  return view.wrapUp?.savedAt !== undefined ? view.wrapUp : undefined;
}

/** What the record says the call came to: the saved disposition, else what the call settled, else not wrapped up. */
export function recordedOutcome(view: CallView): CallOutcome {
  return savedWrapUp(view)?.disposition ?? settledOutcome(view) ?? 'not_wrapped_up';
}

/** Facts worth naming in the wrap-up: what the call was about (ids, items, amounts, dates), not personal details. */
const WRAP_UP_TYPES = new Set(['id', 'catalogue', 'amount', 'date', 'enum']);

const HAND_BACK_OUTCOME_WORDS: Record<NonNullable<CallView['handBack']>['state'], string> = {
  completed: 'the AI completed it',
  delivered: 'the AI received it',
  sending: 'it was being sent when the call ended',
  failed: 'the hand-back did not go through',
  refused: 'the hand-back was refused',
};

/**
 * A first wrap-up for the agent to edit, written as sentences: who called and why (the pack's words
 * for the need), what it concerned, what the call corrected, what was handed back, the agent's note.
 */
export function draftWrapUp(view: CallView, pack?: PackSummary): WrapUp {
  const pkg = view.intake.status === 'ok' ? view.intake.package : undefined;
  const shown = (name: string, value: string) => displayFactValue(pack, name, value);
  const label = (name: string) => inSentence(factLabel(pack, name));
  const heardName = view.assist.facts.find((fact) => fact.name === 'customer_name')?.value;
  const who = heardName || pkg?.caller.name.trim() ? displayCase((heardName || pkg!.caller.name).trim()) : 'The caller';
  const settled = view.assist.guidelines[0]?.subflowId;
  const intentLabel = (id: string | undefined) => (id ? pack?.intents.find((intent) => intent.id === id)?.label : undefined);
  const reason = intentLabel(settled) ?? intentLabel(pkg?.intent.label) ?? view.assist.guidelines[0]?.title;
  const concerned = view.assist.facts
    .filter((fact) => {
      const spec = pack?.facts.find((candidate) => candidate.name === fact.name);
      return spec !== undefined && WRAP_UP_TYPES.has(spec.type) && !spec.pii;
    })
    .map((fact) => `${label(fact.name)} ${shown(fact.name, fact.value)}`);
  const corrections = view.assist.facts
    .filter((fact) => fact.contradictedBy !== undefined)
    .map((fact) =>
      fact.packageValue !== undefined
        ? `the ${label(fact.name)} from ${shown(fact.name, fact.packageValue)} to ${shown(fact.name, fact.value)}`
        : `the ${label(fact.name)} to ${shown(fact.name, fact.value)}`,
    );
  const task = view.handBack
    ? (pack?.handBackTasks.find((candidate) => candidate.id === view.handBack!.task)?.label ?? view.handBack.task.replace(/_/g, ' '))
    : '';
  const note = view.notes.trim().split('\n')[0]?.trim() ?? '';
  const sentences = [
    reason ? `${who} called about “${reason}”.` : `${who} called; the reason was not settled.`,
    concerned.length ? `It concerned ${joinWords(concerned)}.` : '',
    corrections.length ? `The call corrected ${joinWords(corrections)} (the AI had it wrong).` : '',
    view.handBack ? `The call was handed back to the AI to ${lowerFirst(task)}; ${HAND_BACK_OUTCOME_WORDS[view.handBack.state]}.` : '',
    note ? `Agent's note: ${note}${/[.!?]$/.test(note) ? '' : '.'}` : '',
  ];
  return { summary: sentences.filter(Boolean).join(' '), disposition: defaultDisposition(view) };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function buildPostCallRecord(view: CallView, turns: readonly TranscriptTurn[], pack?: Pick<PackSummary, 'intents'>): PostCallRecord {
  const pkg = view.intake.status === 'ok' ? view.intake.package : undefined;
  const fact = (name: string) => view.assist.facts.find((f) => f.name === name)?.value;
  const trajectory = sentimentTrajectory(turns);
  const wrapUp = savedWrapUp(view);
  return {
    format: 'post-call/1',
    callId: view.callId,
    ringingAt: view.ringingAt,
    endedAt: view.endedAt ?? view.ringingAt,
    packageStatus: view.intake.status,
    intent: { fromPackage: pkg?.intent.label, settled: view.assist.guidelines[0]?.subflowId ?? pkg?.intent.label },
    triggerCode: pkg?.trigger.code,
    sentimentTrajectory: trajectory,
    escalated: true,
    slots: {
      name: fact('customer_name'),
      callbackNumber: fact('phone'),
      // The reason in the pack's words ("Return a stained item"), not the intent's id.
      reason:
        view.assist.guidelines[0]?.title ??
        (pkg ? (pack?.intents.find((intent) => intent.id === pkg.intent.label)?.label ?? pkg.intent.label) : undefined),
      urgency:
        pkg?.trigger.code === 'distress' || pkg?.trigger.code === 'sensitive_topic' || (trajectory[0] ?? 0) < -0.3 ? 'high' : 'normal',
    },
    facts: view.assist.facts.map((f) => ({
      name: f.name,
      value: f.value,
      source: f.source === 'package' ? 'package' : `turn ${f.source + 1}`,
    })),
    repeats: view.assist.repeats.length,
    packageFieldCount: pkg ? pkg.facts.length + (pkg.caller.name ? 1 : 0) + (pkg.caller.phone ? 1 : 0) : 0,
    contradictedFields: view.assist.facts.filter((f) => f.contradictedBy !== undefined).map((f) => `facts.${f.name}`),
    lookupsRun: view.assist.lookups.map((lookup) => `${lookup.tool}:${lookup.status}`),
    handBack: view.handBack
      ? { task: view.handBack.task, state: view.handBack.state === 'sending' ? 'sent' : view.handBack.state, detail: view.handBack.detail }
      : null,
    wrapUpNotes: wrapUp?.summary ?? '',
    disposition: recordedOutcome(view),
    timings: view.timings,
    csat: view.csat,
    ...(wrapUp?.agentRating !== undefined ? { agentRating: wrapUp.agentRating } : {}),
    piiRedactions: view.piiRedactions ?? 0,
    ...(view.voice ? { handoffMode: view.voice.mode } : {}),
  };
}
