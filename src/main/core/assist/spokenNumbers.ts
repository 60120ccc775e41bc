/** Turns digits said as words ("four four oh", "double five") into digits, leaving other words alone. */
const DIGIT_WORDS: Record<string, string> = {
  zero: '0', oh: '0', o: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};

export function spokenDigitsToNumerals(text: string): string {
  const tokens = text.split(/(\s+|[,.;:!?-])/);
  const out: string[] = [];
  let pendingRepeat = 0;
  for (const token of tokens) {
    const word = token.toLowerCase();
    if (word === 'double' || word === 'triple') {
      pendingRepeat = word === 'double' ? 2 : 3;
      continue;
    }
    const digit = DIGIT_WORDS[word];
    if (digit !== undefined) {
      out.push(digit.repeat(pendingRepeat || 1));
      pendingRepeat = 0;
      continue;
    }
    if (pendingRepeat && /^\d$/.test(word)) {
      out.push(word.repeat(pendingRepeat));
      pendingRepeat = 0;
      continue;
    }
    out.push(token);
  }
  return out.join('');
}

/** Digit runs written with spaces, dashes or commas between groups ("6029 184 417") as one string each. */
export function digitRuns(text: string): string[] {
  const numerals = spokenDigitsToNumerals(text);
  const runs = numerals.match(/\d[\d\s,.-]*\d|\d/g) ?? [];
  return runs.map((run) => run.replace(/[\s,.-]/g, '')).filter((run) => run.length > 0);
}
