import { assertCharacters } from './characters';
import { ValidationError } from './domain-error';

/** Length in Unicode code points, so an emoji counts as one character, not two UTF-16 units. */
export function codePointLength(value: string): number {
  const surrogatePairs = value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  return value.length - surrogatePairs;
}

export interface TextRule {
  field: string;
  min?: number;
  max: number;
}

/**
 * Checks that the trimmed `raw` has between `min` (default 1) and `max` code points, all allowed in
 * a name (characters.ts, `line`), and returns the trimmed string.
 */
export function requireText(raw: string | null | undefined, rule: TextRule): string {
  if (raw === undefined || raw === null) {
    throw new ValidationError(`${rule.field} is required`, { field: rule.field });
  }
  const value = raw.trim();
  const length = codePointLength(value);
  const min = rule.min ?? 1;
  if (length < min || length > rule.max) {
    throw new ValidationError(`${rule.field} must be ${min}-${rule.max} characters`, {
      field: rule.field,
    });
  }
  assertCharacters(value, rule.field, 'line');
  return value;
}

/** Like requireText, but null and undefined are allowed and give null. */
export function optionalText(raw: string | null | undefined, rule: TextRule): string | null {
  return raw === undefined || raw === null ? null : requireText(raw, rule);
}
