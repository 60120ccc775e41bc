/**
 * Demo mode's lookups: answers from the demo data the app ships (the demo scenarios' orders and
 * accounts, as the AI's package and tools described them). Read-only like every LookupPort.
 */
import type { CallScenario } from '../../../shared/callScenario';
import { intakePackage } from '../../../shared/handoffIntake';
import type { LookupAnswer, LookupPort } from '../ports';
import { rawPackageOf } from '../demo/scenarioLoader';

export class DemoLookups implements LookupPort {
  private readonly orders = new Map<string, string>();
  private readonly accounts = new Map<string, string>();

  constructor(scenarios: readonly CallScenario[]) {
    for (const scenario of scenarios) {
      const intake = intakePackage(rawPackageOf(scenario));
      if (intake.status !== 'ok') continue;
      const pkg = intake.package;
      const fact = (name: string) => pkg.facts.find((f) => f.name === name)?.value;
      const orderId = fact('order_id');
      const accountId = fact('account_id');
      const product = fact('product');
      const amount = fact('amount');
      if (orderId) this.orders.set(orderId, [`Order ${orderId} for ${pkg.caller.name}`, product, amount].filter(Boolean).join(' · '));
      if (accountId) {
        const level = fact('membership_level');
        this.accounts.set(accountId, [`Account ${accountId}: ${pkg.caller.name}`, level && `${level} member`, pkg.caller.phone].filter(Boolean).join(' · '));
      }
    }
  }

  async lookupOrder(orderId: string): Promise<LookupAnswer> {
    const summary = this.orders.get(orderId);
    return summary ? { found: true, summary } : { found: false };
  }

  async lookupAccount(accountId: string): Promise<LookupAnswer> {
    const summary = this.accounts.get(accountId);
    return summary ? { found: true, summary } : { found: false };
  }
}
