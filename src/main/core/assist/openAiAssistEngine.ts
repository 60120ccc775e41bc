/**
 * Whisper suggestions from an OpenAI model, on top of the local engine. Each session wraps a local
 * session: facts, flags and guidelines stay the local engine's (deterministic, offline), and every
 * turn returns them at once. The model is then asked, in the background, for 1–3 suggestions grounded
 * in the guideline step and the facts; they replace the local ones when they arrive. Any failure puts
 * the local suggestions back with a short reason, and the call goes on.
 *
 * The model can only produce text for the agent: its tools are read-only lookups, and nothing it says
 * is ever run.
 */
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { AssistEngineStatus, AssistState, LookupRecord, Suggestion, TranscriptTurn } from '../../../shared/callSchemas';
import type { IntakeResult } from '../../../shared/handoffPackage';
import type { AssistEngine, AssistSession, AssistSessionContext, LookupPort } from '../ports';
import type { PackInUse } from '../pack/packInUse';
import type { LocalAssistEngine } from './localAssistEngine';
import { describeFailure, StreamStalledError, UnusableAnswerError, type EngineFailure } from './openAiFailure';
import { buildUserMessage, groundedSuggestions, ModelSuggestionsSchema, SYSTEM_PROMPT, type PromptInput } from './openAiPrompt';
import { ReadOnlyTools } from './openAiTools';

export interface OpenAiAssistOptions {
  apiKey: string;
  /** An OpenAI-compatible endpoint; api.openai.com when absent. */
  baseURL?: string;
  model: string;
  /** Per attempt, and the longest a started stream may go quiet. */
  timeoutMs: number;
  /** Retries with backoff (429 honours retry-after), done by the SDK. */
  maxRetries: number;
  /** Behind the search_kb tool. */
  /** The pack whose knowledge base the search_kb tool reads. */
  packs?: PackInUse;
  /** Behind the lookup_order and lookup_account tools. */
  lookups?: LookupPort;
  /** Facts, flags and guidelines always come from here, and its suggestions whenever the model fails. */
  fallback: LocalAssistEngine;
}

/** Rounds of tool calls before the model must answer; a lookup or two is all a suggestion needs. */
const MAX_TOOL_ROUNDS = 2;
/** Calls the model may make in one round; more are refused, not queued. */
const MAX_TOOL_CALLS_PER_ROUND = 3;
const MAX_ANSWER_TOKENS = 600;
const SUGGESTIONS_FORMAT = zodResponseFormat(ModelSuggestionsSchema, 'whisper_suggestions');

export class OpenAiAssistEngine implements AssistEngine {
  readonly name = 'openai';
  private readonly client: OpenAI;
  private readonly tools: ReadOnlyTools;

  constructor(private readonly options: OpenAiAssistOptions) {
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL || undefined,
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
    });
    this.tools = new ReadOnlyTools(options.lookups, options.packs);
  }

  startSession(intake: IntakeResult, context: AssistSessionContext = {}): AssistSession {
    return new OpenAiAssistSession(intake, context, { ...this.options, client: this.client, tools: this.tools });
  }
}

type SessionDependencies = OpenAiAssistOptions & { client: OpenAI; tools: ReadOnlyTools };

class OpenAiAssistSession implements AssistSession {
  private readonly local: AssistSession;
  private readonly turns: TranscriptTurn[] = [];
  private readonly aborter = new AbortController();
  /** The latest answer of the model and the turn it answers; cleared by a failure. */
  private answer?: { suggestions: Suggestion[]; throughTurn: number };
  private readonly modelLookups: LookupRecord[] = [];
  private status: AssistEngineStatus = { engine: 'openai', state: 'ok' };
  /** Index of the last turn a request has been started for. */
  private requestedThrough = -1;
  private running?: Promise<void>;
  /** Set by a failure that asking again cannot fix (a bad key): the rest of the call stays local. */
  private givenUp = false;
  private closed = false;

  constructor(
    private readonly intake: IntakeResult,
    private readonly context: AssistSessionContext,
    private readonly deps: SessionDependencies,
  ) {
    this.local = deps.fallback.startSession(intake, {
      callDate: context.callDate,
      handBackAllowList: context.handBackAllowList,
      pack: context.pack,
      onUpdate: () => this.publish(),
    });
  }

  callerVerified(): AssistState {
    this.local.callerVerified();
    return this.state();
  }

  onTurn(turn: TranscriptTurn): AssistState {
    this.turns.push(turn);
    this.local.onTurn(turn);
    if (!this.givenUp && !this.closed) this.status = { engine: 'openai', state: 'working' };
    this.askForLatestTurn();
    return this.state();
  }

  /**
   * The local state with the model's suggestions, when there are some. While a newer turn is being
   * answered the previous answer stays on screen rather than flickering back to the local one.
   */
  state(): AssistState {
    const local = this.local.state();
    const lookups = [...local.lookups, ...this.modelLookups.filter((record) => !local.lookups.some((mine) => mine.id === record.id))];
    return { ...local, suggestions: this.answer?.suggestions ?? local.suggestions, lookups, engine: { ...this.status } };
  }

  async settled(): Promise<void> {
    while (this.running) await this.running;
    await this.local.settled();
  }

  close(): void {
    this.closed = true;
    this.aborter.abort();
    this.local.close();
  }

  private publish(): void {
    if (!this.closed) this.context.onUpdate?.(this.state());
  }

  /**
   * One request at a time: turns that arrive while one is out wait, and the next request carries only
   * the latest of them (with everything before it). Each request re-checks when it ends.
   */
  private askForLatestTurn(): void {
    if (this.running || this.closed || this.givenUp || this.requestedThrough >= this.turns.length - 1) return;
    this.running = this.answerThrough(this.turns.length - 1).finally(() => {
      this.running = undefined;
      this.askForLatestTurn();
    });
  }

  private async answerThrough(through: number): Promise<void> {
    this.requestedThrough = through;
    // Taken now, in the same tick as `through`: the prompt holds this turn and nothing after it.
    const input: PromptInput = { intake: this.intake, turns: this.turns.slice(0, through + 1), local: this.local.state() };
    try {
      const suggestions = await this.ask(input, through);
      if (this.closed) return;
      // Answers arrive in order (one request at a time), but an older one must never replace a newer one.
      if (!this.answer || this.answer.throughTurn <= through) this.answer = { suggestions, throughTurn: through };
      this.status = { engine: 'openai', state: this.turns.length - 1 > through ? 'working' : 'ok' };
    } catch (error) {
      if (this.closed) return;
      const failure: EngineFailure = describeFailure(error, this.deps);
      this.answer = undefined;
      this.givenUp = failure.permanent;
      this.status = { engine: 'openai', state: 'fallback', message: failure.message };
    }
    this.publish();
  }

  /** One answer: up to MAX_TOOL_ROUNDS rounds of lookups, then the suggestions. */
  private async ask(input: PromptInput, turnIndex: number): Promise<Suggestion[]> {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: buildUserMessage(input) },
    ];
    for (let round = 0; ; round += 1) {
      const message = await this.complete(messages, round >= MAX_TOOL_ROUNDS);
      const calls = (message.tool_calls ?? []).filter((call) => call.type === 'function');
      if (!calls.length) {
        if (message.refusal) throw new UnusableAnswerError('OpenAI declined to suggest anything');
        if (!message.parsed) throw new UnusableAnswerError("OpenAI's answer was not valid suggestions");
        const suggestions = groundedSuggestions(message.parsed, input, `openai-${turnIndex}`);
        if (!suggestions.length) throw new UnusableAnswerError("OpenAI's suggestions cited nothing in the guideline or the call");
        return suggestions;
      }
      if (round >= MAX_TOOL_ROUNDS) throw new UnusableAnswerError('OpenAI kept asking for lookups instead of answering');
      messages.push({
        role: 'assistant',
        content: message.content ?? null,
        tool_calls: calls.map(({ id, type, function: fn }) => ({ id, type, function: { name: fn.name, arguments: fn.arguments } })),
      });
      for (const [i, call] of calls.entries()) {
        const outcome =
          i < MAX_TOOL_CALLS_PER_ROUND
            ? await this.deps.tools.run(call.function.name, call.function.arguments, { turnIndex, known: this.state().lookups })
            : { content: `Refused: at most ${MAX_TOOL_CALLS_PER_ROUND} lookups at a time.` };
        if (outcome.record) this.recordLookup(outcome.record);
        messages.push({ role: 'tool', tool_call_id: call.id, content: outcome.content });
      }
      if (this.closed) throw new UnusableAnswerError('closed');
      this.publish();
    }
  }

  /** One streamed completion. The SDK's timeout stops at the response headers, so a stalled stream is cut here. */
  private async complete(messages: ChatCompletionMessageParam[], lastRound: boolean) {
    const tools = this.deps.tools.definitions();
    const stream = this.deps.client.chat.completions.stream(
      {
        model: this.deps.model,
        messages,
        response_format: SUGGESTIONS_FORMAT,
        max_completion_tokens: MAX_ANSWER_TOKENS,
        ...(tools.length ? { tools, tool_choice: lastRound ? ('none' as const) : ('auto' as const) } : {}),
      },
      { signal: this.aborter.signal },
    );
    let stalled = false;
    let timer: NodeJS.Timeout | undefined;
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        stream.abort();
      }, this.deps.timeoutMs);
    };
    stream.on('connect', watch);
    stream.on('chunk', watch);
    try {
      const completion = await stream.finalChatCompletion();
      const message = completion.choices[0]?.message;
      if (!message) throw new UnusableAnswerError('OpenAI sent an empty answer');
      return message;
    } catch (error) {
      throw stalled ? new StreamStalledError('stream stalled') : error;
    } finally {
      clearTimeout(timer);
    }
  }

  private recordLookup(record: LookupRecord): void {
    const at = this.modelLookups.findIndex((known) => known.id === record.id);
    if (at >= 0) this.modelLookups[at] = record;
    else this.modelLookups.push(record);
  }
}
