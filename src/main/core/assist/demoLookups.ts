/**
 * Demo mode's lookups: the pack's own demo data (lookups.json) when it has some, and otherwise answers
 * drawn from the demo scenarios' packages (their lookup facts, as the AI's package described them).
 * Read-only like every LookupPort.
 */
import type { CallScenario } from '../../../shared/callScenario';
import { intakePackage } from '../../../shared/handoffIntake';
import type { LookupAnswer, LookupPort } from '../ports';
import { rawPackageOf } from '../demo/scenarioLoader';
import { packLookupAnswer } from '../pack/domainPackLoader';
import type { PackInUse } from '../pack/packInUse';

export class DemoLookups implements LookupPort {
  private readonly orders = new Map<string, string>();
  private readonly accounts = new Map<string, string>();

  constructor(
    scenarios: readonly CallScenario[],
    private readonly packs: PackInUse,
  ) {
    const facts = packs.current.pack.facts;
    for (const scenario of scenarios) {
      const intake = intakePackage(rawPackageOf(scenario), facts);
      if (intake.status !== 'ok') continue;
      const pkg = intake.package;
      // An order shows what was bought and for how much; an account its plan or level and its phone.
      const ofType = (...types: string[]) =>
        pkg.facts.filter((fact) => types.includes(facts.spec(fact.name)?.type ?? '')).map((fact) => fact.value);
      for (const fact of pkg.facts) {
        const kind = facts.spec(fact.name)?.lookup;
        if (kind === 'order')
          this.orders.set(fact.value, [`Order ${fact.value} for ${pkg.caller.name}`, ...ofType('catalogue', 'amount')].join(' · '));
        if (kind === 'account')
          this.accounts.set(
            fact.value,
            [`Account ${fact.value}: ${pkg.caller.name}`, ...ofType('enum'), pkg.caller.phone].filter(Boolean).join(' · '),
          );
      }
    }
  }

  async lookupOrder(orderId: string): Promise<LookupAnswer> {
    const fromPack = packLookupAnswer(this.packs.current.pack.lookups, 'orders', orderId);
    if (fromPack) return fromPack;
    const summary = this.orders.get(orderId);
    return summary ? { found: true, summary } : { found: false };
  }

  async lookupAccount(accountId: string): Promise<LookupAnswer> {
    const fromPack = packLookupAnswer(this.packs.current.pack.lookups, 'accounts', accountId);
    if (fromPack) return fromPack;
    const summary = this.accounts.get(accountId);
    return summary ? { found: true, summary } : { found: false };
  }
}
