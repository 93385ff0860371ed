/**
 * Whether `content` mentions the user: `@<user_id>` not glued to a word before it, and followed by
 * the end, a space or punctuation (so `@bob` mentions bob, `@bobby` and `mail@bob.example` do not).
 * User ids are opaque strings, so the test is per participant rather than a parse of the content.
 */
export function mentions(content: string, userId: string): boolean {
  const needle = `@${userId}`;
  for (let at = content.indexOf(needle); at !== -1; at = content.indexOf(needle, at + 1)) {
    const before = at === 0 ? '' : content[at - 1];
    const after = content[at + needle.length] ?? '';
    if (!/[\p{L}\p{N}_]/u.test(before) && (after === '' || /[\s.,;:!?)\]}'"]/u.test(after))) return true;
  }
  return false;
}
