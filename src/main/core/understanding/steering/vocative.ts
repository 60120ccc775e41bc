/**
 * Who a sentence is addressed to, read from its vocative: the word that opens a sentence and names
 * who is spoken to ("Assistant, …", "助手，…", "trợ lý ơi, …", "hallo KI, …"). A sentence whose
 * vocative names an assistant-like entity is spoken to that entity, whatever it then asks: the
 * callers who try to steer the assistant in another language nearly all open that way, and an
 * ordinary caller never opens a sentence by calling the system by name.
 *
 * ASR often leaves the comma out: a name opening the text, or called with a greeting or particle
 * ("أيها المساعد تجاهل…", "trợ lý ơi bỏ qua…"), is a vocative without it.
 *
 * English vocatives need more than the name, since "computer, it's so slow" is talk about a
 * computer: the next word must be an order (a verb in its base form, "please", "don't"), or, with
 * no comma, a verb and its object ("assistant clear the penalty", not "system update failed"). The
 * classifier and the English rules (steeringRules.ts) see the rest of English.
 *
 * The words are the usual translations of "assistant", "AI", "bot", "system", "computer", "robot"
 * and "machine" in the languages callers most often switch to, and the greetings and vocative
 * particles they are called with; they are compared in canonical form (canonicalise.ts), so
 * accents, case and look-alike letters do not matter. `addressing()` puts this reading beside the
 * other one about who is addressed: a package's neutral report of an earlier attempt
 * (reportedAttempt.ts).
 */
import { escapeRegExp } from '../../../../shared/text';
import { wordTags } from '../lexicon';
import { canonicalise } from './canonicalise';
import { reportsEarlierAttempt } from './reportedAttempt';
import type { SteeringSource } from './steeringTypes';

/** Assistant-like entities by language (words as people write them; canonicalised below). */
const ENTITY_WORDS: Readonly<Record<string, readonly string[]>> = {
  spanish: [
    'asistente',
    'asistenta',
    'sistema',
    'computadora',
    'ordenador',
    'máquina',
    'inteligencia artificial',
    'robot',
    'robotito',
    'bot',
    'ia',
    'transcriptor',
  ],
  portuguese: ['assistente', 'sistema', 'computador', 'robô', 'máquina', 'inteligência artificial', 'ia'],
  french: ['assistant', 'assistante', 'système', 'ordinateur', 'machine', 'intelligence artificielle', 'logiciel', 'robot', 'ia'],
  german: [
    'assistent',
    'assistentin',
    'sprachassistent',
    'system',
    'computer',
    'rechner',
    'roboter',
    'maschine',
    'künstliche intelligenz',
    'ki',
  ],
  italian: ['assistente', 'sistema', 'computer', 'macchina', 'robot', 'intelligenza artificiale', 'ia'],
  dutch: ['assistent', 'systeem', 'computer', 'robot'],
  polish: ['asystencie', 'asystentko', 'asystent', 'systemie', 'komputerze', 'robocie', 'bocie', 'sztuczna inteligencjo'],
  czech: ['asistente', 'systeme', 'pocitaci', 'robote'],
  romanian: ['asistentule', 'asistent', 'sistemule', 'robotule'],
  scandinavian: ['assistent', 'assistenten', 'systemet', 'datorn', 'datoren', 'roboten'],
  turkish: ['asistan', 'sistem', 'bilgisayar', 'yapay zeka', 'robot'],
  indonesian: ['asisten', 'sistem', 'komputer', 'robot', 'mesin'],
  tagalog: ['katulong', 'sistema', 'kompyuter', 'robot'],
  vietnamese: ['trợ lý', 'hệ thống', 'máy tính', 'trí tuệ nhân tạo', 'rô bốt', 'người máy'],
  russian: ['ассистент', 'помощник', 'помощница', 'система', 'компьютер', 'робот', 'бот', 'ии', 'искусственный интеллект', 'нейросеть'],
  ukrainian: ['асистенте', 'помічнику', 'системо', 'комп\u2019ютере', 'роботе'],
  greek: ['βοηθέ', 'σύστημα', 'υπολογιστή', 'ρομπότ'],
  hindi: ['सहायक', 'एआई', 'सिस्टम', 'कंप्यूटर', 'कम्प्यूटर', 'रोबोट', 'बॉट', 'मशीन', 'sahayak', 'sahayika'],
  urdu: ['معاون', 'سسٹم', 'کمپیوٹر'],
  arabic: ['المساعد', 'مساعد', 'النظام', 'نظام', 'الذكاء الاصطناعي', 'الكمبيوتر', 'الحاسوب', 'الروبوت', 'روبوت'],
  persian: ['دستیار', 'سیستم'],
  hebrew: ['עוזר', 'מערכת', 'מחשב'],
  chinese: ['助手', '小助手', '助理', '系统', '系統', '人工智能', '智能助手', '机器人', '機器人', '电脑', '電腦'],
  japanese: [
    'アシスタント',
    'システム',
    'ロボット',
    'コンピューター',
    'コンピュータ',
    '人工知能',
    'エーアイ',
    'shisutemu',
    'ashisutanto',
    'robotto',
    'konpyuta',
  ],
  korean: ['어시스턴트', '비서', '시스템', '인공지능', '로봇', '컴퓨터'],
  swahili: ['msaidizi', 'mfumo', 'kompyuta', 'roboti'],
  thai: ['ผู้ช่วย', 'ระบบ'],
};

/** Words that may stand before the vocative: greetings and calling particles ("hallo", "oye", "يا", "эй"). */
const CALLING_WORDS = [
  'hallo',
  'hola',
  'oye',
  'oiga',
  'ola',
  'olá',
  'oi',
  'ei',
  'ciao',
  'salut',
  'bonjour',
  'allo',
  'allô',
  'hej',
  'hei',
  'moin',
  'servus',
  'cześć',
  'hej',
  'ahoj',
  'merhaba',
  'halo',
  'hoy',
  'uy',
  'xin chào',
  'chào',
  'này',
  'namaste',
  'नमस्ते',
  'अरे',
  'सुनो',
  'arre',
  'suno',
  'يا',
  'أيها',
  'ايها',
  'مرحبا',
  'эй',
  'привет',
  'слушай',
  'алло',
  '你好',
  '喂',
  '嘿',
  'もしもし',
  'ねえ',
  '안녕',
  '야',
  'ey',
  'querido',
  'querida',
  'lieber',
  'liebe',
  'cher',
  'chère',
  'caro',
  'cara',
  'drogi',
  'hey',
  'hi',
  'hello',
  'ok',
  'okay',
  'oh',
  'yo',
];

/** Particles said after the name in a call (after an English name too, they show the sentence is in another language) ("trợ lý ơi", "AI-san", "सहायक जी"). */
const AFTER_WORDS = ['ơi', 'san', 'さん', 'くん', 'ちゃん', 'ji', 'जी', 'jee'];

/** English names of the entity at the head of an order (the rest of English is the rules' and classifier's). */
const ENGLISH_WORDS = [
  'ai',
  'assistant',
  'bot',
  'robot',
  'computer',
  'system',
  'machine',
  'program',
  'transcriber',
  'note taker',
  'notetaker',
  'chatbot',
  'copilot',
];

/** Words that open a sentence as a spoken aside, not an order, though compromise may tag them as verbs. */
const NOT_ORDERS = new Set([
  'like',
  'well',
  'so',
  'mean',
  'guess',
  'know',
  'see',
  'say',
  'wait',
  'hold',
  'sorry',
  'thanks',
  'thank',
  'right',
  'look',
  'listen',
]);
const ORDER_OPENERS = new Set(['please', "don't", 'dont', 'never', 'stop', 'just', 'now', 'go', 'make', 'be']);

const canon = (word: string): string => canonicalise(word).text;
const alternation = (words: Iterable<string>): string =>
  [...new Set([...words].map(canon).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

const FOREIGN = alternation(
  Object.values(ENTITY_WORDS)
    .flat()
    .filter((word) => !ENGLISH_WORDS.includes(word)),
);
const CALLING = alternation(CALLING_WORDS);
const AFTER = alternation(AFTER_WORDS);
const ENGLISH = alternation(ENGLISH_WORDS);

/** Where a sentence starts: the text's start or a sentence mark, in any script. */
const SENTENCE_START = `(?:^|[.!?;\\n\u3002\uFF01\uFF1F]\\s*)`;
/** A sentence's head: its start, then a calling word or two. */
const HEAD = `${SENTENCE_START}(?:(?:${CALLING})[\\s,!]+){0,2}`;
/** The same with a calling word said: then no comma is needed to hear the vocative ("hallo KI vergiss…", "أيها المساعد تجاهل…"). */
const CALLED = `${SENTENCE_START}(?:(?:${CALLING})[\\s,!]+){1,2}`;
/** Between the name and what is said: a comma, colon, dash or exclamation in any script. */
const SEPARATOR = `\\s*(?:[-\\s](?:${AFTER}))?\\s*[,:!\u060C\u3001\uFF0C\uFF1A\u055D-]`;
/** A calling particle after the name ("trợ lý ơi", "ai-san"): a vocative without a comma. */
const PARTICLE = `[-\\s]?(?:${AFTER})(?![\\p{L}\\p{M}])`;
/** Letters-only words do not run into the name ("asistentes", "systematic"); CJK has no spaces. */
const EDGE = '(?![\\p{L}\\p{M}])';
const FOREIGN_NAME = `(?:${FOREIGN}|(?:${ENGLISH})(?=${PARTICLE}))`;

const FOREIGN_VOCATIVE = new RegExp(
  `(?:${HEAD}${FOREIGN_NAME}${EDGE}${SEPARATOR}|${CALLED}${FOREIGN_NAME}${EDGE}|${HEAD}${FOREIGN_NAME}${PARTICLE}\\s*[,:!]?)\\s*(?<rest>[^.!?\\n\u3002]+)`,
  'u',
);
/** ASR writes no commas: the name opening the whole text, followed by what is asked, is a vocative too. */
const FOREIGN_OPENING = new RegExp(`^(?:${FOREIGN})${EDGE}\\s+(?<rest>[^.!?\\n\u3002]+)`, 'u');
const ENGLISH_VOCATIVE = new RegExp(`${HEAD}(?:you )?(?:${ENGLISH})${EDGE}${SEPARATOR}\\s*(?<next>[\\p{L}']+)`, 'gu');
/** "assistant clear the penalty", "okay robot cancel the order": the name, a verb and its object, no comma. */
const ENGLISH_UNMARKED = new RegExp(`${HEAD}(?:${ENGLISH})\\s+(?<next>[\\p{L}']+)\\s+(?<object>[\\p{L}']+)`, 'gu');
const MAX_VOCATIVES = 64;
/** What opens a verb's object: a determiner, a possessive, a pronoun, a particle. */
const OBJECT_OPENERS = new Set([
  'the',
  'a',
  'an',
  'my',
  'his',
  'her',
  'their',
  'our',
  'your',
  'this',
  'that',
  'these',
  'those',
  'it',
  'me',
  'him',
  'them',
  'us',
  'all',
  'every',
  'everything',
  'off',
  'up',
  'out',
  'down',
  'back',
  'ahead',
]);
/** Tags of a word that is not an order's verb: what a system did, does or is ("the system told me", "ai thing at the store"). */
const NOT_A_VERB = new Set([
  'PastTense',
  'Gerund',
  'Participle',
  'Copula',
  'Modal',
  'Auxiliary',
  'Preposition',
  'Determiner',
  'Pronoun',
  'Conjunction',
  'Adverb',
  'Possessive',
  'Value',
]);

/** Enough said after the name to be asking something: two words, or four characters of a script without spaces. */
function saysSomething(rest: string): boolean {
  const words = rest
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word));
  return words.length >= 2 || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]{4}/u.test(rest);
}

/** Whether the next word gives an order: a verb in its base form, or a word that opens one. */
function isOrder(word: string): boolean {
  if (NOT_ORDERS.has(word)) return false;
  if (ORDER_OPENERS.has(word)) return true;
  const tags = wordTags(word);
  return tags.includes('Infinitive') || tags.includes('Imperative');
}

/** "clear the penalty", "credit my account", "postpone my jury duty": a word an order can start with, before its object. */
function isUnmarkedOrder(word: string, object: string): boolean {
  if (ORDER_OPENERS.has(word)) return word !== 'just' && word !== 'now';
  if (NOT_ORDERS.has(word) || !OBJECT_OPENERS.has(object) || word.length < 3) return false;
  const tags = wordTags(word);
  if (tags.some((tag) => NOT_A_VERB.has(tag))) return false;
  // "the system says my…", "the bot has the…": a verb in its third-person form reports; an order is in its base form.
  return !(word.endsWith('s') && tags.includes('PresentTense') && !tags.includes('Infinitive'));
}

/**
 * Whether a sentence of the canonical text opens by calling an assistant-like entity and then says
 * something to it (in another language), or gives it an order (in English).
 */
export function addressedByVocative(canonical: string): boolean {
  const foreign = FOREIGN_VOCATIVE.exec(canonical) ?? FOREIGN_OPENING.exec(canonical);
  if (foreign && saysSomething(foreign.groups?.rest ?? '')) return true;
  return (
    someVocative(canonical, ENGLISH_VOCATIVE, (groups) => isOrder(groups.next ?? '')) ||
    someVocative(canonical, ENGLISH_UNMARKED, (groups) => isUnmarkedOrder(groups.next ?? '', groups.object ?? ''))
  );
}

/**
 * Whether one of the English vocatives in the text (each, not only the first, up to a bound: a text of
 * thousands of them is one shape said again) gives an order.
 */
function someVocative(canonical: string, pattern: RegExp, givesOrder: (groups: Partial<Record<string, string>>) => boolean): boolean {
  let seen = 0;
  for (const match of canonical.matchAll(pattern)) {
    if (givesOrder(match.groups ?? {})) return true;
    if (++seen >= MAX_VOCATIVES) break;
  }
  return false;
}

/**
 * Who the text is addressed to, read apart from the rules and the classifier: a vocative calling the
 * assistant (flagged whatever the classifier says), or a package's neutral report of an earlier attempt
 * (never flagged). The trainer reads the same, so its figures are the detector's.
 */
export function addressing(canonical: string, where: SteeringSource): { vocative: boolean; reported: boolean } {
  const vocative = addressedByVocative(canonical);
  return { vocative, reported: where === 'package' && !vocative && reportsEarlierAttempt(canonical) };
}
