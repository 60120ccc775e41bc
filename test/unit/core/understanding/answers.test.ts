/**
 * The stages that read a caller's answer by what the agent asked: what a question asks for (by the
 * pack's cues or by the kind of value), a name put together from its spellings and repairs, dates
 * said as digits or with the year beside them, and whole question → answer pairs through the
 * pipeline. Tables of wordings written for these tests (none taken from the evaluation batches), so
 * a rule fitted to one wording shows up as a failing row.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { askedKinds, asksOtherName, isRequest } from '../../../../src/main/core/understanding/agentQuestion';
import { CallUnderstanding } from '../../../../src/main/core/understanding/callUnderstanding';
import { withApostrophes } from '../../../../src/main/core/understanding/contractions';
import { stanceOf } from '../../../../src/main/core/understanding/dialogueState';
import { numericDate, resolveDates } from '../../../../src/main/core/understanding/dateResolver';
import { normalize } from '../../../../src/main/core/understanding/itn';
import { nameWordStrength, nameWordsOf } from '../../../../src/main/core/understanding/nameWords';
import { nameCase, spokenName } from '../../../../src/main/core/understanding/spokenName';
import { FactSchema, ungluedEmail } from '../../../../src/shared/facts';
import { FactSpecSchema } from '../../../../src/shared/domainPack';
import { requireDomainPack, type DomainPack } from '../../../../src/main/core/pack/domainPackLoader';
import { demoPack, NORTHWIND_PACK_DIR } from '../../../support/demoPack';

describe('agent question: is it a request?', () => {
  it.each([
    ['and the zip', true],
    ['what zip code are you in', true],
    ['do you have the order id', true],
    ['how much was it', true],
    ['your date of birth', true],
    ['can i grab a good callback number', true],
    ['which card did you use', true],
    ['okay and your email', true],
    ['last four of the card please', true],
    ['best number to reach you', true],
    ['your order shipped yesterday and is with the carrier now', false],
    ['i have processed the refund', false],
    ['thanks for waiting', false],
    ['the system is slow today so bear with me while it loads the account page', false],
    // A clause that says which one is meant is not the fragment's verb.
    ['and your name exactly as it reads on your id', true],
    ['the email, the one you placed the order with', true],
    ['your full name as it appears on the card', true],
    ['and your postcode at home, so I can check the network status', true],
    ['the order number, just so i can pull it up', true],
    ["your name won't go on anything he sees", false],
    ['the package that came yesterday was damaged', false],
    // A fragment opening with the kind of value it names, no determiner before it; a statement opens with its subject.
    ['number to reach you', true],
    ['okay, email for the receipt', true],
    ['zip code on the account?', true],
    ["okay, i've updated the name to chidinma okafor.", false],
    ["here's the code: w-e-l-c-o-m-e, 4, 0, r, x.", false],
  ])('%s → %s', (sentence, expected) => {
    expect(isRequest(sentence)).toBe(expected);
  });
});

describe('agent question: the kind of value asked for', () => {
  it.each<[string, string[]]>([
    ['how much did they charge you', ['amount']],
    ['what did the jacket cost you', ['amount']],
    ['and what did you pay for it', ['amount']],
    ['what was the price of the jeans', ['amount']],
    ['what were you charged', ['amount']],
    ['when did it arrive', ['date']],
    ['and your birthday', ['date']],
    ['who do i have the pleasure of speaking with', ['name']],
    ['who is the account holder', ['name']],
    ['can i have her full name the way it is on the license', []],
    ["and your daughter's first name", []],
    ['what is the name on the card', ['name']],
    ['what number should the courier ring', ['phone']],
    ['and a number where we can text you the code', ['phone']],
    ['is there a daytime number i can use', ['phone']],
    ['which number are you calling from', ['phone']],
    ['can i get the loyalty number', ['identifier']],
    ['read me the reference on the letter', ['identifier']],
    ['what is your member id', ['identifier']],
    ['where should we ship the replacement', ['address']],
    ['what postal code is that', ['postcode']],
    // Whose the account is, asked yes or no: no name asked for.
    ['was that account in your name', []],
    ["is the bill in your name or your husband's", []],
    ['and what name is it under', ['name']],
    ['is it in your name, and what is your full name', ['name']],
  ])('%s → %j', (sentence, kinds) => {
    expect([...askedKinds(sentence)].sort()).toEqual([...kinds].sort());
  });

  it.each([
    ["what's your mother's maiden name", true],
    ['what was the name of your first pet', true],
    ['what was the name of your first school', true],
    ['what is the name of the account holder', false],
    ["what's the street name", true],
    ['and your full name', false],
  ])("someone else's name: %s → %s", (sentence, other) => {
    expect(asksOtherName(sentence)).toBe(other);
  });
});

describe('spoken name', () => {
  it.each([
    ['hannah brooks', 'Hannah Brooks'],
    // What the caller says the name is not is no part of it.
    ['its tamsin, t a m s i n, not t a m s y n. harker', 'Tamsin Harker'],
    ['bryony not briony, b r y o n y cole', 'Bryony Cole'],
    ['yeah it is oliver, oliver grant', 'Oliver Grant'],
    ['nkechi, n k e c h i, nkechi obi', 'Nkechi Obi'],
    ['the surname is patel, p a t e l, and first name ravi', 'Ravi Patel'],
    ['first name greta, last name lindqvist l i n d q v i s t', 'Greta Lindqvist'],
    ['sam, no sorry, samuel reyes', 'Samuel Reyes'],
    ['it is connor mcbride, m c b r i d e', 'Connor McBride'],
    // A surname the tagger has never seen is no adverb or verb for its ending (-ly, -ing).
    ["it's maeve donnelly. d o n n e l l y", 'Maeve Donnelly'],
    ['priya hastling', 'Priya Hastling'],
    // "no h" glosses the spelling; a spelled surname before ", two t's" is not an id.
    ['sara, no h, s a r a. sara lindgren', 'Sara Lindgren'],
    // A field named with "is"; a letter the word has, said as a gloss.
    ['um, first is tomasz, and last is nowak, n o w a k', 'Tomasz Nowak'],
    ['ellen, e l l e n, and pratt has an a, p r a t t', 'Ellen Pratt'],
    ["first name ines. last name is b r i t t o, two t's", 'Ines Britto'],
    ['aoife o apostrophe connell', "Aoife O'Connell"],
    ['lucy hyphen may evans', 'Lucy-May Evans'],
    ['victor echo romeo alpha, vera, and then holt', 'Vera Holt'],
    ['ana, two words, ana lucia ferreira', 'Ana Lucia Ferreira'],
    ['Marcus Bell. I have been on hold for ages.', 'Marcus Bell'],
    ['mister desmond achebe', 'Desmond Achebe'],
    // Which word is which said after the name, titles, initials glossed, hyphens said, spellings and repairs.
    ['it is under haddad, omar. haddad is the last name', 'Omar Haddad'],
    ['tran minh khoa. khoa is my first name and tran is my family name', 'Khoa Minh Tran'],
    ['this is missus ruth abernathy', 'Ruth Abernathy'],
    ['professor ines campos', 'Ines Campos'],
    ['carl t. benson. the t is for thomas but nobody uses it', 'Carl Benson'],
    ['rosa maria with a hyphen, and then quintero', 'Rosa-Maria Quintero'],
    ['howard pemberton ruiz with a hyphen between pemberton and ruiz', 'Howard Pemberton-Ruiz'],
    ['alejandro ruiz salazar with a hyphen between ruiz and salazar. r u i z. alejandro with a j', 'Alejandro Ruiz-Salazar'],
    ['sure. l-e-n-a. o-r-t-h.', 'Lena Orth'],
    ['it is stephen walsh, s t e v e n', 'Steven Walsh'],
    ['yeah it is tom reid. well, thomas. the account says thomas', 'Thomas Reid'],
    // Glosses on the sound or the letters, each word's role without "the", four-word names, a middle field,
    // marks kept through a spelling, initials said with their case, a capital said alone.
    ['it is sian, s i a n, pronounced shahn, last name pryce', 'Sian Pryce'],
    ['ines, i n e s, like the river, surname duarte', 'Ines Duarte'],
    ['liu yang. yang is given name, liu is family name', 'Yang Liu'],
    ['ana sofia ruiz castillo, two surnames', 'Ana Sofia Ruiz Castillo'],
    ['first name priya, middle lakshmi, last raman', 'Priya Lakshmi Raman'],
    ["darragh o'shee, o s h e a", "Darragh O'Shea"],
    ['marta van den bosch. small v, small d, capital b', 'Marta van den Bosch'],
    ['colin macleod, one word, capital l', 'Colin MacLeod'],
    // Everyday words of the talk after a spelled name are no more of it.
    ['Warsame. W A R S A M E. M like mother, not N. the robot wrote it wrong maybe', 'Warsame'],
    ['vera, and then holt', 'Vera Holt'],
    // What the caller calls the agent is no part of the name.
    ["yes, dear, this is dorothea. i'm sorry, i'm not very good with these computer voices.", 'Dorothea'],
    // The letters a name is said to have are no more of it; a word glossed the way a name is, is a name's.
    ['smythe with a y and an e on the end. jonathan smythe', 'Jonathan Smythe'],
    ["katherine with a k no sorry it's with a c c a t h e r i n e zhou z h o u", 'Catherine Zhou'],
    ['it is stephen with a p h, s t e p h e n, hall, like a hallway', 'Stephen Hall'],
    ['katarina, with a k, k a t a r i n a, novak', 'Katarina Novak'],
    ['kevin robson. robson like the footballer', 'Kevin Robson'],
    ['i live with a b and b owner', undefined],
    ['um', undefined],
    ['i told the other person already', undefined],
  ])('%s → %s', (spoken, name) => {
    expect(spokenName(spoken)).toBe(name);
  });

  it.each([
    // Words that are never a name's, around the name or in place of one.
    ['hi there, put down winston achterberg please', 'Winston Achterberg'],
    ['oh ha, it is tomasz, tomasz kaminski', 'Tomasz Kaminski'],
    ["i'm exhausted honestly", undefined],
    ['yes that is right', undefined],
    ['it keeps failing on me', undefined],
    ['well, gerald, gerald, uh, fontaine', 'Gerald Fontaine'],
    ['rebecca hyphen jane wu', 'Rebecca-Jane Wu'],
    ['p k seven nine four x', undefined],
    ['jo, joanna really, joanna pike', 'Joanna Pike'],
    // Common words beside a name word are surnames and first names too.
    ['chris brown', 'Chris Brown'],
    ['it is jae park', 'Jae Park'],
    ['elena de la cruz', 'Elena de la Cruz'],
    ['pieter van der merwe', 'Pieter van der Merwe'],
    // Words said one at a time, each spelled; capitals in cased text mark a name's words.
    ['Omar, O M A R, bin, B I N, Khalid, K H A L I D', 'Omar bin Khalid'],
    ["it's Summer. Summer Rain. yes, honestly", 'Summer Rain'],
    ['the booking is under Art, A R T, Will, W I L L', 'Art Will'],
    ['its tomas, tomas brennan, b r e n n a n', 'Tomas Brennan'],
    ['lisa novak formerly lisa grant but novak now', 'Lisa Novak'],
    ['its aoife kelly no relation to the singer haha', 'Aoife Kelly'],
  ])('words that name nobody: %s → %s', (spoken, name) => {
    expect(spokenName(spoken)).toBe(name);
  });

  it.each([
    // Letters beyond ASCII are letters; a spelling without the accents keeps the word as said.
    ['it is Zoë Dubois', 'Zoë Dubois'],
    ['Agnès Lefèvre, A G N E S, Lefèvre', 'Agnès Lefèvre'],
    ['Łukasz Wójcik', 'Łukasz Wójcik'],
    // A spelling's capitals go where it says: "capital D, e, capital S…", "small c"; a spelled start keeps the word.
    ['DaNeisha Brooks, capital D, a, capital N, e i s h a', 'DaNeisha Brooks'],
    ['Ian MacArthur, M A C, capital A, R T H U R', 'Ian MacArthur'],
    ['Carol DiMarco, d i capital M', 'Carol DiMarco'],
    ['Sean O’Hare, O apostrophe H A R E', "Sean O'Hare"],
    ['rory kowalczyk thats k o w a l c z y k', 'Rory Kowalczyk'],
    // "with a w" is a gloss on the spelling, not letters of the name.
    ['Dwayne Foster, Dwayne with a y, D W A Y N E', 'Dwayne Foster'],
    ['Kathryn Hale, Kathryn with a y and two n? no, one n, K A T H R Y N', 'Kathryn Hale'],
  ])('letters and capitals: %s → %s', (spoken, name) => {
    expect(spokenName(spoken)).toBe(name);
  });

  it.each<[string, 'strong' | 'weak' | 'never']>([
    ['margaret', 'strong'],
    ['okonkwo', 'strong'],
    ['brown', 'weak'],
    ['park', 'weak'],
    ['giving', 'never'],
    ['seven', 'never'],
    ['because', 'never'],
    ['quickly', 'never'],
    ['anne-marie', 'strong'],
    // Contractions written without their apostrophe, and the words that say how a name is written.
    ['thats', 'never'],
    ['theres', 'never'],
    ['double', 'never'],
    ['fada', 'never'],
    ['umlaut', 'never'],
  ])('name word %s is %s', (word, strength) => {
    expect(nameWordStrength(word)).toBe(strength);
  });

  it('a run of words keeps only its name', () => {
    expect(nameWordsOf(['say', 'ingrid', 'solberg'])).toEqual(['ingrid', 'solberg']);
    expect(nameWordsOf(['really', 'sorry'])).toEqual([]);
  });

  it.each([
    ['mcdonald', 'McDonald'],
    ["o'reilly", "O'Reilly"],
    ['anne-sophie', 'Anne-Sophie'],
    ['smith', 'Smith'],
  ])('name case: %s → %s', (word, cased) => {
    expect(nameCase(word)).toBe(cased);
  });
});

describe('dates: digits as an answer, the year beside the day', () => {
  it.each([
    ['04 17 1988', false, '1988-04-17'],
    ['04, 17, 88', false, '1988-04-17'],
    ['11 02 2003', true, '2003-02-11'],
    ['3 9 21', false, '2021-03-09'],
    ['12345', false, undefined],
    ['13 13 1999', false, undefined],
  ])('%s (day first: %s) → %s', (written, dayFirst, value) => {
    expect(numericDate(written, { dayFirst, callDate: '2026-06-15' })?.value).toBe(value);
  });

  it.each([
    ['1987, June 2', '1987-06-02'],
    ['June 2 last year, 2025', '2025-06-02'],
    ['June 2 of 2019', '2019-06-02'],
    ['August um 8th 1965', '1965-08-08'],
    // The year named later in the sentence, or put right after the date.
    ["October 3, that's my birthday, the year was 61", '1961-10-03'],
    ['May 9, year of birth 2002', '2002-05-09'],
    ['July 25, 2000, no, 19, sorry, 1972', '1972-07-25'],
    ['February 1, 1990, I mean 1991', '1991-02-01'],
    // By its last two digits, across a full stop, the last repair standing; the day put right the same way.
    ['June 7 92 no wait 93 i always do that', '1993-06-07'],
    ['January 29, 2025, no, 26, this year', '2026-01-29'],
    ['July 9, 1994. no, three. 93', '1993-07-09'],
    ['it was on May 22 no sorry 28th not 22nd', '2026-05-28'],
    ['June 15, 1990. My son is 12. No wait, he is 13', '1990-06-15'],
    ['June 15, 1990, no sorry, 12 dollars', '1990-06-15'],
    // The coming weekday, from the call's date (Monday 15 June 2026).
    ['this coming saturday if you can', '2026-06-20'],
    ['coming thursday works', '2026-06-18'],
    ['this Friday', '2026-06-19'],
    ['any time this monday', '2026-06-15'],
    ['upcoming Monday', '2026-06-22'],
    // Counted from the call's date.
    ['2 weeks ago today actually', '2026-06-01'],
    ['they said a week from today', '2026-06-22'],
    ['three days from now works', '2026-06-18'],
    // A day of a month counted from the call's; a bare day beside its weekday; holidays by the calendar.
    ['it renews on the 1st of next month', '2026-07-01'],
    ['it came out on the 20th of last month', '2026-05-20'],
    ['the fourth. it was a thursday', '2026-06-04'],
    ['so saturday the 30th, right', '2026-05-30'],
    ['on the seventh.', '2026-06-07'],
    ['memorial day, I think', '2026-05-25'],
    ['the day after thanksgiving, no, on thanksgiving', '2025-11-27'],
    ['christmas eve. last christmas, so twenty twenty-five', '2025-12-24'],
    ['we will be away until labor day', '2026-09-07'],
    ["we'll be away until father's day", '2026-06-21'],
    ['right after christmas', '2025-12-25'],
    // Counted from a day said by name, the nth weekday of a month, a month's last day, a holiday with its year.
    ['a week from thursday', '2026-06-25'],
    ['3 days before yesterday', '2026-06-11'],
    ['a week earlier than last wednesday', '2026-06-03'],
    ['the third tuesday in august', '2026-08-18'],
    ['the last friday of the month', '2026-06-26'],
    ['the last day of next month', '2026-07-31'],
    ['a month ago today', '2026-05-15'],
    ['new years eve, 2024', '2024-12-31'],
    ['christmas eve, I think', '2025-12-24'],
    ['October 3. 1961', '1961-10-03'],
    // A weekday of a week counted from the call's (weeks start on Monday), or one past the coming or the last one.
    ['tuesday of last week, in the morning', '2026-06-09'],
    ['thursday of next week', '2026-06-25'],
    ['last week wednesday', '2026-06-10'],
    ['next week, on friday', '2026-06-26'],
    ['the wednesday after next', '2026-06-24'],
    ['the saturday before last', '2026-06-06'],
    // A weekday or a count from a date said right after it.
    ['the friday after the fourth of july', '2026-07-10'],
    ['the monday before labor day', '2026-08-31'],
    ['two days after July 4', '2026-07-06'],
    ['a week before memorial day', '2026-05-18'],
    // "The day after", "day before": one day from the date said right after.
    ['it was the day after memorial day', '2026-05-26'],
    ['the day before yesterday', '2026-06-13'],
    // A weekday and a bare day number.
    ['it arrived on friday, the 12', '2026-06-12'],
    // The year counted from the call's.
    ['you returned the boots on May 28 of last year, is that', '2025-05-28'],
    ['the 3rd of March next year', '2027-03-03'],
    ['it come on the 17, wednesday, in the morning', '2026-06-17'],
    ['the payment was for the 14, yesterday', '2026-06-14'],
    // A span guessed at pins no day; the day said beside it does.
    ['um June 2? like two weeks ago', '2026-06-02'],
    ['it was two weeks ago', '2026-06-01'],
    // An ordinal word is a day after a weekday, or before a word that opens another phrase.
    ['we checked out tuesday the ninth and the money is still held', '2026-06-09'],
    ['it came the fifth when i was away', '2026-06-05'],
    ['so the third at the latest', '2026-06-03'],
  ])('%s → %s', (written, value) => {
    expect(resolveDates(written, { callDate: '2026-06-15' }).map((found) => found.value)).toEqual([value]);
  });

  it('a day number without its ending is a day only when a date was just asked for or read back', () => {
    const said = 'yes the 19 to the 21, like you have';
    expect(resolveDates(said, { callDate: '2026-06-15', daysExpected: true }).map((found) => found.value)).toEqual([
      '2026-06-19',
      '2026-06-21',
    ]);
    expect(resolveDates(said, { callDate: '2026-06-15' })).toEqual([]);
    expect(resolveDates('the 19 people on the list', { callDate: '2026-06-15', daysExpected: true })).toEqual([]);
  });

  it.each(['the second order was fine', "it's the third time i call", 'the first thing i noticed was the smell'])(
    'no day in %j',
    (written) => {
      expect(resolveDates(written, { callDate: '2026-06-15' })).toEqual([]);
    },
  );

  it.each<[string, string[]]>([
    // A weekday with another day number between it and this one is that one's.
    ['the 18th, no, the 19th, friday', ['2026-06-18', '2026-06-19']],
    ["not tomorrow, i'm working... day after tomorrow", ['2026-06-16', '2026-06-17']],
  ])('%s → %s', (written, values) => {
    expect(resolveDates(written, { callDate: '2026-06-15' }).map((found) => found.value)).toEqual(values);
  });

  it.each([
    'my second order was late',
    'the first thing I did was call you',
    'that was the third time, honestly',
    // The date said in full is the date; the holiday beside it only glosses it.
    'December 31 1999, new years eve',
    'about a month ago',
    'three days ago or so',
    'maybe a couple of weeks ago, i think',
  ])('no bare day or holiday date: %s', (written) => {
    expect(resolveDates(written, { callDate: '2026-06-15' }).filter((found) => !/1999/.test(found.value))).toEqual([]);
  });

  it.each<[string, string | undefined]>([
    // Digits ITN wrote as one string keep their spoken groups.
    ['one, twenty seven, seventy seven', '1977-01-27'],
    ['twelve, three, ninety eight', '1998-12-03'],
    ['one two three four five', undefined],
  ])('spoken groups %s → %s', (spoken, value) => {
    const normalized = normalize(spoken);
    expect(numericDate(normalized.written, { callDate: '2026-06-15' }, normalized.spans)?.value).toBe(value);
  });

  it('reads numeric dates day first where the region writes them so', () => {
    expect(resolveDates('it was 03/04/2026', { dayFirst: true, callDate: '2026-06-15' })[0]?.value).toBe('2026-04-03');
    expect(resolveDates('it was 03/04/2026', { dayFirst: false, callDate: '2026-06-15' })[0]?.value).toBe('2026-03-04');
  });
});

describe('emails: a word glued on after the domain', () => {
  it.each([
    ['tom@gmail.comthanks', 'tom@gmail.com'],
    ['a.b@school.eduright', 'a.b@school.edu'],
    ['x@y.co.uk', 'x@y.co.uk'],
    ['shop@brand.company', 'shop@brand.company'],
    ['me@site.info', 'me@site.info'],
  ])('%s → %s', (email, clean) => {
    expect(ungluedEmail(email)).toBe(clean);
  });
});

/** A question and its answer through the whole pipeline, for the demo pack. */
/** A call whose package holds `facts`, replayed turn by turn through the pipeline. */
function replayWithPackage(facts: Array<[string, string]>, turns: Array<['agent' | 'customer', string]>): CallUnderstanding {
  const pkg = {
    handoffId: 'ho_t',
    callSid: 'CA_t',
    triggeredAtMs: 0,
    packagedAtMs: 1,
    caller: { name: '', phone: '', verified: false, verification: '' },
    intent: { label: 'x', confidence: 0.5 },
    summary: '',
    facts: facts.map(([name, value]) => ({ name, value, source: 'caller' as const })),
    aiAttempts: [],
    trigger: { code: 'customer_request' as const, detail: '' },
    nextSteps: [],
    language: 'en',
  };
  const understanding = new CallUnderstanding(demoPack.facts, pkg, { callDate: '2026-06-15' });
  turns.forEach(([speaker, text], index) => understanding.onTurn({ index, atMs: index, speaker, text }));
  return understanding;
}

function answer(agent: string, customer: string): Record<string, string> {
  const understanding = new CallUnderstanding(demoPack.facts, undefined, { callDate: '2026-06-15' });
  understanding.onTurn({ index: 0, atMs: 0, speaker: 'agent', text: agent });
  understanding.onTurn({ index: 1, atMs: 1, speaker: 'customer', text: customer });
  return Object.fromEntries(understanding.heard.map((fact) => [fact.name, fact.value]));
}

describe('question → answer, by what was asked', () => {
  it.each<[string, string, string, string]>([
    ['and a number for the courier', 'six one seven, five five five, oh one four two', 'phone', '+16175550142'],
    ['what number should we text', 'area code four oh four then five five five double one two three', 'phone', '+14045551123'],
    [
      'and a callback number in case we get cut off',
      'yeah area code is four one five and then triple five oh one two three',
      'phone',
      '+14155550123',
    ],
    [
      "and the number you're calling from",
      'six one seven five five five zero one three... no wait, zero one three eight',
      'phone',
      '+16175550138',
    ],
    ['and what is your cell', "it's four six nine five five five oh one two... no wait, oh one three oh, yeah", 'phone', '+14695550130'],
    ['how much was it', 'two forty nine ninety five', 'amount', '249.95 USD'],
    ['how much did that cost you', 'um thirty four eighty', 'amount', '34.80 USD'],
    ['how much were you charged', 'it was sixty dollars, no sorry, sixty five', 'amount', '65.00 USD'],
    ['how much was the belt', 'nine ninety nine', 'amount', '9.99 USD'],
    // The one currency the answer (or the question) names: the sums said bare or in dollars are in it.
    // A long answer that spells gives the name in its opening sentences, before the story.
    [
      'can i start with your name',
      'dilys prothero. p r o t h e r o. look, i am so sorry to ring like this but my mother is poorly and the home needs to reach me at any hour of the day or night',
      'customer_name',
      'Dilys Prothero',
    ],
    // A read-back of a name the caller puts right, spelled between the name and the question.
    [
      'i have dorotha pell, d o r o t h a, is that right',
      'no, dorothy with a y, d o r o t h y, and pell has two ls, p e l l',
      'customer_name',
      'Dorothy Pell',
    ],
    ['how much was the deposit', 'three hundred dollars. canadian dollars that is', 'amount', '300.00 CAD'],
    ['what did it cost', 'forty euros. forty exactly', 'amount', '40.00 EUR'],
    ['what was the refund in pounds', 'twelve fifty', 'amount', '12.50 GBP'],
    ['how much was it', 'ninety nine aussie dollars', 'amount', '99.00 AUD'],
    ['and what was the deposit', 'two fifty', 'amount', '250.00 USD'],
    // An id said in stretches between pauses, some letters glossed, is the whole of what was spelled.
    ['and the account id', 'k as in kilo. r as in romeo. five five one nine. x. y', 'account_id', 'KR5519XY'],
    ['what is the account number', 'double m. three three oh two. b as in boy', 'account_id', 'MM3302B'],
    ['your account id please', 'z q. z as in zebra q as in queen. four one four four', 'account_id', 'ZQ4144'],
    // An address ending in a top-level domain the root zone has (or RFC 2606 keeps), then talk.
    ['your email', 'its d dot ferris at pinecone labs dot example thanks so much', 'email', 'd.ferris@pineconelabs.example'],
    ['your email', 'rana at tidewater dot scot is the one', 'email', 'rana@tidewater.scot'],
    // Comments on the address said inside it: a word's spelling after "that's", a letter it has not, a symbol it has not.
    [
      'could you spell the email',
      "its omar dot hadd thats h a d d there's no e on the end at fernhill dot com",
      'email',
      'omar.hadd@fernhill.com',
    ],
    ['and your email', 'nina okoro n i n a o k o r o no dot in between at bluefield dot org', 'email', 'ninaokoro@bluefield.org'],
    [
      'email please',
      'jo dash ellen thats with a dash not an underscore dot park at mapleway dot net',
      'email',
      'jo-ellen.park@mapleway.net',
    ],
    ['the email', 'its finn underscore 42 at birch mail b i r c h like the tree mail dot com', 'email', 'finn_42@birchmail.com'],
    // A name found after "it's" in a long answer, written as names are.
    [
      'and your name',
      "och you're kidding me i've just done all this wi the robot right it's euan mcateer e u a n m c a t e e r",
      'customer_name',
      'Euan McAteer',
    ],
    ['what did you pay per shirt', 'i got three of them and they were twenty four ninety five each', 'amount', '24.95 USD'],
    [
      'what was the price of the jeans',
      'the size thirty four waist, thirty length ones? those were sixty eight bucks',
      'amount',
      '68.00 USD',
    ],
    ['and the zip', 'three oh three oh five', 'zip_code', '30305'],
    // The zip said after the street and its town, with no cue of its own.
    ['and what is the address there', "it's forty one twelve galvez street new orleans seven oh one one seven", 'zip_code', '70117'],
    // Said, then spelled in a sentence of its own: one address, not the two run together.
    [
      'and the email for the receipt',
      'nell b at corner bakery dot com. n e l l b, at, corner, bakery, dot com.',
      'email',
      'nellb@cornerbakery.com',
    ],
    ['what email is on there', "it's marsh. m a r s h. tess dot marsh at email dot com. that's the one", 'email', 'tess.marsh@email.com'],
    ['what zip is that going to', 'nine eight one oh two dash one one one one', 'zip_code', '98102'],
    ['your date of birth please', 'oh two, fourteen, nineteen seventy nine', 'date', '1979-02-14'],
    ['when did you order it', 'the second of may twenty twenty six', 'date', '2026-05-02'],
    ['when were you born', 'nineteen eighty two, october the ninth', 'date', '1982-10-09'],
    ['when did you buy it', 'two thousand twenty four, um, february, the third', 'date', '2024-02-03'],
    ['what was the date on it', 'it says 04/11/2025, so april eleventh', 'date', '2025-04-11'],
    ['and a callback number', 'seven one eight, five five five, and the last four are two two one oh', 'phone', '+17185552210'],
    ['how much was the couch', 'it was about three grand', 'amount', '3000.00 USD'],
    // The cents said after the dollars, a rough sum then the exact one, thousands written with commas.
    ['how much was it', 'one hundred and sixty dollars. and fifteen cents', 'amount', '160.15 USD'],
    ['how much was it', 'roughly forty... okay exactly, forty one dollars ten cents', 'amount', '41.10 USD'],
    ['how much was it', '2,318.40 on the statement', 'amount', '2318.40 USD'],
    ['how much did they take', 'two times, sixty four dollars with thirty', 'amount', '64.30 USD'],
    ['zip?', 'four one five oh two', 'zip_code', '41502'],
    // Several sums in one answer: the one answered with, a refinement of it, or the one after a repair.
    ['how much was it', 'it was ninety four fifty, and the shipping was another twelve dollars', 'amount', '94.50 USD'],
    ['how much was it', 'fifty something, fifty six twenty i think', 'amount', '56.20 USD'],
    ['how much did they charge', 'eleven forty, and then a five dollar fee, so the total came to sixteen forty', 'amount', '16.40 USD'],
    ['how much was the jacket', 'seventy five in size twelve', 'amount', '75.00 USD'],
    ['zip code for the shipment', 'nine eight one two two', 'zip_code', '98122'],
    ['could i grab a number', 'sure, three oh three five five five oh one two two', 'phone', '+13035550122'],
    // A fragment naming a kind of value asks for it, with no determiner before it.
    ['number to reach you', "yeah it's uh eight one eight five five five oh one sixty six got it?", 'phone', '+18185550166'],
    // A user name with a digit begun and said again as the number it started; talk before it is no part of it.
    ['and your username', 'username is m c joseph five... fifty', 'username', 'mcjoseph50'],
    ['the username please', "it's actually h kowalczyk one", 'username', 'hkowalczyk1'],
    // The day said with its year in digits, then again without it: the year stands.
    ['can i get your birth date', "yeah it's oh two, oh nine, nineteen ninety one. february ninth", 'date', '1991-02-09'],
    ['how much was it', 'forty one, forty one dollars', 'amount', '41.00 USD'],
    ['can i get the customer number', 'k as in kilo, l, seven seven four two', 'account_id', 'KL7742'],
    ['what is your member id', 'b r nine nine three one', 'account_id', 'BR9931'],
    ['who am i speaking with', 'this is grace, grace adeyemi, a d e y e m i', 'customer_name', 'Grace Adeyemi'],
    // What a caller calls the agent, and an interjection, are no name.
    ['can i take your name', "ah howay man, i've just done all this with the robot. kevin robson", 'customer_name', 'Kevin Robson'],
    ['your name please', 'bro, come on. it is dwayne carter', 'customer_name', 'Dwayne Carter'],
    ['and your name', 'last name is moreau, first name claire', 'customer_name', 'Claire Moreau'],
    ['what email can we use', 'j o e double l at mail dot com', 'email', 'joell@mail.com'],
    ['what email is on the account', 'zed a r a dot k at outlook dot com', 'email', 'zara.k@outlook.com'],
    ['what email should i send it to', 'it is ben at mail dot com no sorry ben at post dot com', 'email', 'ben@post.com'],
    ['and your email', 'the letter k, then the word fisher, at outlook dot com', 'email', 'kfisher@outlook.com'],
    // Spelled providers and labels, NATO words across pauses, letter case said aloud, glosses after "with".
    ['and your email', 'dana dot reyes at g mail. yeah g mail', 'email', 'dana.reyes@gmail.com'],
    ['what email is on the account', 'it is t o m at a o l dot com', 'email', 'tom@aol.com'],
    ['and the email', 'marie hyphen claire, m a r i e, c l a i r e, at free dot f r', 'email', 'marie-claire@free.fr'],
    ['and the email', 'lena dot vogt at web dot d e, w as in whiskey, e, b', 'email', 'lena.vogt@web.de'],
    ['email please', 'papa, oscar, romeo, tango, then two two, at outlook dot com', 'email', 'port22@outlook.com'],
    ['what email do you use', 'capital d capital k, smith s m i t h, at yahoo dot com', 'email', 'dksmith@yahoo.com'],
    ['and your email', 'nico r with no dot, all one word, at icloud dot com', 'email', 'nicor@icloud.com'],
    ['what email should we use', 'bryce with a y, b r y c e, then the numbers eight one, at gmail dot com', 'email', 'bryce81@gmail.com'],
    ['and your email', 'k t h o m a s, the k is for my middle name kate, at live dot com', 'email', 'kthomas@live.com'],
    ['email address?', 'it is the usual one, l as in lima, e, e, then 7. and it is at gmail dot com', 'email', 'lee7@gmail.com'],
    // The pieces of the local part come from the sentence that says it, not from talk sentences before it.
    [
      'and the email',
      'yes, the same model, a hub four, by courier. the tracking goes to kev robson seventy one at email dot com',
      'email',
      'kevrobson71@email.com',
    ],
    ['and the email', 'm-ortiz at hotmail dot com. m dash ortiz. o r t i z', 'email', 'm-ortiz@hotmail.com'],
    [
      'the email for the receipt',
      'sales at blue fern studio dot com, all one word, and the part before is just s a l e s',
      'email',
      'sales@bluefernstudio.com',
    ],
    ['and your email', "it's rollerkidd, that's kid spelled k i d d, at yahoo dot com", 'email', 'rollerkidd@yahoo.com'],
    ['what email should we use', 'write down orders at the garden shed dot com', 'email', 'orders@thegardenshed.com'],
    ['and the email', 'it is m as in mike, a, x, at m a x p r i n t s dot co', 'email', 'max@maxprints.co'],
    ['and the email', "tlee at gmail dot com, wait, no, it's t dot lee, with a dot", 'email', 't.lee@gmail.com'],
    // Said in pieces between pauses: restatements, glosses, comments and talk around the address add nothing.
    ['and the email', "yeah it's rowan dot pike, like the fish, p i k e, at outlook dot com", 'email', 'rowan.pike@outlook.com'],
    ['and the email', 'i use the shop one, g r as in romeo, e t a, greta, then b a k e s, at mail dot com', 'email', 'gretabakes@mail.com'],
    [
      'and the email',
      'ok so h like hotel, then moreno no space, m o r e n o, then dot k, at live dot com dot mx',
      'email',
      'hmoreno.k@live.com.mx',
    ],
    ['and the email', 'tee why el ee ar nine at gee mail dot com', 'email', 'tyler9@gmail.com'],
    ['and the email', "it's lena dot m at fastmail dot com, l e n a dot m", 'email', 'lena.m@fastmail.com'],
    ['and the email', 'rohit dot k at the rate yahoo dot co dot in', 'email', 'rohit.k@yahoo.co.in'],
    ['and the email', 'i think i used sam dot ortiz at icloud dot com', 'email', 'sam.ortiz@icloud.com'],
    ['and the email', 'its info at, um, the bakery site, sweet crumbs, dot com', 'email', 'info@sweetcrumbs.com'],
    ['and when did it arrive', 'today, about an hour ago', 'date', '2026-06-15'],
    // A word and its own spelling said once, ASR's sound-alikes of a provider, the sign written alone, hyphened
    // spellings, a stutter, a glossed letter said again, "the number", "no" before a noun, the parts named.
    ['and the email', 'okay so it is bruno b r u n o dot silva s i l v a at sapo dot p t', 'email', 'bruno.silva@sapo.pt'],
    ['and the email', 'tanya dot ross at g male dot com', 'email', 'tanya.ross@gmail.com'],
    // The spelling said before its word, with a doubled letter, or a letter off the word as heard: said once, as spelled.
    ['and the email', 's r i n i v a s srinivas then dot then iyer at rediffmail dot com', 'email', 'srinivas.iyer@rediffmail.com'],
    ['and the email', 'w dot mcallister m c a double l i s t e r at verizon dot net', 'email', 'w.mcallister@verizon.net'],
    ['and the email', 'its cahlie c a r l i e dot m at comcast dot net', 'email', 'carlie.m@comcast.net'],
    ['and the email', 'its ann a n n at gmail dot com', 'email', 'ann@gmail.com'],
    [
      'and the email',
      'h for hotel b for bravo r for romeo o for oscar w for whiskey n for november then the number 1 9 4 8 at example dot net',
      'email',
      'hbrown1948@example.net',
    ],
    ['and the email', 'kofi b @ yahoo.com', 'email', 'kofib@yahoo.com'],
    ['and the email', 'l-u-i-s-dot-m at g-mail dot com', 'email', 'luis.m@gmail.com'],
    ['and the email', 'dana dot lee at, at outlook dot com', 'email', 'dana.lee@outlook.com'],
    ['and the email', 'nora dot p, p as in paul not t as in tom, at aol dot com', 'email', 'nora.p@aol.com'],
    ['and the email', 'the letter k, then walsh, then the number seven, at cox dot net', 'email', 'kwalsh7@cox.net'],
    ['and the email', "it's m.ferreira@icloud.com, no hyphen in it", 'email', 'm.ferreira@icloud.com'],
    ['and the email', 'before the at it is just ada, a d a, and the domain is um q u i l l dot i o', 'email', 'ada@quill.io'],
    // The ending said without its dot; the underscore called a line under.
    ['and the email', 'quick, its rjames at fastmail com', 'email', 'rjames@fastmail.com'],
    ['and the email', 'k underline osei at email dot com', 'email', 'k_osei@email.com'],
    // Digits the recogniser wrote as words ("ate", "to") beside other digits; "capital j, jackson"; "at symbol";
    // a letter said again as "the letter".
    ['what email did you use', 'jen ate one to at icloud dot com', 'email', 'jen812@icloud.com'],
    ['what email did you use', 'l white the number to at gmail dot com', 'email', 'lwhite2@gmail.com'],
    ['what email did you use', 'Capital J Jackson capital T Tran at msn dot com', 'email', 'jacksontran@msn.com'],
    [
      'what email did you use',
      'eddie underscore b, then nineteen forty, at symbol, earthlink dot net',
      'email',
      'eddie_b1940@earthlink.net',
    ],
    [
      'what email did you use',
      'chukwuemeka, c h u k w u e m e k a, dot o, just the letter o, at gmail dot com',
      'email',
      'chukwuemeka.o@gmail.com',
    ],
    ['what email did you use', 'send it to maria at gmail dot com', 'email', 'maria@gmail.com'],
    // A name the agent reads back, put right by the caller; a fragment asking for it with a clause saying which.
    [
      'I have ann murray, is that correct',
      "no, it's anne-marie, a n n e dash marie, and the last name's kowalczyk, k o w a l c z y k",
      'customer_name',
      'Anne-Marie Kowalczyk',
    ],
    [
      'i have the account under katherine reyes, with a k?',
      "it's with a c, catherine, c a t h e r i n e, and reyes-moreno",
      'customer_name',
      'Catherine Reyes-Moreno',
    ],
    ['i see priya nair, right?', 'yes', 'customer_name', 'Priya Nair'],
    // Said unasked, a street ends in any of the usual suffixes.
    ['where should it go', 'forty one coldwell mount please', 'street_address', '41 Coldwell Mount'],
    ['and your name exactly as it reads on your id', 'khaled al-masri, a l dash m a s r i', 'customer_name', 'Khaled Al-Masri'],
  ])('%s / %s → %s %s', (agent, customer, fact, value) => {
    expect(answer(agent, customer)[fact]).toBe(value);
  });

  it.each<[string, string, string, string]>([
    // Several questions answered in one turn: each value in its own slot.
    [
      'can i get your name and your account id',
      'sure, winona vance, and the account id is q t four, r m nine',
      'customer_name',
      'Winona Vance',
    ],
    ['can i get your name and your account id', 'sure, winona vance, and the account id is q t four, r m nine', 'account_id', 'QT4RM9'],
    // Spelled codes: glosses, case words, joiners and repairs.
    ['what is the account id', 'v for victor, c for charlie, four four two nine', 'account_id', 'VC4429'],
    ['what is the account id', 'capital b, lower case k, then the number seven, seven, one, zero', 'account_id', 'BK7710'],
    ['what is the account id', 'f like frank, w, three, three, and then a t, eight', 'account_id', 'FW33T8'],
    ['what is the account id', 'g as in golf, then n, no, m as in mike, five five two one', 'account_id', 'GM5521'],
    ['what is the account id', 'r t, r as in romeo, t as in tango, six one one nine', 'account_id', 'RT6119'],
    ['what is the account id', 'r six, r six, then p, then two two. r six r six p two two', 'account_id', 'R6R6P22'],
    ['what is the account id', 'dee vee seven seven one, ess, i said ess', 'account_id', 'DV771S'],
  ])('%s / %s → %s %s', (agent, customer, fact, value) => {
    expect(answer(agent, customer)[fact]).toBe(value);
  });

  it.each<[string, string, string, string]>([
    ['and your username', 'oh, my username. is it, um, t vance eighty one?', 'username', 'tvance81'],
    ['can i confirm your username', "it's p morrow, underscore, writes", 'username', 'pmorrow_writes'],
  ])('handles: %s / %s → %s %s', (agent, customer, fact, value) => {
    expect(answer(agent, customer)[fact]).toBe(value);
  });

  it.each<[string, string, string]>([
    // A phone number read out in pieces: the area code last, the rest named, a group said twice or again whole,
    // a group put right, an extension after it.
    ['and a good number for you', 'five five five, oh one three three, and the area code would be seven one eight', '+17185550133'],
    ['best number to reach you', 'three one two, and then the rest of it is five five five oh one six one', '+13125550161'],
    ['what number should i use', 'four oh four. four oh four. then five five five. then oh one two, oh one two seven', '+14045550127'],
    ['and a callback number', '503 555 0119, no sorry, 0191', '+15035550191'],
    ['how can we reach you', 'my cell is six one nine five five five oh one eight eight, extension two one', '+16195550188'],
    ['is there a direct line for you', 'seven seven three five five five oh one four six', '+17735550146'],
    [
      "what's the number for the shop",
      'it is nine one nine, five five five... oh one... seventy two. sorry. oh one seven two',
      '+19195550172',
    ],
  ])('phone in pieces: %s / %s → %s', (agent, customer, value) => {
    expect(answer(agent, customer).phone).toBe(value);
  });

  it.each<[string, string, string, string]>([
    // Any number asked for, put together the same way: a digit word beside digits, a restart, a zip with its +4.
    ['and the zip code', 'six oh six, one, tree', 'zip_code', '60613'],
    ['what is the zip', 'four, null, sorry, zero two one seven', 'zip_code', '40217'],
    ['zip code please', 'three oh three oh nine four four one two', 'zip_code', '30309'],
    ['and your zip', 'six oh to one five', 'zip_code', '60215'],
    ['and your zip', 'for seven oh one oh', 'zip_code', '47010'],
    // A digit said twice in a row is a double, not a restatement.
    ['what is the order number', 'order number is 7 7 3 1 0 9 8 2 4 5', 'order_id', '7731098245'],
  ])('number in pieces: %s / %s → %s %s', (agent, customer, fact, value) => {
    expect(answer(agent, customer)[fact]).toBe(value);
  });

  it('digits another value of the turn holds are no pieces of the number asked for', () => {
    expect(answer('and the zip code, and the amount', 'the amount was $189.50').zip_code).toBeUndefined();
  });

  it('the rest of a number the agent began, and an ending put right after a read-back', () => {
    expect(answer("i've got two oh six, five five five, and then?", 'oh one three eight').phone).toBe('+12065550138');
    expect(answer('so that is four one five, five five five, oh one two nine?', 'no, oh one nine two, you had it jumbled').phone).toBe(
      '+14155550192',
    );
    // Without a correction the caller's digits are not an ending put right.
    expect(answer('so that is four one five, five five five, oh one two nine?', 'yes and the order was oh one nine two').phone).not.toBe(
      '+14155550192',
    );
  });

  it('"the code that came with it" is no identifier of the caller', () => {
    expect(answer('do you have the code that came with the email', 'yes, w e l c o m e one five').account_id).toBeUndefined();
  });

  it('a word said is not a code: "yes, that is correct" after a read-back is no account id', () => {
    expect(answer('your account id is b k four four one, is that right', 'yes, that is correct').account_id).toBeUndefined();
    expect(answer('what is the account id', 'the customer id, hang on').account_id).toBeUndefined();
  });

  it('price groups in a sentence about paying are an amount', () => {
    const understanding = new CallUnderstanding(demoPack.facts, undefined, { callDate: '2026-06-15' });
    understanding.onTurn({ index: 0, atMs: 0, speaker: 'agent', text: "it's an extra twenty-four ninety-five for the express option" });
    expect(understanding.heard.find((fact) => fact.name === 'amount')?.value).toBe('24.95 USD');
  });

  it('a spelling with trailing-off pauses is one id', () => {
    expect(answer('can you read me your account id', 'H, T, six, N... two, W, Q, eight... Z, B.').account_id).toBe('HT6N2WQ8ZB');
  });

  it("a membership said without the apostrophe ASR drops is the caller's own", () => {
    const understanding = new CallUnderstanding(demoPack.facts, undefined, { callDate: '2026-06-15' });
    understanding.onTurn({ index: 0, atMs: 0, speaker: 'customer', text: 'so im gold right now and i want to know about shipping' });
    expect(understanding.heard.find((fact) => fact.name === 'membership_level')?.value).toBe('gold');
  });

  it('a code of another kind read out is not the amount asked for', () => {
    expect(answer('how much is the plan', 'fourteen ninety nine and the promo code was save ten')).toMatchObject({ amount: '14.99 USD' });
  });

  it("the answer to a security question is not the caller's name", () => {
    expect(answer("what's your mother's maiden name", 'Hargreaves').customer_name).toBeUndefined();
  });
});

describe('a package value the caller puts right', () => {
  function withPackage(facts: Array<[string, string]>, turns: Array<['agent' | 'customer', string]>) {
    return Object.fromEntries(replayWithPackage(facts, turns).heard.map((fact) => [fact.name, fact]));
  }

  it.each<[string, Array<[string, string]>, Array<['agent' | 'customer', string]>, string, string | undefined]>([
    [
      "a level said as the caller's own",
      [['membership_level', 'silver']],
      [
        ['agent', 'I see silver here.'],
        ['customer', "Silver? No. I'm gold, have been for years."],
      ],
      'membership_level',
      'gold',
    ],
    [
      'the other value beside a denied one',
      [['payment_method', 'credit card']],
      [['customer', "it's not a credit card it's a debit card"]],
      'payment_method',
      'debit card',
    ],
    [
      'a read-back without its question mark, put right, the wished-for value beside it',
      [['amount', '64.00 USD']],
      [
        ['agent', "i see you're calling about the price on the jeans, sixty four dollars, that right"],
        ['customer', 'eighty four. eight four. not sixty four, man, i wish it was sixty four'],
      ],
      'amount',
      '84.00 USD',
    ],
    [
      'the year put right after a read-back that counted it from the call',
      [['date', '2025-05-28']],
      [
        ['agent', 'i see you returned the boots on may twenty eighth of last year, is that'],
        ['customer', 'last year? no no. this year. two thousand twenty six, the twenty eight of may'],
      ],
      'date',
      '2026-05-28',
    ],
    [
      'a date the AI had, set against the right one',
      [['date', '2026-03-04']],
      [['customer', 'the bot told me march fourth but my letter says the fourteenth of march']],
      'date',
      '2026-03-14',
    ],
    [
      'an amount the AI kept saying',
      [['amount', '38.00 USD']],
      [['customer', 'it was eighty three dollars. the robot kept saying thirty eight']],
      'amount',
      '83.00 USD',
    ],
  ])('%s', (_, facts, turns, name, value) => {
    const fact = withPackage(facts, turns)[name];
    expect(fact?.value).toBe(value);
    expect(fact?.contradictedBy).toBeDefined();
  });

  it('another date said by its shape after the package one is about something else', () => {
    const fact = withPackage(
      [['date', '2026-06-17']],
      [
        [
          'customer',
          'the delivery, it come on the seventeen, wednesday, in the morning. but I cannot go to door in morning. I have the surgery, the hip, one week ago',
        ],
      ],
    ).date;
    expect(fact).toMatchObject({ value: '2026-06-17' });
    expect(fact?.contradictedBy).toBeUndefined();
  });

  it('two amounts said in passing are not a correction of the package', () => {
    const fact = withPackage(
      [['amount', '40.00 USD']],
      [['customer', 'I paid forty dollars for the boots and then twenty five for the belt']],
    ).amount;
    expect(fact?.contradictedBy).toBeUndefined();
  });
});

describe('the caller says again what the package had', () => {
  function repeatsOf(facts: Array<[string, string]>, turns: Array<['agent' | 'customer', string]>) {
    return replayWithPackage(facts, turns).repeated.map((repeat) => `${repeat.turnIndex}:${repeat.factName}`);
  }

  it.each<[string, Array<[string, string]>, Array<['agent' | 'customer', string]>, string[]]>([
    [
      'a level the agent just said, echoed',
      [['membership_level', 'silver']],
      [
        ['agent', 'okay, I can see you are a silver member with us'],
        ['customer', 'silver, yes, for two years now'],
      ],
      ['1:membership_level'],
    ],
    [
      'the end of the order number, to point at it',
      [['order_id', '4417209385']],
      [
        ['agent', 'which order is it about?'],
        ['customer', 'the one ending nine three eight five'],
      ],
      ['1:order_id'],
    ],
    [
      'the last four of the phone',
      [['phone', '+13125550147']],
      [['customer', 'my number, the last four are zero one four seven']],
      ['0:phone'],
    ],
    [
      'a day said alone at the start of a sentence, of the package date',
      [['date', '2026-06-19']],
      [
        ['agent', 'we can do it on the day you move'],
        ['customer', 'nineteenth is fine. and what about the router?'],
      ],
      ['1:date'],
    ],
    [
      'a product named by its brand alone, or with a misheard letter',
      [['product', 'tommy hilfiger shirt']],
      [
        ['agent', 'hi, how can I help'],
        ['customer', 'the tommy hilfinger, her skin get very red'],
        ['agent', 'I am sorry'],
        ['customer', 'yeah like three of the tommy hilfiger shirts and i only clicked one'],
      ],
      ['1:product', '3:product'],
    ],
    [
      "an email's name part said whole to the agent who just read the address back",
      [['email', 'mtorvald77@email.com']],
      [
        ['agent', 'the receipt goes to m torvald seven seven at email dot com, is that still good'],
        ['customer', "that's me, m torvald seven seven"],
      ],
      ['1:email'],
    ],
    [
      'an id read back, said whole and denied, is no repeat',
      [['zip_code', '32405']],
      [
        ['agent', 'the zip code the assistant took down was three two four oh five'],
        ['customer', "three two four oh five? no no that's not right"],
      ],
      [],
    ],
    [
      'a list value the agent read back, echoed as a question and denied, is no repeat',
      [['membership_level', 'silver']],
      [
        ['agent', 'i can see you are a silver member, is that right'],
        ['customer', 'silver? no no. that changed last year'],
      ],
      [],
    ],
    [
      'another brand is no repeat of the package product',
      [['product', 'tommy hilfiger shirt']],
      [['customer', 'i usually buy calvin klein anyway']],
      [],
    ],
    [
      'an amount said back bare to the agent who just named it',
      [['amount', '99.00 USD']],
      [
        ['agent', 'I can see two charges of ninety-nine dollars this month.'],
        ['customer', 'Yes. Two times ninety-nine. I only have one subscription.'],
      ],
      ['1:amount'],
    ],
    [
      'an amount pointed at in a request tells nothing',
      [['amount', '64.00 USD']],
      [
        ['agent', 'I am flagging this as suspected fraud.'],
        ['customer', "Can't the automated thing just refund the sixty-four now and be done?"],
      ],
      [],
    ],
    [
      'an ending that is not the package value is no repeat',
      [['order_id', '4417209385']],
      [['customer', 'the one ending seven seven one']],
      [],
    ],
  ])('%s', (_, facts, turns, repeats) => {
    expect(repeatsOf(facts, turns)).toEqual(repeats);
  });
});

describe('catalogue and list values named unasked', () => {
  let northwind: DomainPack;
  beforeAll(async () => {
    northwind = await requireDomainPack(NORTHWIND_PACK_DIR);
  });
  function heardIn(pack: () => DomainPack, speaker: 'agent' | 'customer', text: string): Record<string, string> {
    const understanding = new CallUnderstanding(pack().facts, undefined, { callDate: '2026-06-15' });
    understanding.onTurn({ index: 0, atMs: 0, speaker, text });
    return Object.fromEntries(understanding.heard.map((fact) => [fact.name, fact.value]));
  }

  it.each<[string, 'agent' | 'customer', string, string, string | undefined]>([
    ['a made-up product name', 'agent', "right, I'll turn SafeSurf on for the whole house", 'addon', 'safe_surf'],
    ['a model with its number', 'customer', 'my daughter has the pixel nine and loves it', 'device', 'pixel_9'],
    ['a name of three words or more', 'agent', 'the World Roam Day Pass covers the States', 'addon', 'world_roam_pass'],
    ["the fact's own word is no value", 'customer', 'i need a new sim card', 'device', undefined],
    ['a common word alone is no value', 'customer', 'the disc on the shelf is blinking', 'device', undefined],
    // A postcode's letters and digits are a shape only the postcode takes.
    ['a postcode said unasked', 'customer', "it's C V six, four L B", 'postcode', 'CV6 4LB'],
    ['a postcode closing an address', 'customer', 'forty one Coldwell Mount, N E six, five S J', 'postcode', 'NE6 5SJ'],
    ['a spelled word is no postcode', 'customer', 'it said e r r o r', 'postcode', undefined],
  ])('%s: %s', (_, speaker, text, fact, value) => {
    expect(heardIn(() => northwind, speaker, text)[fact]).toBe(value);
  });

  it.each<[string, string, string | undefined]>([
    // Asked which plan, a number only one value is named by names it; a sum or a number no value has does not.
    ['nine hundred i think', 'broadband_plan', 'full_fibre_900'],
    ['the thirty, with the roaming', 'mobile_plan', 'sim_only_30gb'],
    ['i pay thirty pounds for it', 'mobile_plan', undefined],
    ['two hundred', 'broadband_plan', undefined],
  ])('asked for the plan: %s → %s %s', (answer, fact, value) => {
    const understanding = new CallUnderstanding(northwind.facts, undefined, { callDate: '2026-06-15' });
    understanding.onTurn({
      index: 0,
      atMs: 0,
      speaker: 'agent',
      text: fact === 'mobile_plan' ? 'and which mobile plan are you on' : 'which broadband package do you have',
    });
    understanding.onTurn({ index: 1, atMs: 1, speaker: 'customer', text: answer });
    expect(understanding.heard.find((heard) => heard.name === fact)?.value).toBe(value);
  });

  it('asked for an id whose pattern opens with its own letters, its digits said alone are that id', () => {
    const understanding = new CallUnderstanding(northwind.facts, undefined, { callDate: '2026-06-15' });
    understanding.onTurn({ index: 0, atMs: 0, speaker: 'agent', text: 'can i take your account number' });
    understanding.onTurn({ index: 1, atMs: 1, speaker: 'customer', text: 'seven zero four eight three one six two' });
    expect(understanding.heard.find((heard) => heard.name === 'account_number')?.value).toBe('NW70483162');
  });

  it('of two phone facts, the one whose label the caller names takes the number', () => {
    const understanding = new CallUnderstanding(northwind.facts, undefined, { callDate: '2026-06-15' });
    understanding.onTurn({ index: 0, atMs: 0, speaker: 'agent', text: "which number is it that's lost its signal" });
    understanding.onTurn({
      index: 1,
      atMs: 1,
      speaker: 'customer',
      text: 'my mobile, oh seven seven double oh, nine double oh, four one two',
    });
    expect(understanding.heard.find((heard) => heard.name === 'mobile_number')?.value).toBe('+447700900412');
    expect(understanding.heard.find((heard) => heard.name === 'phone')).toBeUndefined();
  });

  it('a level that is a common word counts only when it is the caller’s', () => {
    expect(heardIn(() => demoPack, 'customer', 'the gold buttons fell off').membership_level).toBeUndefined();
  });

  it.each<[string, string, string | undefined]>([
    // What the caller's money went on or came from is theirs.
    ['i see only the charge on my visa', 'payment_method', 'credit card'],
    ['it came out of my debit card twice', 'payment_method', 'debit card'],
    // "Each way" is no street.
    ['the service is a hundred dollars each way', 'street_address', undefined],
    ['i moved to 59 abbey way last month', 'street_address', '59 Abbey Way'],
  ])('%s: %s', (text, fact, value) => {
    expect(heardIn(() => demoPack, 'customer', text)[fact]).toBe(value);
  });
});

describe('several facts of one kind: the one named for the kind takes what no cue claims', () => {
  const schema = () =>
    new FactSchema({
      facts: [
        FactSpecSchema.parse({ name: 'date', label: 'Date', type: 'date', cues: ['date of loss'] }),
        FactSpecSchema.parse({ name: 'birth_date', label: 'Date of birth', type: 'date', cues: ['date of birth', 'born on'], pii: true }),
      ],
      catalogue: {},
      defaultRegion: 'US',
      currency: 'USD',
    });
  const heard = (text: string) => {
    const understanding = new CallUnderstanding(schema(), undefined, { callDate: '2026-06-15' });
    understanding.onTurn({ index: 0, atMs: 0, speaker: 'customer', text });
    return Object.fromEntries(understanding.heard.map((fact) => [fact.name, fact.value]));
  };

  it.each([
    ["the car's been sitting in the yard since the eighteenth of may", { date: '2026-05-18' }],
    ['she was born on october ninth two thousand nine', { birth_date: '2009-10-09' }],
  ])('%s', (text, facts) => {
    expect(heard(text)).toMatchObject(facts);
  });
});

describe("a rate and a sum: the rate's cue follows the sum it is the rate of", () => {
  const schema = () =>
    new FactSchema({
      facts: [
        FactSpecSchema.parse({ name: 'amount', label: 'Amount', type: 'amount', cues: ['refund', 'credit back'] }),
        FactSpecSchema.parse({ name: 'monthly_fee', label: 'Monthly fee', type: 'amount', cues: ['a month', 'per month', 'monthly fee'] }),
      ],
      catalogue: {},
      defaultRegion: 'US',
      currency: 'USD',
    });
  const heard = (speaker: 'agent' | 'customer', text: string) => {
    const understanding = new CallUnderstanding(schema(), undefined, { callDate: '2026-06-15' });
    understanding.onTurn({ index: 0, atMs: 0, speaker, text });
    return Object.fromEntries(understanding.heard.map((fact) => [fact.name, fact.value]));
  };

  it.each<[string, Record<string, string>]>([
    ['i pay forty two dollars a month for it', { monthly_fee: '42.00 USD' }],
    ['i can take half of a month off, that comes to twenty one dollars', { amount: '21.00 USD' }],
  ])('%s', (text, facts) => {
    const got = heard('customer', text);
    expect(got).toMatchObject(facts);
    expect(Object.keys(got)).toHaveLength(1);
  });
});

describe('several facts over one list of values: the words place each value', () => {
  const stations = ['Northgate', 'Harbor Point', 'Elm Street', 'Riverside'].map((label) => ({
    value: label.toLowerCase().replace(/ /g, '_'),
    label,
    aliases: [],
  }));
  const schema = () =>
    new FactSchema({
      facts: [
        FactSpecSchema.parse({
          name: 'start',
          label: 'From',
          type: 'catalogue',
          catalogue: 'stations',
          cues: ['boarding at', 'got on at', 'from'],
        }),
        FactSpecSchema.parse({
          name: 'end',
          label: 'To',
          type: 'catalogue',
          catalogue: 'stations',
          cues: ['going to', 'getting off at', 'heading to'],
        }),
      ],
      catalogue: { stations },
      defaultRegion: 'US',
      currency: 'USD',
    });
  const heard = (turns: Array<['agent' | 'customer', string]>) => {
    const understanding = new CallUnderstanding(schema(), undefined, { callDate: '2026-06-15' });
    turns.forEach(([speaker, text], index) => understanding.onTurn({ index, atMs: index * 1000, speaker, text }));
    return Object.fromEntries(understanding.heard.map((fact) => [fact.name, fact.value]));
  };

  it.each<[string, Array<['agent' | 'customer', string]>, Record<string, string>]>([
    ['"x to y"', [['customer', 'I took the northgate to riverside train this morning']], { start: 'northgate', end: 'riverside' }],
    [
      '"from x … into y"',
      [['customer', 'I came in from elm street and went on into harbor point']],
      { start: 'elm_street', end: 'harbor_point' },
    ],
    [
      'the nearest cue',
      [['customer', 'I got on at riverside, and I was getting off at northgate']],
      { start: 'riverside', end: 'northgate' },
    ],
    [
      'the question asked',
      [
        ['agent', 'and where were you heading to?'],
        ['customer', 'uh, harbor point'],
      ],
      { end: 'harbor_point' },
    ],
  ])('%s', (_, turns, facts) => {
    expect(heard(turns)).toEqual(facts);
  });

  it('gives a value nothing places to neither fact', () => {
    expect(heard([['customer', 'the riverside platform was packed']])).toEqual({});
  });
});

describe('an agent read-back that names no one', () => {
  it.each(['I have your order here, is that right', 'i see two charges, right?', 'it says delivered, is that correct'])('%s', (agent) => {
    expect(answer(agent, 'yes').customer_name).toBeUndefined();
  });
});

describe('an answer read whole as an email address', () => {
  it('names nobody with its words, though the question named the name too', () => {
    const heard = answer("I've got your name, now what's the email on the account?", 'lena b at harbor kitchens dot com');
    expect(heard.email).toBe('lenab@harborkitchens.com');
    expect(heard.customer_name).toBeUndefined();
  });
});

describe('an address said unasked, read again from the words', () => {
  function heard(speaker: 'agent' | 'customer', text: string): string | undefined {
    const understanding = new CallUnderstanding(demoPack.facts, undefined, { callDate: '2026-06-15' });
    understanding.onTurn({ index: 0, atMs: 0, speaker, text });
    return understanding.heard.find((fact) => fact.name === 'email')?.value;
  }
  it.each<[string, 'agent' | 'customer', string, string]>([
    [
      'talk before it ending in a preposition stays out',
      'agent',
      'within two business days, to dariush dot kamali at email dot com. is that the right address',
      'dariush.kamali@email.com',
    ],
    ['a conjunction ends it too', 'customer', 'i moved and so ruth dot lee at mail dot com is the new one', 'ruth.lee@mail.com'],
  ])('%s', (_, speaker, text, email) => {
    expect(heard(speaker, text)).toBe(email);
  });
});

describe('handles (user names) as answers', () => {
  it.each([
    ['and the username on the account', 'k lindqvist two', 'klindqvist2'],
    ['what username do you use', 'it is r, o, b, b, y, underscore, one, nine', 'robby_19'],
  ])('%s / %s → %s', (agent, customer, value) => {
    expect(answer(agent, customer).username).toBe(value);
  });

  it('reads the handle an agent reads back, not the talk around it', () => {
    expect(answer('is your username still j ortega', 'yes').username).toBe('jortega');
  });

  it('takes no everyday word answering something else for a handle', () => {
    expect(answer('I have your username here, would you like it by mail or by text?', 'Mail. Definitely mail.').username).toBeUndefined();
  });
});

describe('contractions written without their apostrophe', () => {
  it.each([
    ['whats the best number to reach you', "what's the best number to reach you"],
    ['Thats right, i dont have it', "That's right, i don't have it"],
    ['youre on the line ending four', "you're on the line ending four"],
    // Bare forms that are words of their own stay.
    ['its handle is loose and we were well', 'its handle is loose and we were well'],
    ['he lets the dog out', 'he lets the dog out'],
  ])('%j → %j', (said, meant) => {
    expect(withApostrophes(said)).toBe(meant);
  });

  it('reads a question and a confirmation written without apostrophes', () => {
    const understanding = new CallUnderstanding(demoPack.facts, undefined, { callDate: '2026-06-15' });
    understanding.onTurn({ index: 0, atMs: 0, speaker: 'agent', text: 'whats the order number on the receipt' });
    expect(understanding.expected).toContain('order_id');
    understanding.onTurn({ index: 1, atMs: 1, speaker: 'customer', text: 'its 782 044 391' });
    expect(understanding.heard.find((fact) => fact.name === 'order_id')?.value).toBe('782044391');
    expect(stanceOf('thats right yeah')).toBe('affirm');
    expect(stanceOf('thats wrong')).toBe('deny');
  });
});
