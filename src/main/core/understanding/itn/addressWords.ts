/** Vocabulary of spoken addresses: top-level domains and the words that never belong to an address. */

const TLDS = new Set([
  'com', 'net', 'org', 'edu', 'gov', 'mil', 'int', 'io', 'co', 'uk', 'us', 'ca', 'au', 'nz', 'ie', 'de', 'fr', 'es', 'it', 'nl', 'be',
  'ch', 'at', 'se', 'no', 'dk', 'fi', 'pl', 'pt', 'br', 'mx', 'in', 'jp', 'cn', 'kr', 'ru', 'za', 'ai', 'app', 'dev', 'info', 'biz',
  'me', 'tv', 'ly', 'gg', 'xyz', 'online', 'site', 'store', 'shop', 'tech', 'cloud', 'email', 'help', 'support',
]);

/** TLDs in a web address said without an "at"; the country codes that are also English words are left out. */
const URL_TLDS = new Set([
  'com', 'net', 'org', 'edu', 'gov', 'io', 'co', 'uk', 'ca', 'au', 'nz', 'ie', 'de', 'fr', 'es', 'nl', 'ch', 'se', 'dk', 'fi', 'pl',
  'br', 'mx', 'jp', 'cn', 'kr', 'ru', 'za', 'ai', 'app', 'dev', 'info', 'biz', 'tv', 'ly', 'gg', 'xyz',
]);

export function isKnownTld(label: string): boolean {
  return TLDS.has(label);
}

export function isUrlTld(label: string): boolean {
  return URL_TLDS.has(label);
}

/**
 * Words that end the local part of an email when scanning back from "at" ("my email is john at …",
 * "send a confirmation to j o h n at …"), and that never start a domain or a web address.
 */
const NOT_ADDRESS_WORDS = new Set([
  'is', 'was', "it's", 'its', 'it', 'to', 'at', 'me', 'my', 'your', 'his', 'her', 'our', 'their', 'email', 'e-mail', 'address', 'mail',
  'send', 'sent', 'the', 'an', 'and', 'or', 'from', 'for', 'use', 'using', 'try', 'reach', 'contact', 'be', 'under', 'on', 'with',
  'as', 'that', "that's", 'this', 'here', 'yes', 'yeah', 'okay', 'ok', 'sure', 'so', 'um', 'uh', 'er', 'erm', 'ah', 'hmm', 'just',
  'please', 'account', 'registered', 'of', 'by', 'via', 'go', 'visit', 'website', 'site', 'page', 'in', 'into', 'onto', 'now', 'then',
  "i'm", 'am', 'are', 'we', 'you', 'they', 'he', 'she', 'if', 'but', 'not', 'also', 'should', 'would', 'could', 'will', 'can', 'did',
  'do', 'does', 'has', 'have', 'had', 'there', 'what', 'where', 'which', 'who', 'how', 'when', 'called', 'name', 'named', 'like',
  'said', 'says', 'say', 'told', 'tell', 'wrote', 'write', 'give', 'gave', 'reply', 'replied',
]);

export function isNotAddressWord(word: string): boolean {
  return NOT_ADDRESS_WORDS.has(word);
}

/** Joiners said inside an address, and what they write. */
export const ADDRESS_JOINERS: Record<string, string> = {
  dash: '-', hyphen: '-', underscore: '_', plus: '+', minus: '-',
};
