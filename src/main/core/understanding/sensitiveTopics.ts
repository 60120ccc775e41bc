/**
 * Sensitive matters a person must keep, in any business: personal safety, harassment, threats, legal
 * action, bereavement, medical situations and suspected fraud — and whatever a domain pack adds. Each
 * topic is a typed id; a call that raised one never goes back to the AI. The general topics are
 * word families a listener would recognise, written once here; a pack's own topics are its phrasings,
 * matched by their content words so a caller's wording need not be the pack's.
 */
import type { SensitiveTopic } from '../../../shared/domainPack';
import { searchTerms } from '../assist/searchTerms';
import type { DomainPack } from '../pack/domainPackLoader';

export interface TopicHit {
  id: string;
  label: string;
  /** The words that raised it. */
  said: string;
}

interface GeneralTopic {
  id: string;
  label: string;
  pattern: RegExp;
  /** Uses of the same words that are not the topic ("sick of waiting", "dying to know"). */
  not?: RegExp;
}

const TOPIC_LIST: GeneralTopic[] = [
  {
    id: 'personal_safety',
    label: 'personal safety',
    pattern:
      /\b(?:(?:not|don't feel|do not feel|feel(?:ing)?) safe|are you safe|safe right now|safety (?:concern|resources|plan|issue)|unsafe|in danger|scared for my (?:life|safety)|afraid for my (?:life|safety)|stalk(?:s|ed|er|ers|ing)?\b(?!\s+(?:it|the (?:parcel|package|order|tracking|delivery|driver|van|courier)))|following me|restraining order|protective order|domestic (?:violence|abuse)|abusive (?:ex|partner|husband|wife|boyfriend|girlfriend)|my ex (?:keeps|has been|is) \w+|shelter|hid(?:e|ing) from|(?:he|she|they) (?:found|knows) (?:my|where i)|tracking my (?:location|phone)|refuge)\b/i,
  },
  {
    id: 'harassment',
    label: 'harassment',
    pattern:
      /\b(?:harass\w*|bully\w*|intimidat\w*|keeps (?:texting|calling|messaging) me|won't leave me alone|unwanted (?:calls|messages|texts)|abus(?:e|ive|ing)\b(?! of the return))/i,
  },
  {
    id: 'threats',
    label: 'a threat',
    pattern:
      /\b(?:threat\w*|going to hurt|gonna hurt|kill (?:myself|you|him|her|them)|end (?:it all|my life)|hurt myself|suicid\w*|self[- ]harm|bomb|weapon|gun)\b/i,
  },
  {
    id: 'legal_action',
    label: 'legal action',
    pattern:
      /\b(?:lawyer|attorney|solicitor|legal action|lawsuit|sue|suing|(?:to|in|into|at|before|through|the|a|county|family|district|crown|supreme|high|magistrates'?|federal|superior|civil|criminal|traffic|housing|claims)\s+court\b(?!\s+(?:street|st|road|rd|avenue|ave|drive|lane|apartments?)\b)|court\s+(?:case|date|order|hearing|action|summons|proceedings|papers|fees?|claim|appearance)|small claims|tribunal|ombudsman|trading standards|regulator|cease and desist|class action|litigation|subpoena)\b/i,
    // A court of law is gone to, sat in, or has a date or an order ("take you to court", "a court date"); "Skyline Court",
    // "45 Elm Court", "hawthorne h a w t h o r n e hawthorne court", "court street", "the food court" are streets and places.
    not: /\b[Ss]ue\s+(?:me|you)\s+(?:for|if)\b(?!.*\b(?:lawyer|court)\b)|\b[Oo]f course\b|\b(?!(?:Claims|County|Crown|Supreme|District|Family|High|Magistrates|Federal|Superior|Traffic|Housing|Small|Civil|Criminal|Appeals?|Probate|Bankruptcy|Municipal)\b)[A-Z][a-z]+\s+Court\b|\d+\s+[A-Za-z]+\s+[Cc]ourt\b|\b[Cc]ourt\s+(?:[Ss]treet|[Ss]t|[Rr]oad|[Rr]d|[Aa]venue|[Aa]ve|[Dd]rive|[Ll]ane|[Aa]partments?)\b|\b(?:food|tennis|basketball|squash|sports)\s+court\b|(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|oh)\b),?\s+(?:(?!(?:in|at|to|into|the|a|an|for|of|from|before|with|and|or|by)\b)[a-z]+\s+){1,2}court\b/,
  },
  {
    id: 'bereavement',
    label: 'bereavement',
    pattern:
      /\b(?:passed away|passed on|died|death|funeral|bereave\w*|widow\w*|late (?:husband|wife|mother|father|mum|mom|dad|son|daughter|partner)|lost my (?:husband|wife|mother|father|mum|mom|dad|son|daughter|partner|baby)|estate of|executor|probate|condolence\w*)\b/i,
    // "My pen died", "the battery's dead": a thing that stopped working, not a person or an animal who died.
    not: /\b(?:(?:my|the|our|his|her|their|this|that|your)\s+(?:[a-z]+\s+)?(?!(?:husband|wife|mother|father|mum|mom|mam|dad|son|daughter|partner|brother|sister|grandma|grandmother|grandpa|grandfather|gran|granny|nan|nana|grandson|granddaughter|aunt|auntie|uncle|cousin|nephew|niece|friend|fianc\w*|boyfriend|girlfriend|baby|child|kid|dog|cat|pet|puppy|kitten|horse|bird|rabbit|tenant|landlord|landlady|neighbou?r|owner|client|member|patient|parents?|family|spouse|carer|flatmate|roommate|colleague|boss|man|woman|lady|guy|gentleman|resident|customer|caller)\b)[a-z]+|it|everything)(?:'s)?\s+(?:is\s+|was\s+|went\s+|just\s+|has\s+|had\s+)?(?:dead|died)\b/i,
  },
  {
    id: 'medical',
    label: 'a medical situation',
    pattern:
      /\b(?:hospital\w*|medical|surgery|rash|hives|allergic\w*|allergy|(?:skin |bad |allergic )?reaction (?:to|from)|(?:skin|chemical) (?:burn|irritation)|swelling|operation|chemo\w*|cancer|illness|seriously ill|terminal\w*|disabilit\w*|disabled|wheelchair|oxygen|life support|dialysis|stroke|heart attack|carer|care home|hospice|mental health|depress\w*|pregnan\w*|miscarriage|ambulance|intensive care|(?:i'm|i am|been|was|got) (?:very |really )?sick)\b/i,
    // "Sick of waiting", "I nearly had a heart attack when I saw the bill", "he's on shifts up the hospital":
    // a figure of speech, or the hospital as somebody's workplace.
    // A wheelchair or a disability said to arrange access ("my dad is in a wheelchair… the accessible room with the
    // roll-in shower") is the routine request itself, not a medical matter.
    not: /\b(?:wheelchair|disabilit\w*|disabled)\b[^.?!]{0,120}\b(?:accessible|accessibility|roll-in|step-free|step free|ramp|grab bars?|lift|elevator|parking|badge|permit|seating|seat)\b|\b(?:accessible|accessibility|roll-in|step-free|step free|ramp|grab bars?|parking|badge|permit)\b[^.?!]{0,120}\b(?:wheelchair|disabilit\w*|disabled)\b|\bsick (?:of|and tired)\b|\b(?:nearly|almost|just about|practically|about to|going to|gonna|you'll|you'd)\s+(?:had|have|give me|gave me)\s+a\s+heart attack\b|\b(?:gave|give|giving)\s+me\s+a\s+heart attack\b|\b(?:works?|working|worked|shifts?|nights|night shift|job|nurse|porter|cleaner|doctor|orderly)\b[^.?!]{0,25}\bhospital\b|\bhospital\b[^.?!]{0,15}\b(?:shifts?|job)\b|\b(?:the|a|this|that|bus|airport|ferry|train|cruise|departures?|arrivals?|domestic|international|main|new|old)\s+terminal\b(?!\s+(?:illness|cancer|diagnosis|condition|disease|stage|prognosis|case))|\bterminal\s+(?:\d|one|two|three|four|five|[a-e]\b|building|gate|parking|entrance)/i,
  },
  {
    id: 'suspected_fraud',
    label: 'suspected fraud',
    pattern:
      /\b(?:fraud\w*|scam\w*|identity theft|stole my (?:identity|card|details)|stolen (?:card|identity|details)|someone (?:else )?(?:used|opened|accessed|hacked|got into) my|hacked|hackers?\s+(?:got|stole|took|accessed|broke|changed|used|have|has)|(?:by|from)\s+(?:a\s+)?hackers?|phishing|unauthori[sz]ed (?:charge|transaction|access|purchase|payment)|i didn't (?:authori[sz]e|make) (?:this|that|these|it)|sim swap fraud|account takeover|money mule)\b/i,
    // "Long as it's not one of them scams", "just checking this isn't a scam": a caller's care, not a fraud reported.
    not: /\b(?:not|isn't|is not|aren't|ain't|no)\s+(?:one of\s+)?(?:them|those|these|a|any|some)?\s*(?:kind of\s+)?scams?\b|\b(?:is this|is that|in case it's|make sure it's not|to avoid)\s+(?:a\s+)?scam\b/i,
  },
];
/** How far around a mention the words that rule it out are read. */
const NOT_WINDOW = 48;
/** Each topic's pattern, global, to judge every mention in a text. */
const GENERAL_TOPICS = TOPIC_LIST.map((topic) => ({
  ...topic,
  everywhere: new RegExp(topic.pattern.source, `${topic.pattern.flags}g`),
  notEverywhere: topic.not ? new RegExp(topic.not.source, `${topic.not.flags}g`) : undefined,
}));

/** Whether a phrase that rules the topic out ("Skyline Court", "not one of them scams") covers the mention at start…end. */
function ruledOut(not: RegExp | undefined, text: string, start: number, end: number): boolean {
  if (!not) return false;
  const from = Math.max(0, start - NOT_WINDOW);
  const around = text.slice(from, end + NOT_WINDOW);
  not.lastIndex = 0;
  for (let match = not.exec(around); match; match = not.exec(around)) {
    if (from + match.index < end && from + match.index + match[0].length > start) return true;
    if (match[0].length === 0) not.lastIndex++;
  }
  return false;
}

/**
 * A pack topic phrasing counts when most of its weight is said in one turn, each word weighted by how
 * rare it is in the pack's own articles: "my new address" is everyday business, "pendant alarm" is not.
 */
const PHRASING_SHARE = 0.8;
const MIN_PHRASING_TERMS = 2;

interface PackPhrasing {
  topic: SensitiveTopic;
  terms: string[];
  weights: number[];
  text: string;
}

export class SensitiveTopicDetector {
  private readonly phrasings: PackPhrasing[];

  /** `background`: the pack's article texts, to tell its everyday words from a topic's own. */
  constructor(packTopics: readonly SensitiveTopic[] = [], background: readonly string[] = []) {
    const documentFrequency = new Map<string, number>();
    for (const text of background)
      for (const term of new Set(searchTerms(text))) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    const weightOf = (term: string) => Math.log(1 + (background.length + 1) / (1 + (documentFrequency.get(term) ?? 0)));
    this.phrasings = packTopics.flatMap((topic) =>
      topic.phrasings
        .map((text) => {
          const words = [...new Set(searchTerms(text))];
          return { topic, text, terms: words, weights: words.map(weightOf) };
        })
        // Two words are a topic only when both are rare in the pack ("lost job"), not everyday ("new address").
        .filter(
          (phrasing) =>
            phrasing.terms.length > MIN_PHRASING_TERMS ||
            (phrasing.terms.length === MIN_PHRASING_TERMS && phrasing.terms.every((term) => (documentFrequency.get(term) ?? 0) <= 1)),
        ),
    );
  }

  /** The first sensitive topic the text raises, if any. */
  detect(text: string): TopicHit | undefined {
    const sample = text.slice(0, 5_000);
    for (const topic of GENERAL_TOPICS) {
      // Each mention judged where it is said: what rules one out ("Skyline Court") must cover that mention.
      topic.everywhere.lastIndex = 0;
      for (let match = topic.everywhere.exec(sample); match; match = topic.everywhere.exec(sample)) {
        if (!ruledOut(topic.notEverywhere, sample, match.index, match.index + match[0].length))
          return { id: topic.id, label: topic.label, said: match[0] };
      }
    }
    if (!this.phrasings.length) return undefined;
    const said = new Set(searchTerms(sample));
    for (const phrasing of this.phrasings) {
      const total = phrasing.weights.reduce((sum, weight) => sum + weight, 0);
      const heard = phrasing.terms.reduce((sum, term, i) => sum + (said.has(term) ? phrasing.weights[i]! : 0), 0);
      // The phrasing's rarest word must be among those said.
      const rarest = phrasing.weights.indexOf(Math.max(...phrasing.weights));
      if (total > 0 && heard / total >= PHRASING_SHARE && said.has(phrasing.terms[rarest]!))
        return { id: phrasing.topic.id, label: phrasing.topic.label.toLowerCase(), said: phrasing.text };
    }
    return undefined;
  }
}

/** The detector for a pack: its own topics, weighed against the words of its articles. */
export function sensitiveTopicsOf(pack: DomainPack): SensitiveTopicDetector {
  return new SensitiveTopicDetector(
    pack.manifest.handBack.sensitiveTopics,
    pack.articles.map((article) => `${article.title}\n${article.description}\n${article.steps.map((step) => step.text).join('\n')}`),
  );
}

/** Asking for an exception to policy: money back, a fee waived, more time, a price matched, goodwill. */
const EXCEPTION =
  /\b(?:complain\w*|grievance|exception|extension|more time to pay|waive\w*|override|compensat\w*|refund\w*|money back|credit (?:back|to my account|on my account)|goodwill|discount|price (?:match|adjustment)|reimburse\w*|write (?:it )?off|cancel\w* (?:the|my) (?:subscription|account|contract) (?:without|free)|(?:fee|charge|penalty) (?:removed|taken off|dropped))\b/i;

export function exceptionAsked(text: string): string | undefined {
  return EXCEPTION.exec(text.slice(0, 5_000))?.[0];
}
