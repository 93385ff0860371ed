/*
 * The words a message is found by, and a query looks for: letters and digits, lower-cased, accents
 * removed (NFKD then combining marks dropped: "Café" and "cafe" are one word), each once. Words of one
 * character and a short list of English stop words are left out: they would match most messages and
 * make every search slow without narrowing it. Matching is by whole word.
 */

/** Most distinct words indexed per message (the first ones): a 10,000-character text stays cheap. */
export const MAX_TERMS_PER_MESSAGE = 500;
/** Longer words are cut here (a URL or a hash is still found by its start). */
export const MAX_TERM_LENGTH = 40;

const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have he her his i in is it its me my of on or our she so that the their them there they this to was we were what when which who will with you your'.split(
    ' ',
  ),
);

/** The distinct searchable words of a text, in order of first appearance. */
export function searchTerms(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  const terms = new Set<string>();
  for (const word of words ?? []) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    terms.add(word.slice(0, MAX_TERM_LENGTH));
    if (terms.size === MAX_TERMS_PER_MESSAGE) break;
  }
  return [...terms];
}
