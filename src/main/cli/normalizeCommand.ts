/**
 * `cli normalize [--json] [--currency CODE] [--digits]`: reads utterances from stdin, one per line, and prints the
 * written form of each (or `{spoken, written, spans}` per line with --json); `--currency` is the desk's
 * currency, that bare "dollars" and "cents" are read in (USD when not given); `--digits` reads each line as the
 * answer to a phone number asked for, where a digit's sound-alike ("to", "for") is a digit (NormalizeOptions.digitsExpected). Output is written through the stream's
 * backpressure and the command resolves only once stdout has taken everything, so a pipe gets it all.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { normalize } from '../core/understanding/itn';

export async function normalizeCommand(
  json: boolean,
  defaultCurrency?: string,
  input: Readable = process.stdin,
  output: Writable = process.stdout,
  options: { digitsExpected?: boolean } = {},
): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    const result = normalize(line, { defaultCurrency, digitsExpected: options.digitsExpected === true });
    const text = `${json ? JSON.stringify(result) : result.written}\n`;
    if (!output.write(text)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
  }
  await flush(output);
  return 0;
}

/** Resolves when everything written so far has been handed to the OS. */
function flush(output: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    output.write('', (error) => (error ? reject(error) : resolve()));
  });
}
