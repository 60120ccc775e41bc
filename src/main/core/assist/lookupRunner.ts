/**
 * Runs the assistant's read-only lookups as facts appear (an order ID heard → look up the order) and
 * keeps their records for the agent. Each input is looked up once per call.
 */
import type { HeardFact, LookupRecord } from '../../../shared/callSchemas';
import type { FactSchema } from '../../../shared/facts';
import type { LookupPort } from '../ports';

const LOOKUP_TIMEOUT_MS = 4_000;

export class LookupRunner {
  private readonly records: LookupRecord[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly lookups: LookupPort | undefined,
    private readonly facts: FactSchema,
    private readonly changed: () => void,
  ) {}

  /** Starts lookups for facts that have not been looked up yet. */
  consider(facts: readonly HeardFact[], turnIndex?: number): void {
    if (!this.lookups) return;
    for (const fact of facts) {
      // The pack says which facts key a lookup (an order number, an account number).
      const kind = this.facts.spec(fact.name)?.lookup;
      if (kind === 'order') this.start('lookup_order', { [fact.name]: fact.value }, turnIndex, (port) => port.lookupOrder(fact.value));
      if (kind === 'account')
        this.start('lookup_account', { [fact.name]: fact.value }, turnIndex, (port) => port.lookupAccount(fact.value));
    }
  }

  list(): LookupRecord[] {
    return this.records.map((record) => ({ ...record }));
  }

  async settled(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  private start(
    tool: LookupRecord['tool'],
    input: Record<string, string>,
    turnIndex: number | undefined,
    call: (port: LookupPort) => ReturnType<LookupPort['lookupOrder']>,
  ): void {
    const id = `${tool}:${Object.values(input).join(',')}`;
    if (this.records.some((record) => record.id === id)) return;
    const record: LookupRecord = { id, tool, input, status: 'pending', triggeredByTurn: turnIndex };
    this.records.push(record);
    const work = withTimeout(call(this.lookups!), LOOKUP_TIMEOUT_MS)
      .then((answer) => {
        record.status = answer.found ? 'ok' : 'not_found';
        record.result = answer.found ? answer.summary : 'Nothing found.';
      })
      .catch((error: Error) => {
        record.status = 'failed';
        record.result = error.message;
      })
      .finally(() => {
        this.running.delete(work);
        this.changed();
      });
    this.running.add(work);
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
