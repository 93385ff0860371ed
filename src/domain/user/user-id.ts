import { ValidationError } from '../shared/domain-error';
import { assertCharacters, forbiddenCharacter } from '../shared/characters';
import { codePointLength } from '../shared/text';

/**
 * A user id: an opaque string from the host application, 1-128 characters. It is not trimmed:
 * the host application owns its format, we only refuse what cannot be an id (blank, too long, or
 * holding a control character: characters.ts, `line`).
 */
export class UserId {
  private constructor(readonly value: string) {}

  static create(raw: string, field = 'user_id'): UserId {
    if (raw.trim() === '' || codePointLength(raw) > 128) {
      throw new ValidationError(`${field} must be a string of 1-128 characters`, { field });
    }
    assertCharacters(raw, field, 'line');
    return new UserId(raw);
  }

  /** Whether `raw` would make a UserId: a guard before `raw` is used in a lookup. */
  static isValid(raw: string): boolean {
    return raw.trim() !== '' && codePointLength(raw) <= 128 && forbiddenCharacter(raw, 'line') === null;
  }

  /** Validates and returns the plain string, which is what entities store. */
  static parse(raw: string, field = 'user_id'): string {
    return UserId.create(raw, field).value;
  }
}
