import { describe, expect, it } from 'vitest';
import { normalize, type NormalizedSpan } from '../../../../src/main/core/understanding/itn';

function spokenOf(spoken: string, span: NormalizedSpan): string {
  return spoken.slice(span.spokenStart, span.spokenEnd);
}

describe('ITN span map', () => {
  it('points each written span back at the words that were said, and at its place in the written text', () => {
    const spoken =
      'Hi, my order is six oh two, eight one seven and I paid $148 on march third at three thirty p m, email j o h n at gmail dot com.';
    const result = normalize(spoken);
    expect(result.spoken).toBe(spoken);
    expect(result.written).toBe('Hi, my order is 602817 and I paid $148 on March 3 at 3:30 pm, email john@gmail.com.');
    expect(result.spans.map((span) => [span.kind, span.text, spokenOf(spoken, span)])).toEqual([
      ['digits', '602817', 'six oh two, eight one seven'],
      ['money', '$148', '$148'],
      ['date', 'March 3', 'march third'],
      ['time', '3:30 pm', 'three thirty p m'],
      ['email', 'john@gmail.com', 'j o h n at gmail dot com'],
    ]);
    for (const span of result.spans) expect(result.written.slice(span.start, span.end)).toBe(span.text);
  });

  it('types each value by kind, with digit groups as said', () => {
    const [digits] = normalize('one forty nine ninety nine').spans;
    expect(digits).toMatchObject({ kind: 'digits', value: '14999', groups: ['1', '49', '99'] });
    const [phone] = normalize('six oh two, eight one seven, four four one seven').spans;
    expect(phone).toMatchObject({ kind: 'digits', value: '6028174417', groups: ['602', '817', '4417'] });
    expect(normalize('seventy five dollars sixty three').spans[0]).toMatchObject({
      kind: 'money',
      value: { amount: '75.63', currency: 'USD' },
    });
    expect(normalize('twelve euros fifty').spans[0]).toMatchObject({ kind: 'money', value: { amount: '12.50', currency: 'EUR' } });
    expect(normalize('two hundred and ten pounds').spans[0]).toMatchObject({ kind: 'money', value: { amount: '210', currency: 'GBP' } });
    expect(normalize('one forty nine ninety nine dollars').spans[0]).toMatchObject({
      kind: 'money',
      value: { amount: '149.99' },
      groups: ['1', '49', '99'],
    });
    expect(normalize('twenty twenty six').spans[0]).toMatchObject({ kind: 'year', value: 2026 });
    expect(normalize('july twenty fifth two thousand twelve').spans[0]).toMatchObject({
      kind: 'date',
      value: { year: 2012, month: 7, day: 25 },
    });
    expect(normalize('three thirty p m').spans[0]).toMatchObject({ kind: 'time', value: { hour: 3, minute: 30, meridiem: 'pm' } });
    expect(normalize("ten o'clock").spans[0]).toMatchObject({ kind: 'time', value: { hour: 10, minute: 0 } });
    expect(normalize('twenty third').spans[0]).toMatchObject({ kind: 'ordinal', value: 23 });
    expect(normalize('three point one four').spans[0]).toMatchObject({ kind: 'decimal', value: 3.14 });
    expect(normalize('fifteen percent').spans[0]).toMatchObject({ kind: 'percent', value: 15 });
    expect(normalize('a hundred and five').spans[0]).toMatchObject({ kind: 'cardinal', value: 105 });
    expect(normalize('JOHN at GMAIL dot COM').spans[0]).toMatchObject({ kind: 'email', value: 'john@gmail.com' });
    expect(normalize('k as in kilo nine two').spans[0]).toMatchObject({ kind: 'alnum', value: 'K92' });
    expect(normalize('w w w dot example dot com slash help').spans[0]).toMatchObject({ kind: 'url', value: 'www.example.com/help' });
  });

  it('reports already-written values as passthrough spans with the same typed values', () => {
    const spoken = 'Email dvukovic305@email.com, paid $148, call 555-0148 on 2026-03-02 re ORD-88123 at 3:30 pm, 15% off.';
    const result = normalize(spoken);
    expect(result.written).toBe(spoken);
    expect(result.spans.every((span) => span.passthrough === true)).toBe(true);
    expect(result.spans.map((span) => [span.kind, span.text])).toEqual([
      ['email', 'dvukovic305@email.com'],
      ['money', '$148'],
      ['digits', '555-0148'],
      ['date', '2026-03-02'],
      ['alnum', 'ORD-88123'],
      ['time', '3:30 pm'],
      ['percent', '15%'],
    ]);
    expect(result.spans[1]).toMatchObject({ value: { amount: '148', currency: 'USD' } });
    expect(result.spans[2]).toMatchObject({ value: '5550148', groups: ['555', '0148'] });
    expect(result.spans[3]).toMatchObject({ value: { year: 2026, month: 3, day: 2 } });
    expect(result.spans[5]).toMatchObject({ value: { hour: 3, minute: 30, meridiem: 'pm' } });
    // Spoken spans carry no passthrough flag at all.
    expect(normalize('twenty five dollars').spans[0]).not.toHaveProperty('passthrough');
  });

  it('joins written digit groups into one passthrough span when they are phone-length', () => {
    const spoken = 'my number is 415 555 0148, thanks';
    const [span] = normalize(spoken).spans;
    expect(span).toMatchObject({ kind: 'digits', value: '4155550148', groups: ['415', '555', '0148'], passthrough: true });
    expect(spokenOf(spoken, span!)).toBe('415 555 0148');
    expect(normalize('I have 2 kids and 3 dogs').spans.map((s) => s.kind)).toEqual(['cardinal', 'cardinal']);
  });

  it('keeps the words around a span exactly as they were, and leaves "the" outside a bare ordinal', () => {
    const spoken = 'So, UM, the twenty first works?';
    const result = normalize(spoken);
    expect(result.written).toBe('So, UM, the 21st works?');
    expect(spokenOf(spoken, result.spans[0]!)).toBe('twenty first');
    const date = normalize('the third of march, twenty twenty-six');
    expect(date.spans[0]).toMatchObject({
      spokenStart: 0,
      spokenEnd: 'the third of march, twenty twenty-six'.length,
      text: '3 March 2026',
    });
  });

  it('ends an email at its last domain label, and leaves the words before the local part alone', () => {
    const spoken = 'a confirmation to j o h n at gmail dot com ships tomorrow';
    const result = normalize(spoken);
    expect(result.written).toBe('a confirmation to john@gmail.com ships tomorrow');
    expect(spokenOf(spoken, result.spans[0]!)).toBe('j o h n at gmail dot com');
  });

  it('uses the default currency for bare cents', () => {
    expect(normalize('fifty cents', { defaultCurrency: 'EUR' }).written).toBe('€0.50');
    expect(normalize('fifty cents').spans[0]).toMatchObject({ value: { amount: '0.50', currency: 'USD' } });
  });

  it.each([
    // [spoken, desk currency, currency read]
    ['four hundred and eighty five dollars all up', 'AUD', 'AUD'],
    ['a hundred and ten bucks', 'CAD', 'CAD'],
    ['$148 on the card', 'NZD', 'NZD'],
    ['it was 95 dollars', 'SGD', 'SGD'],
    ['a dollar fifty', 'AUD', 'AUD'],
    ['forty two pounds', 'EGP', 'EGP'],
    ['fifty us dollars on my visa', 'CAD', 'USD'],
    ['twenty american dollars', 'AUD', 'USD'],
    ['forty two pounds', 'AUD', 'GBP'],
    ['twenty euros', 'CAD', 'EUR'],
    ['twenty five dollars', 'USD', 'USD'],
    ['twenty five dollars', 'GBP', 'USD'],
    ['$25', 'GBP', 'USD'],
    ['fifty cents', 'CAD', 'CAD'],
  ])('reads %j on a %s desk as %s', (spoken, desk, currency) => {
    const money = normalize(spoken, { defaultCurrency: desk }).spans.find((span) => span.kind === 'money');
    expect(money?.value).toMatchObject({ currency });
  });

  it('returns no spans and the same text for an empty or ordinary utterance', () => {
    expect(normalize('')).toEqual({ spoken: '', written: '', spans: [] });
    expect(normalize('   ')).toEqual({ spoken: '   ', written: '   ', spans: [] });
    expect(normalize('first of all, one question').spans).toEqual([]);
  });
});

describe('ITN on long input', () => {
  it('cuts a long text into pieces without changing the result: same written form and spans as each part alone', async () => {
    const { CASES } = await import('./itnCases');
    // A bar between cases keeps them from reading into each other; the cuts fall inside the filler words.
    const parts = Object.values(CASES)
      .flat()
      .map(([spoken]) => `${spoken} | and then the customer said |`);
    const spoken = parts.join(' ');
    expect(spoken.length).toBeGreaterThan(8192);
    const whole = normalize(spoken);
    expect(whole.written).toBe(parts.map((part) => normalize(part).written).join(' '));
    expect(whole.spans.length).toBe(parts.reduce((count, part) => count + normalize(part).spans.length, 0));
    for (const span of whole.spans) {
      expect(whole.written.slice(span.start, span.end)).toBe(span.text);
      expect(spoken.slice(span.spokenStart, span.spokenEnd).length).toBeGreaterThan(0);
    }
    // A span's spoken range still holds the words it came from, after the cut.
    const email = whole.spans.find((span) => span.kind === 'email' && span.value === 'john@gmail.com');
    expect(email && spoken.slice(email.spokenStart, email.spokenEnd)).toBe('john at gmail dot com');
  });

  it('keeps one long digit string whole when there is no ordinary word to cut at', () => {
    const result = normalize('one '.repeat(2_000).trim());
    expect(result.written).toBe('1'.repeat(2_000));
    expect(result.spans).toHaveLength(1);
  });
});

describe('ITN on degenerate input', () => {
  it('reads a long run of multipliers without recursing through it', () => {
    const text = 'double '.repeat(20_000).trim();
    expect(normalize(text).written).toBe(text);
    expect(normalize('double double five').written).toBe('double 55');
  });
});
