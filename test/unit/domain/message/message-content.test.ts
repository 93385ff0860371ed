import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_CONTENT_LENGTH, MessageContent } from '../../../../src/domain/message/message-content';

describe('MessageContent', () => {
  it('counts Unicode code points, so 10,000 emoji fit', () => {
    const emoji = '😀'.repeat(MAX_CONTENT_LENGTH);

    assert.equal(MessageContent.create(emoji, { hasFile: false }).value, emoji);
  });

  it('refuses 10,001 characters', () => {
    assert.throws(() => MessageContent.create('a'.repeat(MAX_CONTENT_LENGTH + 1), { hasFile: false }), {
      code: 'validation_error',
    });
  });

  it('refuses whitespace only without a file', () => {
    assert.throws(() => MessageContent.create(' \n\t ', { hasFile: false }), { code: 'validation_error' });
  });

  it('keeps the text exactly as sent', () => {
    assert.equal(MessageContent.create('  - item\n', { hasFile: false }).value, '  - item\n');
  });

  it('accepts any non-blank text of at most 10,000 code points', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== '');

    fc.assert(fc.property(text, (value) => MessageContent.create(value, { hasFile: false }).value === value));
  });
});
