import { ValidationError } from '../shared/domain-error';
import { codePointLength } from '../shared/text';

/**
 * A user id: an opaque string from the host application, 1-128 characters. It is not trimmed:
 * the host application owns its format, we only refuse what cannot be an id.
 */
export class UserId {
  private constructor(readonly value: string) {}

  static create(raw: unknown, field = 'user_id'): UserId {
    if (typeof raw !== 'string' || raw.trim() === '' || codePointLength(raw) > 128) {
      throw new ValidationError(`${field} must be a string of 1-128 characters`, { field });
    }
    return new UserId(raw);
  }

  /** Validates and returns the plain string, which is what entities store. */
  static parse(raw: unknown, field = 'user_id'): string {
    return UserId.create(raw, field).value;
  }
}
