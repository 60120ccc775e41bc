/**
 * The scripted first sentence: the seed's "cold handoff, but the human's first sentence is heavily
 * scripted to prove they have the context". Built only from the package, never from guesses.
 */
import { FACT_LABELS, type FactName } from './facts';
import type { HandoffPackage } from './handoffPackage';

/** Spoken phrases for the knowledge base's intents; unknown intents fall back to their label in words. */
const INTENT_PHRASES: Record<string, { issue: string; help: string }> = {
  recover_username: { issue: 'getting back into your account', help: 'recovering your username' },
  recover_password: { issue: 'getting back into your account', help: 'resetting your password' },
  reset_2fa: { issue: 'your two-step sign-in', help: 'resetting it' },
  status_credit_missing: { issue: 'a credit missing from your account', help: 'tracking that credit down' },
  status_mystery_fee: { issue: 'a charge you did not expect', help: 'explaining or fixing that charge' },
  status_delivery_time: { issue: 'when your order will arrive', help: 'checking the delivery date' },
  manage_cancel: { issue: 'cancelling your order', help: 'the cancellation' },
  manage_change_address: { issue: 'changing your address', help: 'updating it' },
  refund_initiate: { issue: 'a refund', help: 'starting the refund' },
  refund_status: { issue: 'the status of your refund', help: 'checking where it is' },
  return_size: { issue: 'returning an item that does not fit', help: 'starting the return' },
  return_color: { issue: 'returning an item whose colour is not what you expected', help: 'starting the return' },
  return_stain: { issue: 'returning a damaged item', help: 'starting the return' },
  promo_code_invalid: { issue: 'a promo code that was not accepted', help: 'sorting out the code' },
  promo_code_out_of_date: { issue: 'an expired promo code', help: 'sorting out the code' },
  missing: { issue: 'an order that has not arrived', help: 'getting it to you' },
  cost: { issue: 'shipping costs', help: 'the shipping options' },
  status: { issue: 'where your shipment is', help: 'tracking it' },
  pricing: { issue: 'our prices', help: 'the pricing' },
  membership: { issue: 'your membership', help: 'your membership questions' },
  policy: { issue: 'our return policy', help: 'the policy details' },
  credit_card: { issue: 'your card being declined at checkout', help: 'getting the payment through' },
  shopping_cart: { issue: 'a problem with your cart', help: 'fixing the cart' },
  manage_extension: { issue: 'more time to pay your subscription', help: 'your options' },
  manage_pay_bill: { issue: 'paying your bill', help: 'the payment' },
  manage_dispute_bill: { issue: 'a charge on your bill', help: 'reviewing the bill' },
};

const PRODUCT_INTENTS = new Set(['boots', 'shirt', 'jeans', 'jacket']);
const FACTS_WORTH_NAMING: FactName[] = ['order_id', 'account_id', 'email', 'username', 'phone', 'zip_code', 'street_address', 'product'];

export function firstSentence(pkg: HandoffPackage, agentName: string): string {
  const phrases = INTENT_PHRASES[pkg.intent.label];
  const product = pkg.facts.find((fact) => fact.name === 'product')?.value;
  const issue =
    phrases?.issue ??
    (PRODUCT_INTENTS.has(pkg.intent.label) && product ? `your ${product}` : pkg.intent.label.replace(/[_-]+/g, ' '));
  const firstName = pkg.caller.name.trim().split(/\s+/)[0];
  const greeting = firstName ? `Hi ${firstName}, I'm ${agentName}.` : `Hi, I'm ${agentName}.`;
  const known = knownFactWords(pkg);
  const help = phrases?.help ?? 'that';
  const detailsClause = known ? `I have your ${known}, so you won't need to repeat them; ` : '';
  return `${greeting} I see you're calling about ${issue}. ${capitalise(`${detailsClause}let me help you with ${help}.`)}`;
}

function knownFactWords(pkg: HandoffPackage): string {
  const names = new Set(pkg.facts.map((fact) => fact.name));
  const labels = FACTS_WORTH_NAMING.filter((name) => names.has(name)).map((name) => FACT_LABELS[name].toLowerCase());
  if (labels.length === 0) return '';
  const spoken = labels.slice(0, 3).map((label) => label.replace('order id', 'order number').replace('account id', 'account number'));
  return spoken.length === 1 ? spoken[0]! : `${spoken.slice(0, -1).join(', ')} and ${spoken.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
