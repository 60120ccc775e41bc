/**
 * What an agent's turn asks the caller for, read the way a listener does: whether a sentence is a
 * request at all (ASR text rarely has a question mark: "and the zip", "what zip code are you in"),
 * and which *kind* of value it asks for when the words name a kind rather than a pack's fact ("how
 * much was it" asks for an amount, "who am I speaking with" for a name, "what number should the
 * driver call" for a phone, "can I get the member id" for an identifier). This is English dialogue
 * knowledge, the same for every business; the pack's own cues name its facts (see factCues.ts).
 */
import type { FactType } from '../../../shared/domainPack';

/** A kind of value asked for: a fact type, or "some identifier" when the words name an id the pack does not. */
export type AskedKind = FactType | 'identifier';

const LEAD = String.raw`^(?:(?:and|or|also|so|okay|ok|alright|right|great|perfect|thanks|thank you|now|then|next|lastly|finally|just|um+|uh+|sorry)[,.]?\s+)*`;

/** A request in so many words: "can I get", "please", "tell me", "I'll need", "what's…". */
const REQUEST_WORDS =
  /\?|\b(?:can|could|would|may|will) (?:you|i (?:get|have|grab|take))\b|\bplease\b|\b(?:tell|give|read|spell|confirm|repeat) (?:me|us)\b|\bi(?:'ll| will| would)? need\b|\bconfirm\b|\bwhat(?:'s| is| was| are)\b|\bwhich\b|\bgo ahead\b|\blet me (?:get|have|grab|take)\b|\bready when you are\b|\bdo you (?:have|know|remember)\b/i;

/** A sentence opened like a question ("what zip code are you in", "do you have the order id", "is the email still…"). */
const INTERROGATIVE = new RegExp(
  `${LEAD}(?:what|which|where|when|who|whose|whom|how|do|does|did|is|are|was|were|have|has|had|can|could|would|will|may|shall|should|any chance)\\b`,
  'i',
);

/** A verb that makes a sentence a statement ("your name won't go on anything he sees"). */
const FINITE_VERB =
  /\b(?:is|are|was|were|has|have|had|will|shall|won't|wont|can't|cannot|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|should|would|could|must|might|goes|went|gets|got|looks|shows|says|said|comes|came|stays)\b/i;

/** A short fragment that names something and states nothing: "and the zip", "your date of birth", "last four of the card". */
const FRAGMENT =
  /^(?:(?:and|or|also|now|next|then|plus|lastly|finally|okay|ok|so)[,.]?\s+)*(?:the|your|a|an|last|first|best|good|another|any)\s+[a-z][a-z' -]{1,40}$/i;

export function isRequest(sentence: string): boolean {
  const text = sentence.trim().replace(/[.!]+$/, '');
  if (!text) return false;
  if (REQUEST_WORDS.test(text) || INTERROGATIVE.test(text)) return true;
  // "And your name exactly as it reads on your ID", "your postcode, so I can check the network": the clause that says
  // which or what for is not the sentence's verb.
  const head = text.replace(WHICH_CLAUSE, '');
  if (head.split(/\s+/).length > 8 || FINITE_VERB.test(head)) return false;
  return FRAGMENT.test(head) || namesAKind(head);
}

const LEADING_TALK = /^(?:(?:and|or|also|now|next|then|plus|okay|ok|so|great|alright|right|thanks|lastly|finally)[,.]?\s+)*/i;
const SUBJECT_FIRST =
  /^(?:i|i'm|i've|i'll|i'd|we|we've|we're|we'll|you|you're|you've|he|she|they|they're|it|it's|that|that's|there|there's|this|here|here's)\b/i;

/**
 * "Number to reach you", "best email for the receipt": a short fragment opening with the kind of value it
 * names asks for it. ("I've updated the name to…" opens with its subject: a statement.)
 */
function namesAKind(head: string): boolean {
  const words = head.replace(LEADING_TALK, '');
  if (SUBJECT_FIRST.test(words) || words.split(/\s+/).length > 6) return false;
  const opening = words.split(/\s+/).slice(0, 3).join(' ');
  return askedKinds(opening).size > 0;
}

/** A clause after a fragment's noun that says which one is meant, or what it is for ("…, so I can check the network"). */
const WHICH_CLAUSE =
  /(?:,?\s+(?:exactly |just |spelled |written )?(?:as|like|the way|the one)|,\s+(?:so|so that|just so|because|since|to|for)|,?\s+(?:just )?(?:in case|if|in the event))\s+.*$/i;

/** Words that ask for a person's name. */
const NAME_ASKED =
  /\bwho (?:am i|i'm|do i have|have i got|is this)\b|\bwho(?:'s|\s+is|\s+am\s+i)?\s+(?:calling|on the line|speaking|talking|this)\b|\bwho(?:'s|\s+is)\s+(?:the (?:order|parcel|package|delivery|booking|reservation|appointment))\s+for\b|\bwho(?:'s| is) the (?:account holder|main account holder|holder|policy holder|customer)\b|\b(?:your|the|whose|full|first|last|sur)\s*name\b|\bname (?:on|for|under|of)\b|\bwho(?:'s| is) (?:it|the account|that) (?:under|for|in the name of)\b|\bwhose name\b|\b(?:what|which) name\b/i;
/** Question words that name a kind of value, not a fact. Each names one kind. */
const KINDS: ReadonlyArray<[AskedKind, RegExp]> = [
  [
    'amount',
    /\bhow much\b|\bwhat (?:did|does|do|was|is|were) (?:it|that|this|they|the [a-z]+(?: [a-z]+)?) (?:cost|come to|run you|set you back)\b|\bhow many (?:dollars|pounds|euros|quid|bucks)\b|\bwhat (?:did|do|have|were|was) (?:you|they|we) (?:pay|paid|spend|spent|owe|get charged|charged|been charged)\b|\bwhat(?:'s| is| was| were) the (?:price|cost|total|charge|fee|balance|amount|refund|deposit|bill)\b/i,
  ],
  ['date', /\bwhen\b|\bwhat (?:date|day)\b|\bwhich (?:date|day)\b|\bdate of birth\b|\bbirth ?day\b|\bd ?o ?b\b|\bborn\b/i],
  ['name', NAME_ASKED],
  [
    'phone',
    /\b(?:phone|telephone|mobile|cell|cellphone|landline|home|work|daytime|evening|contact|callback|call ?back|best|direct|alternate|alternative|other)\s+(?:number|no|#)\b|^(?:(?:and|so|okay|ok|now|then)[,.]?\s+)*(?:(?:can|could|may) i (?:get|grab|have|take)\s+)?(?:a|your)\s+(?:good\s+)?number(?:\s+(?:please|for you|to use|just in case))?\??$|\bnumber (?:(?:where|at which|on which|that) )?(?:to|we can|i can|i should|you'd like (?:us|me) to|should (?:we|i|they|the [a-z]+)|can (?:we|i|they|the [a-z]+))\s+(?:call|reach|text|ring|contact|dial|use)\b|\b(?:call|reach|text|ring|contact) you (?:on|at|back)\b|\bnumber (?:did|do|are) you (?:call|ring|calling|ringing)(?:ing)? from\b|\bnumber for the (?:delivery|driver|courier|engineer|technician|booking|reservation)\b|\b(?:good|right|reliable|safe)\s+number\b|\b(?:where|how) (?:can|could|should|do|would) (?:we|i|they|someone) (?:best )?(?:reach|call|contact|ring|text|get hold of|get in touch with) you\b|\b(?:direct|office|work|home|cell|mobile|desk)\s+(?:line|phone)\b|\bnumber for (?:your|the) (?:office|work|home|desk|cell|mobile|house)\b|\bwhat number (?:should|can|do|would) (?:i|we) (?:put down|use|call|write down|have|put|try)\b|\bwhat(?:'s| is) the number (?:there|for)\b/i,
  ],
  ['email', /\be-?mail\b/i],
  ['postcode', /\b(?:zip|post|postal)\s*code\b|\bzip\b/i],
  [
    'address',
    /\bwhere (?:do|did|are|should|would|can) (?:you|we|i|they|it)\b.*\b(?:live|living|deliver|delivered|send|sent|ship|shipped|stay|staying|based|located|moving|move)\b|\baddress\b/i,
  ],
  // "The code that came with it" is some code (a promotion's, a text's), not an identifier of the caller's: only a named one is.
  ['identifier', /\b(?!(?:the|a|an|your|that|this|my|any)\s+code\b)[a-z]+(?:\s+[a-z]+)?\s+(?:id|i d|number|no|#|reference|ref|code)\b/i],
];

/** "Your mother's maiden name", "the street name", "the user name": a name, but not the caller's. */
const OTHER_NAME =
  /\b(?:mother|father|mom|mum|dad|maiden|pet|dog|cat|street|company|business|school|user|screen|file|brand|product|town|city)(?:'s)?\s+name\b|\bname of (?:your|the|his|her|their|that|this)\s+(?!(?:account|policy|card)?\s*holder\b|caller\b|customer\b|person\b|passenger\b|member\b)|\b(?:his|her|their|(?:son|daughter|husband|wife|partner|driver|child|kid|friend|brother|sister)'s)\s+(?:(?:full|first|last|legal|middle)\s+)?names?\b/i;
const CALLER_NAME = /\b(?:your|full|first|last|sur)\s*name\b|\bwho (?:am i|i'm|do i have)\b|\bname (?:on|for|under)\b/i;

const IN_WHOSE_NAME = /\b(?:in|under|on)\s+(?:your|his|her|their|the same|a different|someone else's|somebody else's)\s+name\b/i;

/** "Was that account in your name?": whose the account is, asked yes or no; no name is asked for. */
export function asksWhoseOnly(sentence: string): boolean {
  return IN_WHOSE_NAME.test(sentence) && !NAME_ASKED.test(sentence.replace(IN_WHOSE_NAME, ' '));
}

/** Whether the sentence asks for somebody or something else's name rather than the caller's. */
export function asksOtherName(sentence: string): boolean {
  return OTHER_NAME.test(sentence) && !CALLER_NAME.test(sentence.replace(OTHER_NAME, ''));
}

/** The kinds of value a request sentence asks for. */
export function askedKinds(sentence: string): Set<AskedKind> {
  const kinds = new Set<AskedKind>();
  for (const [kind, pattern] of KINDS) if (pattern.test(sentence)) kinds.add(kind);
  // "What number should the driver call" asks for a phone, not for some id.
  if (kinds.has('phone') || kinds.has('postcode') || kinds.has('email')) kinds.delete('identifier');
  if (asksOtherName(sentence)) kinds.delete('name');
  if (asksWhoseOnly(sentence)) kinds.delete('name');
  return kinds;
}
