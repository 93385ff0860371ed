import { ValidationError } from '../shared/domain-error';
import { assertCharacters } from '../shared/characters';
import { codePointLength } from '../shared/text';

export const MAX_CONTENT_LENGTH = 10_000;

/**
 * A message's text: 1-10,000 Unicode code points, and not whitespace only, unless a file is
 * attached (then it may be empty, a caption is optional). The text is stored exactly as sent:
 * leading spaces and blank lines can matter in Markdown; only what characters.ts's `text` rule
 * forbids (U+0000 and the other C0 controls but tab and line breaks) is refused.
 */
export class MessageContent {
  private constructor(readonly value: string) {}

  static create(raw: string | null | undefined, options: { hasFile: boolean }): MessageContent {
    const value = raw ?? '';
    if (codePointLength(value) > MAX_CONTENT_LENGTH)
      throw invalid(`content must be at most ${MAX_CONTENT_LENGTH} characters`);
    if (value.trim() === '' && !options.hasFile) throw invalid('content must not be empty');
    assertCharacters(value, 'content', 'text');
    return new MessageContent(options.hasFile && value.trim() === '' ? '' : value);
  }
}

function invalid(message: string): ValidationError {
  return new ValidationError(message, { field: 'content' });
}
