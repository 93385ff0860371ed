import { assertCharacters } from '../shared/characters';
import { ValidationError } from '../shared/domain-error';

const MAX_LENGTH = 2048;

/** An attachment link: an absolute http(s) URL of at most 2048 characters, or null. */
export function fileUrlOf(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null) return null;
  if (raw.length > MAX_LENGTH || !isHttpUrl(raw)) {
    throw new ValidationError('file_url must be an http(s) URL of at most 2048 characters', {
      field: 'file_url',
    });
  }
  // Stored as sent, not as URL normalizes it: a control character is refused, not percent-encoded.
  assertCharacters(raw, 'file_url', 'line');
  return raw;
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
