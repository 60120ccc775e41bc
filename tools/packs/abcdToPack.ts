/**
 * Builds the demo domain pack (resources/packs/abcd-store) from the ABCD knowledge base
 * (tools/packs/abcd-source, ASAPP, MIT): each guideline subflow becomes a Markdown article with
 * its steps, the ontology's subflows become intents with the labels and phrasings below, and the
 * store's facts, catalogue and hand-back tasks are declared here. This is the only place that knows
 * the ABCD files' shape; the engine reads the pack like any other.
 *
 *   npx tsx tools/packs/abcdToPack.ts [outDir]
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { tokenize, stem } from '../../src/main/core/assist/searchTerms';
import { DOMAIN_PACK_FORMAT, PackManifestSchema, type PackManifest } from '../../src/shared/domainPack';

type PackInput = z.input<typeof PackManifestSchema>;

const ROOT = path.resolve(__dirname, '../..');
const SOURCE = path.join(ROOT, 'tools/packs/abcd-source');

const GuidelineActionSchema = z.object({ type: z.string(), button: z.string(), text: z.string(), subtext: z.array(z.string()) });
const GuidelinesSchema = z.record(
  z.string(),
  z.object({
    description: z.string(),
    subflows: z.record(
      z.string(),
      z.object({ actions: z.array(GuidelineActionSchema).min(1), instructions: z.array(z.string()).default([]) }),
    ),
  }),
);
const StepListsSchema = z.record(z.string(), z.array(z.string()).min(1));
const OntologySchema = z.object({
  intents: z.object({ flows: z.array(z.string()).min(1), subflows: z.record(z.string(), z.array(z.string()).min(1)) }),
  actions: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
  values: z.object({ enumerable: z.record(z.string(), z.array(z.string())) }),
});
type GuidelineAction = z.infer<typeof GuidelineActionSchema>;

/** What the ringing card shows for each subflow: a person's words, not the ontology's. */
const INTENT_LABELS: Record<string, string> = {
  recover_username: 'Forgot username',
  recover_password: 'Forgot password or locked out',
  reset_2fa: 'Sign-in code goes to an old phone',
  status_service_added: 'Service added without asking',
  status_service_removed: 'Service removed by mistake',
  status_shipping_question: 'Question about shipping on the account',
  status_credit_missing: 'Account credit missing',
  manage_change_address: 'Change the address on the account',
  manage_change_name: 'Change the name on the account',
  manage_change_phone: 'Change the phone number on the account',
  manage_payment_method: 'Change the payment method on file',
  status_mystery_fee: 'Unexpected fee on an order',
  status_delivery_time: 'When an order will arrive',
  status_payment_method: 'Which payment an order used',
  status_quantity: 'Wrong quantity on an order',
  manage_upgrade: 'Upgrade shipping on an order',
  manage_downgrade: 'Downgrade shipping on an order',
  manage_create: 'Place a new order',
  manage_cancel: 'Cancel an order',
  refund_initiate: 'Start a refund',
  refund_update: 'Change a refund in progress',
  refund_status: 'Where is my refund',
  return_stain: 'Return a stained item',
  return_color: 'Return: colour not as pictured',
  return_size: 'Return for a different size',
  bad_price_competitor: 'Cheaper at a competitor',
  bad_price_yesterday: 'Price dropped after buying',
  out_of_stock_general: 'Many items out of stock',
  out_of_stock_one_item: 'One item out of stock',
  promo_code_invalid: 'Promo code rejected',
  promo_code_out_of_date: 'Promo code expired',
  mistimed_billing_already_returned: 'Billed for an item already returned',
  mistimed_billing_never_bought: 'Billed for an item never bought',
  status: 'Where is my package',
  manage: 'Change a delivery address',
  missing: 'Package never arrived',
  cost: 'How much shipping costs',
  boots: 'Question about boots',
  shirt: 'Question about shirts',
  jeans: 'Question about jeans',
  jacket: 'Question about jackets',
  pricing: 'Question about prices',
  membership: 'Question about membership levels',
  timing: 'Question about hours or sale dates',
  policy: 'Question about the return policy',
  status_active: 'Is my subscription active',
  status_due_amount: 'How much is due on my subscription',
  status_due_date: 'When my subscription payment is due',
  manage_pay_bill: 'Pay the subscription bill',
  manage_extension: 'More time to pay the subscription',
  manage_dispute_bill: 'Dispute a subscription charge',
  credit_card: 'Card declined at checkout',
  shopping_cart: 'Cart not updating',
  search_results: 'Site search not working',
  slow_speed: 'Website too slow',
};

/** How customers say each need in their words rather than the guide's: general paraphrases, none taken from a particular call. */
const PHRASINGS: Record<string, string[]> = {
  missing: [
    "never arrived hasn't arrived didn't arrive never showed up hasn't shown up never came never got it didn't receive says delivered marked delivered but not here lost package stolen package porch doorstep neighbors front office mailroom replacement",
  ],
  status: [
    'where is my package where is my order tracking in transit when will it arrive has it shipped shipment status out for delivery returned to sender',
  ],
  cost: ['how much is shipping shipping fee overnight shipping cost express shipping price delivery charge'],
  manage: ['change delivery address reroute redirect the package send it somewhere else ship to a different address moved'],
  policy: [
    'return policy can I return can I still return return it later how long do I have to return exchange policy refund policy if I do not like them send them back after',
  ],
  membership: ['membership levels member benefits perks of being a member how do I become a member upgrade my membership guest account'],
  timing: ['when does the sale start store hours opening hours when do you open holiday hours how long does it take'],
  pricing: ['how much does it cost price of price match discount on sale'],
  credit_card: ['card declined card keeps getting declined payment failed card not accepted checkout error card verification'],
  shopping_cart: ['cart not updating cannot add to cart cart stays at zero item will not go in the basket add to cart button'],
  search_results: ['search not working no results found cannot find items search bar search page'],
  slow_speed: ['site is slow website slow page keeps loading takes forever to load'],
  recover_password: ['forgot my password locked out cannot log in password is wrong reset my password'],
  recover_username: ['forgot my username do not know my username what is my username'],
  reset_2fa: ['two factor code sign in code goes to my old phone verification code not arriving lost my phone'],
  refund_status: ['where is my refund refund not received has my refund gone through when will I get my money back'],
  refund_initiate: ['I want a refund money back return for a refund'],
  status_mystery_fee: ['unexpected fee charge I did not expect service fee mystery charge extra charge on my receipt'],
  status_delivery_time: ['when will it be delivered delivery date delivery window morning or evening delivery'],
  status_credit_missing: ['credit disappeared credit is gone missing credit promotional credit vanished'],
  manage_change_address: ['change my address moved to a new address update the address on my account'],
  manage_change_phone: ['change my phone number new phone number update my number'],
  manage_extension: ['more time to pay extension on my bill pay later overdue payment'],
  manage_dispute_bill: ['charged twice double charge wrong amount on my bill dispute a charge'],
  mistimed_billing_never_bought: ['charged for something I never bought never ordered this unauthorized charge'],
  promo_code_invalid: ['promo code not working code rejected coupon invalid discount code does not work'],
  promo_code_out_of_date: ['promo code expired old coupon code no longer valid'],
  out_of_stock_one_item: ['out of stock sold out not available in my size back order'],
};

/** What the first sentence says of each intent: "I see you're calling about <issue> … let me help you with <help>". */
const SAY: Record<string, { issue: string; help: string }> = {
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

const BRANDS = ['calvin klein', 'tommy hilfiger', 'michael kors', 'guess'];
const GARMENTS = ['boots', 'jacket', 'jeans', 'shirt'];

function titleCaseWords(text: string): string {
  return text.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}

const FACTS: PackInput['facts'] = [
  {
    name: 'customer_name',
    label: 'Name',
    type: 'name',
    cues: ['your name', 'full name', 'name on the account', 'who am i speaking', 'who do i have', 'speaking with'],
    identity: true,
    pii: true,
    letterCase: 'upper',
  },
  {
    name: 'account_id',
    label: 'Account ID',
    type: 'id',
    pattern: '^[A-Z0-9]{6,14}$',
    cues: ['account id', 'account number', 'account i d', 'customer id'],
    identity: true,
    pii: false,
    letterCase: 'upper',
    lookup: 'account',
  },
  {
    name: 'username',
    label: 'Username',
    type: 'id',
    pattern: '^[a-z0-9][a-z0-9._-]{1,40}$',
    cues: ['username', 'user name', 'user id', 'handle'],
    identity: true,
    pii: false,
    letterCase: 'lower',
  },
  {
    name: 'email',
    label: 'Email',
    type: 'email',
    cues: ['email', 'e-mail', 'email address', 'mail address'],
    identity: true,
    pii: true,
    letterCase: 'upper',
  },
  {
    name: 'phone',
    label: 'Phone',
    type: 'phone',
    cues: [
      'phone',
      'phone number',
      'number to reach',
      'best number',
      'callback',
      'call you back',
      'call me',
      'text me',
      'reach me',
      'cell',
      'mobile',
      'calling from',
      'contact number',
      'my number',
      'your number',
      'the number on the account',
    ],
    identity: false,
    pii: true,
    letterCase: 'upper',
  },
  {
    name: 'order_id',
    label: 'Order ID',
    type: 'id',
    pattern: '^\\d{8,12}$',
    digits: 10,
    cues: ['order', 'order number', 'order id', 'order i d', 'purchase', 'confirmation number'],
    identity: true,
    pii: false,
    letterCase: 'upper',
    lookup: 'order',
  },
  {
    name: 'zip_code',
    label: 'Zip code',
    type: 'postcode',
    pattern: '^\\d{5}$',
    cues: ['zip', 'zip code', 'postal code', 'postcode'],
    identity: true,
    pii: true,
    letterCase: 'upper',
  },
  {
    name: 'street_address',
    label: 'Street address',
    type: 'address',
    cues: ['address', 'street', 'shipping address', 'mailing address'],
    identity: true,
    pii: true,
    letterCase: 'upper',
  },
  {
    name: 'amount',
    label: 'Amount',
    type: 'amount',
    cues: [
      'amount',
      'price',
      'cost',
      'costs',
      'charge',
      'charged',
      'total',
      'balance',
      'owe',
      'due',
      'paid',
      'refund of',
      'how much',
      'fee',
      'bill',
      'outstanding',
      'comes to',
      'came to',
    ],
    identity: false,
    pii: false,
    letterCase: 'upper',
  },
  {
    name: 'date',
    label: 'Date',
    type: 'date',
    cues: ['date', 'when', 'what day', 'which day'],
    identity: false,
    pii: false,
    letterCase: 'upper',
  },
  {
    name: 'membership_level',
    label: 'Membership',
    type: 'enum',
    cues: ['membership', 'member', 'level', 'tier', 'status'],
    identity: true,
    pii: false,
    letterCase: 'upper',
    values: ['guest', 'bronze', 'silver', 'gold'].map((value) => ({ value, label: titleCaseWords(value), aliases: [] })),
  },
  {
    name: 'payment_method',
    label: 'Payment method',
    type: 'enum',
    cues: ['pay', 'paid with', 'payment method', 'charged to', 'card'],
    identity: false,
    pii: false,
    letterCase: 'upper',
    values: [
      { value: 'credit card', label: 'Credit card', aliases: ['credit', 'visa', 'mastercard', 'amex', 'american express'] },
      { value: 'debit card', label: 'Debit card', aliases: ['debit'] },
      { value: 'paypal', label: 'PayPal', aliases: ['pay pal'] },
    ],
  },
  {
    name: 'product',
    label: 'Product',
    type: 'catalogue',
    catalogue: 'products',
    cues: ['item', 'product', 'bought', 'ordered'],
    bareValues: true,
    identity: false,
    pii: false,
    letterCase: 'upper',
  },
];

const HAND_BACK_TASKS: NonNullable<PackInput['handBack']>['tasks'] = [
  {
    id: 'send_return_label',
    label: 'Send a return label',
    needs: ['order_id', 'email'],
    verifiedCaller: true,
    routine: true,
    phrasings: ['return label', 'shipping label', 'prepaid label', 'mailing label', 'send the label', 'email me the label'],
  },
  {
    id: 'send_password_reset_link',
    label: 'Send a password reset link',
    needs: ['email'],
    verifiedCaller: false,
    routine: true,
    phrasings: ['password reset link', 'reset my password', 'temporary password', 'reset link', 'new password'],
  },
  {
    id: 'send_account_login_link',
    label: 'Send a sign-in link',
    needs: ['email'],
    verifiedCaller: false,
    routine: true,
    phrasings: ['sign in link', 'login link', 'log in link', 'link to my account', 'link to your account'],
  },
  {
    id: 'send_promo_code',
    label: 'Send a promo code',
    needs: ['email'],
    verifiedCaller: true,
    routine: true,
    phrasings: ['new promo code', 'replacement code', 'discount code', 'coupon code', 'promo code'],
  },
  {
    id: 'send_2fa_reset',
    label: 'Reset two-factor sign-in',
    needs: ['email'],
    verifiedCaller: false,
    routine: true,
    phrasings: ['two factor', '2fa', 'two step', 'sign in code', 'verification code', 'reset code'],
  },
  {
    id: 'send_username_reminder',
    label: 'Send a username reminder',
    needs: ['email'],
    verifiedCaller: true,
    routine: true,
    phrasings: ['username reminder', 'send my username', 'email my username', 'username'],
  },
  {
    id: 'send_shipping_status_link',
    label: 'Send a tracking link',
    needs: ['order_id'],
    verifiedCaller: false,
    routine: true,
    phrasings: ['tracking link', 'shipping status', 'track the package', 'where the package is', 'tracking'],
  },
  {
    id: 'update_address_after_verification',
    label: 'Update the address',
    needs: ['street_address'],
    verifiedCaller: true,
    routine: true,
    phrasings: ['update my address', 'change the address', 'switch the address', 'new address', 'change the street'],
  },
  {
    id: 'send_confirmation_email',
    label: 'Send a confirmation email',
    needs: ['email'],
    verifiedCaller: false,
    routine: true,
    phrasings: ['confirmation email', 'send a confirmation', 'receipt', 'email the receipt'],
  },
  {
    id: 'reschedule_delivery',
    label: 'Move the delivery',
    needs: ['order_id'],
    verifiedCaller: false,
    routine: true,
    phrasings: ['reschedule the delivery', 'move the delivery', 'change the delivery date', 'delivery window', 'push the delivery'],
  },
  {
    id: 'take_subscription_payment',
    label: 'Take the subscription payment',
    needs: ['account_id', 'amount'],
    verifiedCaller: true,
    routine: true,
    phrasings: ['pay the bill', 'take the payment', 'pay what is due', 'pay the balance', 'make a payment', 'pay my subscription'],
  },
  {
    id: 'issue_refund',
    label: 'Issue a refund',
    needs: ['order_id', 'amount'],
    verifiedCaller: true,
    routine: false,
    phrasings: ['issue the refund', 'refund me', 'process the refund'],
  },
  {
    id: 'close_account',
    label: 'Close the account',
    needs: ['account_id'],
    verifiedCaller: true,
    routine: false,
    phrasings: ['close my account', 'delete my account', 'cancel my account'],
  },
];

function nameWords(name: string): string[] {
  const abbreviations: Record<string, string> = { '2fa': 'two factor auth' };
  return tokenize(name.replace(/[_-]/g, ' ')).flatMap((word) => tokenize(abbreviations[word] ?? word));
}

const TITLE_GLUE = new Set(['due', 'to', 'of', 'faq', 'not']);
function titleTerms(name: string): Set<string> {
  return new Set(
    nameWords(name)
      .filter((word) => !TITLE_GLUE.has(word))
      .map(stem),
  );
}
function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared || 1);
}

/** Pairs guideline titles with ontology ids one-to-one by word overlap, best pairs first. */
function pairByWords(titles: string[], ids: string[], what: string): Map<string, string> {
  const candidates = titles.flatMap((title) => ids.map((id) => ({ title, id, score: similarity(titleTerms(title), titleTerms(id)) })));
  candidates.sort((a, b) => b.score - a.score);
  const pairs = new Map<string, string>();
  const taken = new Set<string>();
  for (const { title, id, score } of candidates) {
    if (score === 0 || pairs.has(title) || taken.has(id)) continue;
    pairs.set(title, id);
    taken.add(id);
  }
  const lonely = [...titles.filter((title) => !pairs.has(title)), ...ids.filter((id) => !taken.has(id))];
  if (lonely.length) throw new Error(`cannot pair ${what}: ${lonely.join(', ')}`);
  return pairs;
}

function actionForButton(button: string, actionIds: string[]): string | undefined {
  let best: { id: string; score: number } | undefined;
  for (const id of actionIds) {
    const score = similarity(titleTerms(button), titleTerms(id));
    if (score > 0 && (!best || score > best.score)) best = { id, score };
  }
  return best?.id;
}

function titleCase(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

interface Step {
  id: string;
  title: string;
  lines: string[];
}

/** The guide's actions in order, each tagged with its ontology action; actions the kb lists but the guide only mentions follow the step that mentions them. */
function buildSteps(actions: GuidelineAction[], actionIds: string[]): Step[] {
  const lines = (action: Pick<GuidelineAction, 'text' | 'subtext'>) =>
    [action.text, ...action.subtext].map((line) => line.trim()).filter((line) => line.length > 1);
  const guided = actions.map((action, position) => ({
    id: actionForButton(action.button, actionIds) ?? `${action.type.replace(/\W+/g, '-')}-${position}`,
    title: action.button,
    lines: lines(action),
  }));
  const steps = [...guided];
  for (const id of actionIds) {
    if (guided.some((step) => step.id === id)) continue;
    const title = titleCase(id);
    const mentions = (action: GuidelineAction) => action.subtext.filter((line) => line.includes(`[${title}]`));
    const host = actions.findIndex((action) => mentions(action).length > 0);
    const step = { id, title, lines: host < 0 ? [] : mentions(actions[host]!) };
    steps.splice(host < 0 ? steps.length : steps.indexOf(guided[host]!) + 1, 0, step);
  }
  return steps;
}

const MAX_SIGNAL_VALUES = 8;
const FACT_NAMES = new Set(FACTS.map((fact) => fact.name));

/** Each slot a step's action fills: heard as the slot's name, the thing an "<x>_id" names, or one of a short list of values. */
function slotSignals(slots: string[], values: Record<string, string[]>): string[][] {
  return slots.map((slot) => {
    const name = slot.replace(/_slotval$/, '');
    const alternatives = [name.replace(/_/g, ' ')];
    if (name.endsWith('_id')) alternatives.push(name.slice(0, -3).replace(/_/g, ' '));
    const slotValues = values[slot] ?? [];
    if (slotValues.length <= MAX_SIGNAL_VALUES) alternatives.push(...slotValues);
    return alternatives;
  });
}

function markdownLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The ABCD guide names the buttons of its own agent tool ("[Pull up Account]", "[Ask the Oracle]"); this
 * desk has none of them. In the articles each becomes what the agent does, in words, so no step or
 * suggestion built from them tells an agent to press a button that is not there.
 */
const BUTTON_WORDS: Record<string, string> = {
  'pull up account': 'pull up the account',
  'verify identity': 'verify their identity',
  'update order': 'update the order',
  'record reason': 'note the reason',
  'membership privileges': 'check their membership benefits',
  'validate purchase': 'confirm the purchase',
  'enter details': 'enter the details',
  'enter detail': 'enter the details',
  'end conversation': 'close the call',
  'update account': 'update the account',
  'shipping status': 'check the shipping status',
  'select answer': 'pick the answer',
  'search faq': 'look it up in the FAQ',
  'hide faq': 'close the FAQ',
  'offer refund': 'offer the refund',
  'make purchase': 'place the order',
  'promo code': 'create a promo code',
  'notify internal team': 'tell the internal team',
  'ask the oracle': 'check the account records',
  'subscription status': 'check the subscription status',
  'try again': 'try again',
  'send link': 'send the link',
  'log out/in': 'have them sign out and back in',
  'make password': 'create a new password',
  instructions: 'give the instructions',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A guide step's title in the agent's words: "N/A" is no title, the Oracle (the guide's yes/no tool) is the account records. */
function agentTitle(title: string): string {
  if (/^n\/?a$/i.test(title.trim())) return '';
  if (/^ask the oracle$/i.test(title.trim())) return 'Check the account records';
  return title;
}

/** A guide line in the agent's words: button references become the action, the Oracle becomes the account records. */
function agentLine(line: string): string {
  const action = (button: string) => BUTTON_WORDS[button.trim().toLowerCase()] ?? button.trim().toLowerCase();
  return (
    line
      // "… Account ID with [Pull up account]." → "… Account ID.": the clause only named the button.
      .replace(/\s+(?:with|using|via|through|for|by clicking|by pressing)\s+(?:the\s+)?\[([^\]'"]+)\](\s+button)?/gi, '')
      // "Choose the [Try Again] option as your action." → "Try again."
      .replace(/\bChoose the \[([^\]'"]+)\] option as your action\.?/gi, (_match, button: string) => `${capitalise(action(button))}.`)
      .replace(/\band \(B\) click the button in the right hand panel\b/gi, '')
      .replace(/\bPlease do both \(A\) give/gi, 'Give')
      // "click the [Search FAQ] button" → "look it up in the FAQ".
      .replace(/\b(?:click|press|hit|use)\s+(?:on\s+)?(?:the\s+)?\[([^\]'"]+)\](\s+button)?/gi, (_match, button: string) => action(button))
      .replace(/\[([^\]'"]+)\](\s+button)?/g, (_match, button: string) => action(button))
      .replace(/\b(?:the\s+)?Oracle (?:says|returns) Yes\b/gi, 'the records confirm it')
      .replace(/\b(?:the\s+)?Oracle (?:says|returns) No\b/gi, 'the records do not confirm it')
      .replace(/'?\bAsking the Oracle'?/gi, 'checking the account records')
      .replace(/\bquery the Oracle\b/gi, 'look up in the account records')
      .replace(/\b(?:ask|check with) the Oracle\b/gi, 'check the account records')
      // The guide's simulator made amounts up; an agent reads the real one.
      .replace(/\byou can click go to KB Query > (.+?) to generate a random amount due\b/gi, '$1 for the amount due')
      // A role-play licence of the guide's: an agent never invents a customer's details.
      .replace(/\s*Feel free to make up [^.]*\./gi, '')
      .replace(/^You make up their username\b.*$/i, 'Look up their username on the account.')
      .replace(/\s*You can make up their username\b.*$/i, ' Read it from the account.')
      .replace(/,\s*you do not need to enter anything into the form\b/gi, '')
      // The guide's form has a button for everything; the desk has none to click.
      .replace(/\s*\bJust click the button\./gi, '')
      .replace(
        /\s*(?:You do not need to enter (?:anything|any information) into the form|No need to enter anything into the form|Nothing to enter in the form)\./gi,
        '',
      )
      .replace(/\bthe Oracle\b/gi, 'the account records')
      .replace(/\s+([.,;:])/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

async function main(outDir: string): Promise<void> {
  const read = async (file: string) => JSON.parse(await fs.readFile(path.join(SOURCE, file), 'utf8')) as unknown;
  const guidelines = GuidelinesSchema.parse(await read('guidelines.json'));
  const stepLists = StepListsSchema.parse(await read('kb.json'));
  const ontology = OntologySchema.parse(await read('ontology.json'));
  const slotsByAction = new Map(Object.values(ontology.actions).flatMap((kind) => Object.entries(kind)));

  await fs.rm(path.join(outDir, 'articles'), { recursive: true, force: true });
  await fs.mkdir(path.join(outDir, 'articles'), { recursive: true });
  const intents: PackInput['intents'] = [];
  const flowIds = pairByWords(Object.keys(guidelines), ontology.intents.flows, 'flows');
  for (const [flowTitle, flow] of Object.entries(guidelines)) {
    const ids = ontology.intents.subflows[flowIds.get(flowTitle)!] ?? [];
    const subflowIds = pairByWords(Object.keys(flow.subflows), ids, `the subflows of ${flowTitle}`);
    for (const [title, guideline] of Object.entries(flow.subflows)) {
      const id = subflowIds.get(title)!;
      const actionIds = stepLists[id];
      if (!actionIds) throw new Error(`kb.json has no steps for ${id}`);
      const label = INTENT_LABELS[id];
      if (!label) throw new Error(`no intent label for ${id}`);
      intents.push({ id, label, phrasings: PHRASINGS[id] ?? [], ...(SAY[id] ? { say: SAY[id] } : {}) });
      const steps = buildSteps(guideline.actions, actionIds);
      const frontMatter = {
        id,
        title,
        intents: [id],
        group: flowTitle,
        groupDescription: flow.description,
        steps: steps.map((step) => {
          const slots = slotsByAction.get(step.id) ?? [];
          return {
            id: step.id,
            facts: slots.map((slot) => slot.replace(/^full_address$/, 'street_address')).filter((slot) => FACT_NAMES.has(slot)),
            signals: slotSignals(slots, ontology.values.enumerable),
          };
        }),
      };
      const body = [
        ...guideline.instructions.map((line) => agentLine(markdownLine(line))).flatMap((line) => [line, '']),
        '## Steps',
        '',
        ...steps.map((step, i) => {
          const [first = '', ...rest] = step.lines.map((line) => agentLine(markdownLine(line))).filter(Boolean);
          const title = agentTitle(step.title);
          // A line that only says the title again ("Check the account records: check the account records") adds nothing.
          const says = first && first.toLowerCase() !== title.toLowerCase() ? first : '';
          const lead = title ? `${i + 1}. **${title}**${says ? `: ${says}` : ''}` : `${i + 1}. ${first || 'Carry on with the call.'}`;
          return [lead, ...rest.map((line) => `   - ${line}`)].join('\n');
        }),
      ].join('\n');
      await fs.writeFile(path.join(outDir, 'articles', `${id}.md`), `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n${body}\n`);
    }
  }
  const manifest: PackManifest = PackManifestSchema.parse({
    format: DOMAIN_PACK_FORMAT,
    id: 'abcd',
    name: 'ABCD demo store',
    version: '1.0.0',
    description:
      'The demo pack: an online clothing store, built from the Action-Based Conversations Dataset guidelines (ASAPP, MIT licence).',
    locale: 'en-US',
    defaultRegion: 'US',
    currency: 'USD',
    facts: FACTS,
    catalogue: {
      products: BRANDS.flatMap((brand) =>
        GARMENTS.map((garment) => ({ value: `${brand} ${garment}`, label: titleCaseWords(`${brand} ${garment}`), aliases: [] })),
      ),
    },
    intents,
    handBack: { tasks: HAND_BACK_TASKS, sensitiveTopics: [] },
    knowledgeBase: { articles: 'articles' },
  });
  await fs.writeFile(path.join(outDir, 'pack.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await fs.copyFile(path.join(SOURCE, 'LICENSE'), path.join(outDir, 'LICENSE'));
  console.log(`wrote ${intents.length} articles and pack.json to ${path.relative(process.cwd(), outDir)}`);
}

main(path.resolve(process.argv[2] ?? path.join(ROOT, 'resources/packs/abcd-store'))).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
