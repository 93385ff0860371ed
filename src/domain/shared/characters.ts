import { ValidationError } from './domain-error';

/**
 * Which characters a stored string may hold (docs/api.md, "Characters"):
 * - `text`, free text over several lines (message content): anything but the C0 controls other than
 *   tab, line feed and carriage return (U+0000 above all: PostgreSQL, under FerretDB, refuses it and
 *   the write fails), and lone surrogates, which UTF-8 cannot encode (the driver would silently store
 *   U+FFFD instead);
 * - `line`, a name, an id or a key (channel and tenant names, user ids, context fields,
 *   client_message_id, URLs, token claims): no control character at all (C0, DEL, C1: a line break
 *   in a name or an escape sequence in an id is never meant), no noncharacter (U+FFFE, U+FFFF …),
 *   no lone surrogate.
 */
export type CharacterRule = 'text' | 'line';

const FORBIDDEN: Record<CharacterRule, RegExp> = {
  // Matching control characters is this rule's purpose.
  // eslint-disable-next-line no-control-regex
  text: /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|\p{Cs}/u,
  line: /[\p{Cc}\p{Cs}\p{NChar}]/u,
};

const ALLOWED: Record<CharacterRule, string> = {
  text: 'no control characters but tab and line breaks, no lone surrogates',
  line: 'no control characters, noncharacters or lone surrogates',
};

/** The first character `value` may not hold under `rule`, as `U+XXXX`; null when there is none. */
export function forbiddenCharacter(value: string, rule: CharacterRule): string | null {
  const found = FORBIDDEN[rule].exec(value);
  if (!found) return null;
  return `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Throws a ValidationError naming `field` when `value` holds a character `rule` forbids. */
export function assertCharacters(value: string, field: string, rule: CharacterRule): void {
  const found = forbiddenCharacter(value, rule);
  if (found === null) return;
  throw new ValidationError(`${field} must not contain ${found} (${ALLOWED[rule]})`, { field });
}
