/**
 * The understanding pipeline on short dialogues, for both packs: an agent's question, the caller's
 * answer, and what must be heard — typed by what it is, assigned by the dialogue, compared with the
 * package by type. Written as a table so a rule fitted to one wording shows up as a failing row.
 */
import { describe, expect, it } from 'vitest';
import { requireDomainPack } from '../../../../src/main/core/pack/domainPackLoader';
import { CallUnderstanding } from '../../../../src/main/core/understanding/callUnderstanding';
import { FactSchema } from '../../../../src/shared/facts';
import type { HandoffPackage } from '../../../../src/shared/handoffPackage';
import { demoPack, NORTHWIND_PACK_DIR } from '../../../support/demoPack';
import { minimalPackage } from '../../../support/minimalPackage';

const northwind = await requireDomainPack(NORTHWIND_PACK_DIR);

type Turn = ['agent' | 'customer', string];

const pkg = minimalPackage;

/** The demo pack's facts with more of the caller's own: a fact kind a test needs that the demo store has none of. */
function demoFactsWith(...facts: object[]): FactSchema {
  return new FactSchema({ ...demoPack.facts.source, facts: [...demoPack.facts.source.facts, ...(facts as never[])] });
}

function run(turns: Turn[], options: { pack?: typeof demoPack; package?: HandoffPackage; callDate?: string } = {}) {
  const understanding = new CallUnderstanding((options.pack ?? demoPack).facts, options.package, { callDate: options.callDate });
  turns.forEach(([speaker, text], index) => understanding.onTurn({ index, atMs: index, speaker, text }));
  return {
    facts: Object.fromEntries(understanding.heard.map((fact) => [fact.name, fact.value])),
    heard: understanding.heard,
    repeats: understanding.repeated,
  };
}

describe('understanding: values as a caller answers them (demo pack)', () => {
  it.each<[string, Turn[], Record<string, string>]>([
    [
      'spelled email with a spelled domain',
      [
        ['agent', "What's the email on the account?"],
        ['customer', "it's j o h n dot s m i t h at g mail dot com"],
      ],
      { email: 'john.smith@gmail.com' },
    ],
    [
      'email said in words',
      [
        ['agent', 'And your email?'],
        ['customer', 'sure, rasmus dot eklund at email dot com'],
      ],
      { email: 'rasmus.eklund@email.com' },
    ],
    [
      "an email whose name part is spelled again after it, with an 'i' among the letters",
      [
        ['agent', 'what email should I use?'],
        ['customer', 'b dot ritchie at fastmail dot com, r i t c h i e'],
      ],
      { email: 'b.ritchie@fastmail.com' },
    ],
    [
      'an email at a mail provider named without its ending',
      [
        ['agent', 'best email for you?'],
        ['customer', 'r o s a m 7 at yahoo'],
      ],
      { email: 'rosam7@yahoo.com' },
    ],
    [
      "an email said with 'point' and 'under score'",
      [
        ['agent', 'and the email address?'],
        ['customer', 'tariq under score b at outlook point com'],
      ],
      { email: 'tariq_b@outlook.com' },
    ],
    [
      'an email said whole, then its provider again',
      [
        ['agent', 'can I get your email?'],
        ['customer', 'it is nadia dot f at gmail dot com. so nadia dot f at gmail'],
      ],
      { email: 'nadia.f@gmail.com' },
    ],
    [
      'an email with a gloss on its underscores',
      [
        ['agent', 'and the email?'],
        ['customer', "m, o, underscore, underscore, that's two underscores, then 4, at gmail.com"],
      ],
      { email: 'mo__4@gmail.com' },
    ],
    [
      'already-written email',
      [
        ['agent', 'Email address please?'],
        ['customer', 'dvukovic305@email.com'],
      ],
      { email: 'dvukovic305@email.com' },
    ],
    [
      'phone in groups with oh',
      [
        ['agent', "What's the best number to reach you?"],
        ['customer', 'six one five, five five five, oh one one seven'],
      ],
      { phone: '+16155550117' },
    ],
    [
      'phone said with double',
      [
        ['agent', 'Can I get a callback number?'],
        ['customer', 'three one two double five five oh one four eight'],
      ],
      { phone: '+13125550148' },
    ],
    [
      'written phone',
      [
        ['agent', 'What number are you calling from?'],
        ['customer', '(312) 555-0148'],
      ],
      { phone: '+13125550148' },
    ],
    [
      'order number answering the question',
      [
        ['agent', 'Could you read me the order number?'],
        ['customer', 'Six oh two nine, one eight four, four one seven.'],
      ],
      { order_id: '6029184417' },
    ],
    [
      'amount in dollars and cents',
      [
        ['agent', 'How much were you charged?'],
        ['customer', 'seventy five dollars sixty three'],
      ],
      { amount: '75.63 USD' },
    ],
    [
      'price said in groups after how much',
      [
        ['agent', 'How much was it?'],
        ['customer', 'one forty nine ninety nine'],
      ],
      { amount: '149.99 USD' },
    ],
    [
      'full date with a spoken year',
      [
        ['agent', 'When did you place it?'],
        ['customer', 'july twenty fifth two thousand twelve'],
      ],
      { date: '2012-07-25' },
    ],
    [
      'day-first date with a spoken year',
      [
        ['agent', 'What date was that?'],
        ['customer', 'the third of march, twenty twenty-six'],
      ],
      { date: '2026-03-03' },
    ],
    [
      'zip said digit by digit',
      [
        ['agent', 'And the zip code?'],
        ['customer', 'six oh six one four'],
      ],
      { zip_code: '60614' },
    ],
    [
      'username spelled letter by letter',
      [
        ['agent', "What's your username?"],
        ['customer', 'E Y I L M A Z.'],
      ],
      { username: 'eyilmaz' },
    ],
    [
      'username with an underscore',
      [
        ['agent', 'Your username?'],
        ['customer', "it's t renner underscore 88"],
      ],
      { username: 'trenner_88' },
    ],
    [
      'name after an introduction',
      [
        ['agent', 'Who am I speaking with?'],
        ['customer', 'My name is Dana Okafor.'],
      ],
      { customer_name: 'Dana Okafor' },
    ],
    [
      'membership said of oneself',
      [
        ['agent', 'Which level are you?'],
        ['customer', "I'm gold, I think."],
      ],
      { membership_level: 'gold' },
    ],
  ])('%s', (_name, turns, expected) => {
    expect(run(turns).facts).toMatchObject(expected);
  });

  it.each<[string, Turn[], string[]]>([
    ['a promo code read out is not an account id', [['customer', 'The promo code was S A V E 2 0 and it did nothing.']], ['account_id']],
    [
      "offer talk about a level is not the caller's level",
      [['agent', 'Overnight shipping is free for gold members.']],
      ['membership_level'],
    ],
    ['"this is ridiculous" names nobody', [['customer', 'this is ridiculous, I have been waiting for an hour']], ['customer_name']],
    ['a time is not a date', [['agent', "You'll get a confirmation email in a minute."]], ['date']],
    ['a denied value is not heard', [['customer', "It's not gold. I'm bronze."]], []],
  ])('%s', (_name, turns, absent) => {
    const { facts } = run(turns);
    for (const name of absent) expect(facts[name], name).toBeUndefined();
  });
});

describe('understanding: compared with the package by type', () => {
  it('a caller restating a package value however said is a repeat, not a correction', () => {
    const result = run(
      [
        ['agent', "What's the best number for you?"],
        ['customer', 'Yes, it is six one five, five five five, oh one one seven.'],
      ],
      { package: pkg([], { phone: '+16155550117' }) },
    );
    expect(result.repeats).toEqual([{ turnIndex: 1, factName: 'phone' }]);
    expect(result.heard.find((fact) => fact.name === 'phone')?.contradictedBy).toBeUndefined();
  });

  it.each<[string, string, string, Array<{ turnIndex: number; factName: string }>]>([
    [
      'a pet name the package holds, said bare',
      'yes for mochi. the kennel needs the paper',
      'Mochi',
      [{ turnIndex: 1, factName: 'pet_name' }],
    ],
    ['a pet name said before its spelling', 'her name tangyuan, T A N G Y U A N', 'Tangyuan', [{ turnIndex: 1, factName: 'pet_name' }]],
    ['an everyday word for a name, said in lower case', 'he ate a biscuit off the counter', 'Biscuit', []],
    ['a name only inside a longer word', 'the mochiko flour bag', 'Mochi', []],
  ])('a second name fact the call holds, said again by the caller: %s', (_, said, petName, repeats) => {
    const withPet = demoFactsWith({ name: 'pet_name', label: 'Pet name', type: 'name', cues: ['pet name'] });
    const understanding = new CallUnderstanding(withPet, pkg([['pet_name', petName]], { name: 'Linh Tran' }), {});
    understanding.onTurn({ index: 0, atMs: 0, speaker: 'agent', text: 'hi linh, thanks for holding. what can I do for you?' });
    understanding.onTurn({ index: 1, atMs: 1, speaker: 'customer', text: said });
    expect(understanding.repeated).toEqual(repeats);
  });

  it.each<[string, string, string | undefined]>([
    ['said by the agent with no cue', "there's the k t seven oh one tomorrow morning, it has seats", 'KT701'],
    ['said by the caller with no cue', 'yeah i was booked on k t two sixty four', 'KT264'],
    ['letters the pattern does not open with', 'it was the b k two sixty four', undefined],
  ])('an id whose pattern opens with letters of its own says what it is: %s', (_, said, flight) => {
    const withFlight = demoFactsWith({
      name: 'flight_number',
      label: 'Flight number',
      type: 'id',
      pattern: '^KT\\d{2,4}$',
      cues: ['flight number'],
    });
    const understanding = new CallUnderstanding(withFlight, undefined, {});
    understanding.onTurn({ index: 0, atMs: 0, speaker: 'agent', text: 'okay, let me look at what else goes to toronto' });
    understanding.onTurn({ index: 1, atMs: 1, speaker: 'agent', text: said });
    expect(understanding.heard.find((fact) => fact.name === 'flight_number')?.value).toBe(flight);
  });

  it.each<[string, string | undefined]>([
    ["we'll refund it and it normally takes three to five working days to show", undefined],
    ['can we do three to five on thursday', 'slot_15_17'],
  ])('a list value said in numbers is no value when what the numbers count follows: %s', (said, slot) => {
    const withSlot = demoFactsWith({
      name: 'delivery_slot',
      label: 'Delivery slot',
      type: 'enum',
      cues: ['slot'],
      bareValues: true,
      values: [{ value: 'slot_15_17', label: '15:00-17:00', aliases: ['three to five', '3 to 5'] }],
    });
    const understanding = new CallUnderstanding(withSlot, undefined, {});
    understanding.onTurn({ index: 0, atMs: 0, speaker: 'agent', text: said });
    expect(understanding.heard.find((fact) => fact.name === 'delivery_slot')?.value).toBe(slot);
  });

  it("puts a list value right when the caller denies the agent's reading of it and names another", () => {
    const withPass = demoFactsWith({
      name: 'delivery_pass',
      label: 'Delivery pass',
      type: 'enum',
      cues: ['delivery pass'],
      values: [
        { value: 'anytime_monthly', label: 'Anytime monthly', aliases: ['monthly anytime', 'anytime monthly'] },
        { value: 'anytime_annual', label: 'Anytime annual', aliases: ['the yearly one', 'anytime annual', 'the annual one'] },
      ],
    });
    const understanding = new CallUnderstanding(withPass, pkg([['delivery_pass', 'anytime_monthly']]), {});
    understanding.onTurn({ index: 0, atMs: 0, speaker: 'agent', text: "i can see it's the monthly anytime pass, is that right" });
    understanding.onTurn({
      index: 1,
      atMs: 1,
      speaker: 'customer',
      text: "no it's not monthly, that's the whole point. it's the yearly one",
    });
    expect(understanding.heard.find((fact) => fact.name === 'delivery_pass')).toMatchObject({
      value: 'anytime_annual',
      packageValue: 'anytime_monthly',
    });
  });

  it('hears the street said again without the district after it as the address said again', () => {
    const result = run(
      [
        ['agent', 'can you give me the delivery address?'],
        ['customer', 'forty one rothbury terrace. heaton'],
      ],
      { pack: northwind, package: pkg([['street_address', '41 Rothbury Terrace, Heaton']]) },
    );
    expect(result.repeats).toEqual([{ turnIndex: 1, factName: 'street_address' }]);
    expect(result.heard.find((fact) => fact.name === 'street_address')?.contradictedBy).toBeUndefined();
  });

  it('takes no number after a street for its postcode when talk stands between', () => {
    const result = run([
      ['agent', 'and the address?'],
      ['customer', '12 main street and my order was 55512 dollars'],
    ]);
    expect(result.facts).toMatchObject({ street_address: '12 Main Street' });
    expect(result.facts.zip_code).toBeUndefined();
  });

  it('a read-back the caller confirms with a bare yes is neither a repeat nor a contradiction', () => {
    const result = run(
      [
        ['agent', 'I have your zip as six oh six one four, is that right?'],
        ['customer', 'Yes.'],
      ],
      { package: pkg([['zip_code', '60614']]) },
    );
    expect(result.repeats).toEqual([]);
    expect(result.heard.find((fact) => fact.name === 'zip_code')).toMatchObject({ value: '60614' });
  });

  it("a caller's correction of a misheard value shows both values and the turn", () => {
    const result = run(
      [
        ['agent', 'Your zip is six oh six one five?'],
        ['customer', 'No, six oh six one four, not six oh six one five.'],
      ],
      { package: pkg([['zip_code', '60615']]) },
    );
    expect(result.heard.find((fact) => fact.name === 'zip_code')).toMatchObject({
      value: '60614',
      packageValue: '60615',
      contradictedBy: 1,
    });
  });

  it('a near miss (two digits swapped) is a contradiction', () => {
    const result = run(
      [
        ['agent', 'Can you read me the order number?'],
        ['customer', 'Six oh two nine one eight four four seven one.'],
      ],
      { package: pkg([['order_id', '6029184417']]) },
    );
    expect(result.heard.find((fact) => fact.name === 'order_id')).toMatchObject({
      value: '6029184471',
      packageValue: '6029184417',
      contradictedBy: 1,
    });
  });

  it.each<[string, Turn[], string, string, boolean]>([
    [
      'the caller gives the id with two digits swapped, unasked and with no cue',
      [['customer', 'two six zero three four one seven nine zero zero. your robot told me it could not find it']],
      'order_id',
      '2603147900',
      true,
    ],
    [
      'the agent states the id found, two digits swapped from the package',
      [['agent', 'Okay, 7730481256, I see it, the assistant had the one and the eight flipped.']],
      'order_id',
      '7730418256',
      true,
    ],
    [
      "the agent's own read-back question one digit off is their slip, not the package put right",
      [
        ['customer', 'Four one five, five five five, oh two six oh.'],
        ['agent', 'Four one five, five five five, oh two six six?'],
      ],
      'phone',
      '+14155550260',
      false,
    ],
    [
      'an amount with two digits swapped',
      [['agent', "You're right, the balance is $142.60, not what the assistant had."]],
      'amount',
      '124.60 USD',
      true,
    ],
  ])('near miss: %s', (_name, turns, fact, packageValue, contradicted) => {
    const result = run(turns, { package: pkg([[fact, packageValue]]) });
    expect(result.heard.find((heard) => heard.name === fact)?.contradictedBy !== undefined).toBe(contradicted);
  });

  it("a phone one digit off the package's mobile number is that number put right (typed, not by fact name)", () => {
    const understanding = new CallUnderstanding(northwind.facts, pkg([['mobile_number', '+447700900543']], { phone: '+447700900111' }), {});
    understanding.onTurn({
      index: 0,
      atMs: 0,
      speaker: 'agent',
      text: "And the number you're bringing over, I've got oh seven seven oh oh, nine oh oh, five four three.",
    });
    understanding.onTurn({
      index: 1,
      atMs: 1,
      speaker: 'customer',
      text: "nah. it's five three four. oh seven seven double oh nine double oh five three four.",
    });
    expect(understanding.heard.find((fact) => fact.name === 'mobile_number')).toMatchObject({ value: '+447700900534', contradictedBy: 1 });
  });

  it('a partial correction of a read-back replaces the part the caller names', () => {
    const result = run(
      [
        ['agent', 'I have joao dot pereira eight six at gmail dot com. Is that right?'],
        ['customer', 'No, no. Eight eight. Not eight six.'],
      ],
      { package: pkg([['email', 'joao.pereira86@gmail.com']]) },
    );
    expect(result.heard.find((fact) => fact.name === 'email')).toMatchObject({ value: 'joao.pereira88@gmail.com', contradictedBy: 1 });
  });

  it('the first name alone is the same person, not a contradiction', () => {
    const result = run(
      [
        ['agent', 'Who am I speaking with?'],
        ['customer', 'My name is Dana.'],
      ],
      { package: pkg([], { name: 'Dana Okafor' }) },
    );
    expect(result.heard.find((fact) => fact.name === 'customer_name')?.contradictedBy).toBeUndefined();
  });

  it('another amount said in passing is kept without calling the package wrong', () => {
    const result = run([['customer', 'The shipping was five dollars on top of it.']], { package: pkg([['amount', '94.00 USD']]) });
    expect(result.heard.find((fact) => fact.name === 'amount')?.contradictedBy).toBeUndefined();
  });
});

describe('understanding: the same engine on the second pack', () => {
  it.each<[string, Turn[], Record<string, string>]>([
    [
      'account number read letter by letter',
      [
        ['agent', 'Can I take your account number?'],
        ['customer', 'N W one two three four five six seven eight'],
      ],
      { account_number: 'NW12345678' },
    ],
    [
      'UK mobile with oh and double',
      [
        ['agent', "What's the mobile number?"],
        ['customer', 'oh seven seven double oh, nine double oh, one two three'],
      ],
      { mobile_number: '+447700900123' },
    ],
    [
      'amount in pounds and pence',
      [
        ['agent', 'How much is on the bill?'],
        ['customer', 'forty two pounds fifty'],
      ],
      { amount: '42.50 GBP' },
    ],
    [
      'a British flat numbered before the house, and a street with its point of the compass',
      [
        ['agent', 'And the address?'],
        ['customer', "right it's flat two forty four earlsdon avenue south"],
      ],
      { street_address: 'Flat 2, 44 Earlsdon Avenue South' },
    ],
    [
      'a street named for a saint, written the way addresses are',
      [
        ['agent', 'And the address?'],
        ['customer', 'thirty eight saint marks road'],
      ],
      { street_address: '38 St Marks Road' },
    ],
  ])('%s', (_name, turns, expected) => {
    expect(run(turns, { pack: northwind }).facts).toMatchObject(expected);
  });

  it('compares addresses however their words are written, long or short', () => {
    const facts = northwind.facts;
    expect(facts.equal('street_address', '38 Saint Marks Road', '38 St. Marks Rd')).toBe(true);
    expect(facts.equal('street_address', 'Flat 2, 44 Earlsdon Avenue South', 'flat 2 44 earlsdon ave s')).toBe(true);
    expect(facts.equal('street_address', '38 St Marks Road', '36 St Marks Road')).toBe(false);
  });
});

describe('the package put right by both parties, and names that are someone else’s', () => {
  it("is a contradiction when the agent sides with the caller's value", () => {
    const result = run(
      [
        ['agent', 'what does the bill say?'],
        ['customer', 'it says fifty two forty, not what your robot said'],
        ['agent', "you're right, it's fifty two dollars forty, the assistant had it muddled"],
      ],
      { package: pkg([['amount', '42.50 USD']]) },
    );
    expect(result.heard.find((fact) => fact.name === 'amount')).toMatchObject({ value: '52.40 USD', packageValue: '42.50 USD' });
  });

  it('puts a package value right when the caller denies the part of it the agent just said', () => {
    const result = run(
      [
        ['agent', "i see you've run out of data on the line ending five six two"],
        [
          'customer',
          'five two six it ends five two six not five six two the whole number is oh seven seven double oh nine double oh five two six',
        ],
      ],
      { pack: northwind, package: pkg([['mobile_number', '+447700900562']], { phone: '+447700900526' }) },
    );
    expect(result.heard.find((fact) => fact.name === 'mobile_number')).toMatchObject({
      value: '+447700900526',
      packageValue: '+447700900562',
    });
  });

  it("is a contradiction when the agent says the caller's value differs from the record", () => {
    const result = run(
      [
        ['agent', 'what does your statement show as the balance?'],
        ['customer', 'fifty two dollars forty'],
        ['agent', "fifty two forty, okay, that's different from what we have on the account"],
      ],
      { package: pkg([['amount', '42.50 USD']]) },
    );
    expect(result.heard.find((fact) => fact.name === 'amount')).toMatchObject({ value: '52.40 USD', packageValue: '42.50 USD' });
  });

  it('is a contradiction when the caller denies a list value by its first word and names another', () => {
    const result = run([['customer', "the robot kept saying Calvin. it's not the Calvin one, it's the Guess jacket"]], {
      package: pkg([['product', 'calvin klein jacket']]),
    });
    expect(result.heard.find((fact) => fact.name === 'product')).toMatchObject({
      value: 'guess jacket',
      packageValue: 'calvin klein jacket',
    });
  });

  it('is no contradiction when the agent only repeats another sum the caller named', () => {
    const result = run(
      [
        ['agent', 'and the shirt?'],
        ['customer', 'the shirt was twenty dollars'],
        ['agent', 'twenty dollars for the shirt, got it'],
      ],
      { package: pkg([['amount', '45.00 USD']]) },
    );
    expect(result.heard.find((fact) => fact.name === 'amount')?.contradictedBy).toBeUndefined();
  });

  it("does not take a name given to someone else for the caller's", () => {
    const result = run(
      [
        ['agent', 'was that account in your name?'],
        ['customer', "no, it's in her name, Gloria Banks, I just paid it"],
      ],
      { package: pkg([], { name: 'Tyrell Banks' }) },
    );
    expect(result.facts.customer_name).toBe('Tyrell Banks');
    expect(result.heard.find((fact) => fact.name === 'customer_name')?.contradictedBy).toBeUndefined();
  });
});

describe('a value the call holds says which fact of its kind it is', () => {
  it('asked for "the number on his phone", the mobile number the package holds is that fact, said again', () => {
    const result = run(
      [
        ['agent', "i'm sorry, that's horrible to find. just so i know which line, what's the number on his phone"],
        ['customer', "it's oh seven seven oh oh nine oh oh... three oh one"],
      ],
      { pack: northwind, package: pkg([['mobile_number', '+447700900301']]) },
    );
    expect(result.facts).toMatchObject({ mobile_number: '+447700900301' });
    expect(result.facts.phone).toBeUndefined();
    expect(result.repeats).toEqual([{ turnIndex: 1, factName: 'mobile_number' }]);
  });

  it('a number the call does not hold goes to the fact asked for', () => {
    const result = run(
      [
        ['agent', "what's the best number to call you back on"],
        ['customer', "it's oh seven seven oh oh nine oh oh six eight eight"],
      ],
      { pack: northwind, package: pkg([['mobile_number', '+447700900301']]) },
    );
    expect(result.facts).toMatchObject({ phone: '+447700900688', mobile_number: '+447700900301' });
  });
});
