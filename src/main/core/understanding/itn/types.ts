/** The public shapes of the ITN stage: one utterance in, its written form and a span map out. */

export type SpanKind =
  'cardinal' | 'ordinal' | 'decimal' | 'digits' | 'money' | 'percent' | 'year' | 'date' | 'time' | 'email' | 'url' | 'alnum';

export interface MoneyValue {
  /** Decimal amount as written, without the symbol: "75.63", "25". */
  amount: string;
  currency: 'USD' | 'GBP' | 'EUR' | (string & {});
}
export interface DateValue {
  year?: number;
  month?: number;
  day?: number;
}
export interface TimeValue {
  hour: number;
  minute: number;
  meridiem?: 'am' | 'pm';
}

/** What a tagger found: the kind, its written text and its typed value. Positions are added later. */
export type SpanReading =
  | { kind: 'cardinal' | 'ordinal' | 'decimal' | 'percent' | 'year'; value: number; groups?: string[] }
  | { kind: 'digits'; value: string; groups: string[] }
  | { kind: 'money'; value: MoneyValue; groups?: string[] }
  | { kind: 'date'; value: DateValue; groups?: string[] }
  | { kind: 'time'; value: TimeValue; groups?: string[] }
  | { kind: 'email' | 'url' | 'alnum'; value: string; groups?: string[] };

interface SpanPosition {
  /** [start, end) in `written`. */
  start: number;
  end: number;
  /** [start, end) in the input text. */
  spokenStart: number;
  spokenEnd: number;
  /** written[start, end) */
  text: string;
  /** True when the span was already written in the input (passed through unchanged). */
  passthrough?: boolean;
}

export type NormalizedSpan = SpanPosition & SpanReading;

export interface Normalized {
  spoken: string;
  written: string;
  spans: NormalizedSpan[];
}

export interface NormalizeOptions {
  /** Currency of a bare "cents" or "bucks" amount; USD when not given. */
  defaultCurrency?: string;
  /** The dialogue expects digits read out (a phone number was asked for): see RunOptions.soundAlikes. */
  digitsExpected?: boolean;
}

/** A tagger's result over tokens [first, end): the written text replaces them. */
export type Tag = SpanReading & { first: number; end: number; text: string; passthrough?: boolean };
