/**
 * The only tools the model is offered: three read-only lookups, run through the LookupPort and the
 * knowledge base. A call to any other name (say "issue_refund", asked for by text in the call) is
 * refused with a message back to the model and recorded nowhere: there is nothing it could run.
 */
import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { LookupRecord } from '../../../shared/callSchemas';
import type { LookupAnswer, LookupPort } from '../ports';
import type { PackInUse } from '../pack/packInUse';
import { withTimeout } from './lookupRunner';

export type LookupToolName = LookupRecord['tool'];

const LOOKUP_TIMEOUT_MS = 4_000;
const MAX_RESULT_CHARS = 1_500;

// Limits are checked here rather than in the JSON schema: strict mode rejects length keywords on some models.
const ARGUMENTS = {
  lookup_order: z.object({ order_id: z.string().trim().min(1).max(64) }).strict(),
  lookup_account: z.object({ account_id: z.string().trim().min(1).max(64) }).strict(),
  search_kb: z.object({ query: z.string().trim().min(1).max(300) }).strict(),
} satisfies Record<LookupToolName, z.ZodType>;

function tool(name: LookupToolName, description: string, argument: string, about: string): ChatCompletionFunctionTool {
  return {
    type: 'function',
    function: {
      name,
      description,
      strict: true,
      parameters: {
        type: 'object',
        properties: { [argument]: { type: 'string', description: about } },
        required: [argument],
        additionalProperties: false,
      },
    },
  };
}

const DEFINITIONS: Record<LookupToolName, ChatCompletionFunctionTool> = {
  lookup_order: tool(
    'lookup_order',
    'Read an order from the order system (read-only).',
    'order_id',
    'The order ID as the customer or package gave it.',
  ),
  lookup_account: tool('lookup_account', 'Read a customer account (read-only).', 'account_id', 'The account ID.'),
  search_kb: tool('search_kb', "Search the contact center's guidelines (read-only).", 'query', 'A few words about the customer need.'),
};

export interface ToolOutcome {
  /** What goes back to the model as the tool message. */
  content: string;
  /** The lookup as the agent sees it; absent for a refused call. */
  record?: LookupRecord;
}

export class ReadOnlyTools {
  constructor(
    private readonly lookups: LookupPort | undefined,
    private readonly packs: PackInUse | undefined,
  ) {}

  /** Only the tools that have something behind them. */
  definitions(): ChatCompletionFunctionTool[] {
    return this.names().map((name) => DEFINITIONS[name]);
  }

  /**
   * Runs one call from the model. `known` are lookups already on screen (the local engine's, or earlier
   * ones of the model's); an answered one is reused instead of asking the backend twice.
   */
  async run(name: string, rawArguments: string, context: { turnIndex: number; known: readonly LookupRecord[] }): Promise<ToolOutcome> {
    const toolName = this.names().find((candidate) => candidate === name);
    if (!toolName) {
      const shown = name.replace(/[^\w.-]/g, '').slice(0, 64) || '(unnamed)';
      return {
        content: `Refused: "${shown}" is not available. The only tools are read-only lookups (${this.names().join(', ')}); nothing can be changed, refunded or sent.`,
      };
    }
    const input = parseArguments(toolName, rawArguments);
    if (!input)
      return {
        content: `Refused: ${toolName} needs ${JSON.stringify(Object.keys(ARGUMENTS[toolName].shape))} as a JSON object of short strings.`,
      };
    const id = `${toolName}:${Object.values(input).join(',')}`;
    const known = context.known.find((record) => record.id === id && (record.status === 'ok' || record.status === 'not_found'));
    if (known) return { content: answerText(known), record: { ...known } };
    const record: LookupRecord = { id, tool: toolName, input, status: 'pending', triggeredByTurn: context.turnIndex };
    try {
      const answer = await withTimeout(this.ask(toolName, input), LOOKUP_TIMEOUT_MS);
      record.status = answer.found ? 'ok' : 'not_found';
      record.result = answer.found ? answer.summary.slice(0, MAX_RESULT_CHARS) : 'Nothing found.';
    } catch (error) {
      record.status = 'failed';
      record.result = (error as Error).message;
    }
    return { content: answerText(record), record };
  }

  private names(): LookupToolName[] {
    return [...(this.lookups ? (['lookup_order', 'lookup_account'] as const) : []), ...(this.packs ? (['search_kb'] as const) : [])];
  }

  private ask(name: LookupToolName, input: Record<string, string>): Promise<LookupAnswer> {
    if (name === 'lookup_order') return this.lookups!.lookupOrder(input.order_id!);
    if (name === 'lookup_account') return this.lookups!.lookupAccount(input.account_id!);
    const found = this.packs!.current.knowledgeBase.search(input.query!, 3);
    if (!found.length) return Promise.resolve({ found: false });
    const summary = found
      .map(
        (subflow) =>
          `${subflow.title} (${subflow.flow}): ${subflow.steps.map((step, i) => `${i + 1}. ${step.button || step.text.split('\n')[0]}`).join('; ')}`,
      )
      .join('\n');
    return Promise.resolve({ found: true, summary });
  }
}

function parseArguments(name: LookupToolName, raw: string): Record<string, string> | undefined {
  try {
    const parsed = ARGUMENTS[name].safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

function answerText(record: LookupRecord): string {
  return JSON.stringify({ status: record.status, result: record.result ?? '' });
}
