/**
 * The scripted first sentence: the seed's "cold handoff, but the human's first sentence is heavily
 * scripted to prove they have the context". Built only from the package, never from guesses.
 */
import { FACT_LABELS, type FactName } from './facts';
import type { HandoffPackage } from './handoffPackage';

/** Spoken phrases for the knowledge base's intents; unknown intents fall back to their label in words. */
const INTENT_PHRASES: Record<string, { issue: string; help: string }> = {
  // account_access
  recover_username: { issue: 'getting back into your account', help: 'recovering your username' },
  recover_password: { issue: 'getting back into your account', help: 'resetting your password' },
  reset_2fa: { issue: 'your two-step sign-in code', help: 'resetting it' },
  // manage_account
  status_service_added: { issue: 'a service added to your account', help: 'checking that service' },
  status_service_removed: { issue: 'a service removed from your account', help: 'checking that service' },
  status_shipping_question: { issue: 'a shipping question on your account', help: 'the shipping details' },
  status_credit_missing: { issue: 'a credit missing from your account', help: 'tracking that credit down' },
  manage_change_address: { issue: 'changing your address', help: 'updating it' },
  manage_change_name: { issue: 'changing the name on your account', help: 'updating it' },
  manage_change_phone: { issue: 'changing your phone number', help: 'updating it' },
  manage_payment_method: { issue: 'your payment method', help: 'updating it' },
  // order_issue
  status_mystery_fee: { issue: 'a charge you did not expect', help: 'explaining or fixing that charge' },
  status_delivery_time: { issue: 'when your order will arrive', help: 'checking the delivery date' },
  status_payment_method: { issue: 'how your order was paid', help: 'checking the payment' },
  status_quantity: { issue: 'the quantity on your order', help: 'checking the order' },
  manage_upgrade: { issue: 'upgrading your order', help: 'the upgrade' },
  manage_downgrade: { issue: 'downgrading your order', help: 'the change' },
  manage_create: { issue: 'placing an order', help: 'placing it' },
  manage_cancel: { issue: 'cancelling your order', help: 'the cancellation' },
  // product_defect
  refund_initiate: { issue: 'a refund', help: 'starting the refund' },
  refund_update: { issue: 'changing your refund', help: 'updating it' },
  refund_status: { issue: 'the status of your refund', help: 'checking where it is' },
  return_stain: { issue: 'returning a damaged item', help: 'starting the return' },
  return_color: { issue: 'returning an item whose colour is not what you expected', help: 'starting the return' },
  return_size: { issue: 'returning an item that does not fit', help: 'starting the return' },
  // purchase_dispute
  bad_price_competitor: { issue: 'a lower price you saw elsewhere', help: 'the price' },
  bad_price_yesterday: { issue: 'a price that dropped after you bought', help: 'the price difference' },
  out_of_stock_general: { issue: 'items being out of stock', help: 'finding what you need' },
  out_of_stock_one_item: { issue: 'an item that is out of stock', help: 'finding it for you' },
  promo_code_invalid: { issue: 'a promo code that was not accepted', help: 'sorting out the code' },
  promo_code_out_of_date: { issue: 'an expired promo code', help: 'sorting out the code' },
  mistimed_billing_already_returned: { issue: 'a charge for an item you returned', help: 'fixing the charge' },
  mistimed_billing_never_bought: { issue: 'a charge for something you did not buy', help: 'fixing the charge' },
  // shipping_issue
  status: { issue: 'where your shipment is', help: 'tracking it' },
  manage: { issue: 'changing your shipment', help: 'updating the delivery' },
  missing: { issue: 'an order that has not arrived', help: 'getting it to you' },
  cost: { issue: 'shipping costs', help: 'the shipping options' },
  // storewide_query
  pricing: { issue: 'our prices', help: 'the pricing' },
  membership: { issue: 'your membership', help: 'your membership questions' },
  timing: { issue: 'our hours and timing', help: 'the details' },
  policy: { issue: 'our policies', help: 'the policy details' },
  // subscription_inquiry
  status_active: { issue: 'whether your subscription is active', help: 'checking it' },
  status_due_amount: { issue: 'how much is due on your subscription', help: 'the amount' },
  status_due_date: { issue: 'when your subscription payment is due', help: 'the due date' },
  manage_pay_bill: { issue: 'paying your bill', help: 'the payment' },
  manage_extension: { issue: 'more time to pay your subscription', help: 'your options' },
  manage_dispute_bill: { issue: 'a charge on your bill', help: 'reviewing the bill' },
  // troubleshoot_site
  credit_card: { issue: 'your card being declined at checkout', help: 'getting the payment through' },
  shopping_cart: { issue: 'a problem with your cart', help: 'fixing the cart' },
  search_results: { issue: 'trouble finding items on the site', help: 'finding them' },
  slow_speed: { issue: 'the site being slow', help: 'getting it working' },
};

const PRODUCT_INTENTS = new Set(['boots', 'shirt', 'jeans', 'jacket']);
const FACTS_WORTH_NAMING: FactName[] = ['order_id', 'account_id', 'email', 'username', 'phone', 'zip_code', 'street_address'];

export function firstSentence(pkg: HandoffPackage, agentName: string): string {
  const phrases = INTENT_PHRASES[pkg.intent.label];
  const product = pkg.facts.find((fact) => fact.name === 'product')?.value;
  const issue =
    phrases?.issue ??
    (product && (PRODUCT_INTENTS.has(pkg.intent.label) || !phrases) ? `your ${product}` : `your ${pkg.intent.label.replace(/[_-]+/g, ' ')}`);
  const firstName = pkg.caller.name.trim().split(/\s+/)[0];
  const greeting = firstName ? `Hi ${firstName}, I'm ${agentName}.` : `Hi, I'm ${agentName}.`;
  const known = knownFactWords(pkg);
  const help = phrases?.help ?? (PRODUCT_INTENTS.has(pkg.intent.label) ? 'your questions about them' : 'getting this sorted');
  const detailsClause = known
    ? `I have your ${known.words}, so you won't need to repeat ${known.count === 1 ? 'it' : 'them'}; `
    : pkg.facts.length > 0
      ? 'I have the details you gave our assistant; '
      : '';
  return `${greeting} I see you're calling about ${issue}. ${capitalise(`${detailsClause}let me help you with ${help}.`)}`;
}

function knownFactWords(pkg: HandoffPackage): { words: string; count: number } | undefined {
  const names = new Set(pkg.facts.map((fact) => fact.name));
  const labels = FACTS_WORTH_NAMING.filter((name) => names.has(name)).map((name) => FACT_LABELS[name].toLowerCase());
  if (labels.length === 0) return undefined;
  const spoken = labels.slice(0, 3).map((label) => label.replace('order id', 'order number').replace('account id', 'account number'));
  const words = spoken.length === 1 ? spoken[0]! : `${spoken.slice(0, -1).join(', ')} and ${spoken.at(-1)}`;
  return { words, count: spoken.length };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
