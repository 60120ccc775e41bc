/** Words after a number that make even a lone digit a number: percent and units of measure ("5 miles", "15%"). */
import { wordAt, type Token } from './tokens';

/** Token index after "percent" / "per cent" at `i`, or undefined. */
export function percentAt(tokens: readonly Token[], i: number, limit: number): number | undefined {
  const word = wordAt(tokens, i, limit);
  if (word === 'percent' || word === 'pct') return i + 1;
  if (word === 'per' && wordAt(tokens, i + 1, limit) === 'cent') return i + 2;
  return undefined;
}

// Measurement units only: durations ("two days") and counted things ("two kids") stay words.
const UNITS = new Set([
  'mile',
  'miles',
  'kilometer',
  'kilometers',
  'kilometre',
  'kilometres',
  'km',
  'meter',
  'meters',
  'metre',
  'metres',
  'foot',
  'feet',
  'inch',
  'inches',
  'yard',
  'yards',
  'centimeter',
  'centimeters',
  'cm',
  'millimeter',
  'millimeters',
  'mm',
  'kilogram',
  'kilograms',
  'kilo',
  'kilos',
  'kg',
  'kgs',
  'gram',
  'grams',
  'lb',
  'lbs',
  'ounce',
  'ounces',
  'oz',
  'liter',
  'liters',
  'litre',
  'litres',
  'gallon',
  'gallons',
  'gigabyte',
  'gigabytes',
  'gb',
  'gig',
  'gigs',
  'megabyte',
  'megabytes',
  'mb',
  'terabyte',
  'terabytes',
  'tb',
  'megabits',
  'mbps',
  'degree',
  'degrees',
  'volt',
  'volts',
  'watt',
  'watts',
  'amp',
  'amps',
  'mph',
  'ghz',
  'mhz',
  'milligram',
  'milligrams',
  'mg',
  'milliliter',
  'milliliters',
  'ml',
]);

export function isUnitAt(tokens: readonly Token[], i: number, limit: number): boolean {
  return isMeasureUnit(wordAt(tokens, i, limit));
}

/** Whether a word is a unit of measure ("gig", "miles"). */
export function isMeasureUnit(word: string | undefined): boolean {
  return word !== undefined && UNITS.has(word.toLowerCase());
}
