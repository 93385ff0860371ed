import assert from 'node:assert/strict';
import { Message } from '../../../../src/domain/message/message.entity';
import { NewMessageInput } from '../../../../src/domain/message/new-message';
import { T0 } from '../../../support/builders/channel.builder';
import { aMessage } from '../../../support/builders/message.builder';

const LATER = new Date(T0.getTime() + 60_000);

function draft(overrides: Partial<NewMessageInput> = {}) {
  return Message.draft({
    channel_id: 'channel-1',
    user_id: 'alice',
    content: 'hi',
    parent: null,
    now: T0,
    ...overrides,
  });
}

describe('Message', () => {
  describe('draft', () => {
    it('defaults to text/plain with no file, parent or client id', () => {
      const message = draft();

      assert.deepEqual(
        [message.content_type, message.file_url, message.parent_id, message.client_message_id],
        ['text/plain', null, null, null],
      );
    });

    it('accepts markdown', () => {
      assert.equal(draft({ content_type: 'text/markdown' }).content_type, 'text/markdown');
    });

    it('allows empty content when a file is attached', () => {
      assert.equal(draft({ content: '', file_url: 'https://files.example/a.png' }).content, '');
    });

    it('accepts only http(s) file URLs of at most 2048 characters', () => {
      for (const file_url of [
        'javascript:alert(1)',
        'ftp://x.example/a',
        'not a url',
        `https://x.example/${'a'.repeat(2048)}`,
      ]) {
        assert.throws(() => draft({ file_url }), { code: 'validation_error' });
      }
    });

    it('accepts a client_message_id of 1-128 characters', () => {
      assert.equal(draft({ client_message_id: 'c'.repeat(128) }).client_message_id, 'c'.repeat(128));
      assert.throws(() => draft({ client_message_id: 'c'.repeat(129) }), { code: 'validation_error' });
      assert.throws(() => draft({ client_message_id: '' }), { code: 'validation_error' });
    });

    it('replies to a top-level message', () => {
      const parent = aMessage({ id: 7, channel_id: 'channel-1' });

      assert.equal(draft({ parent }).parent_id, 7);
    });

    it('puts a reply to a reply into the same thread', () => {
      const reply = aMessage({ id: 8, channel_id: 'channel-1', parent_id: 7 });

      assert.equal(draft({ parent: reply }).parent_id, 7);
    });

    it('refuses a parent from another channel as not found', () => {
      const parent = aMessage({ id: 7, channel_id: 'elsewhere' });

      assert.throws(() => draft({ parent }), { code: 'message_not_found' });
    });
  });

  describe('edit', () => {
    it('replaces the content and stamps edited_at', () => {
      const message = aMessage();

      message.edit('fixed', LATER);

      assert.equal(message.toPrimitives().content, 'fixed');
      assert.deepEqual(message.toPrimitives().edited_at, LATER);
    });

    it('applies the content rules', () => {
      assert.throws(() => aMessage().edit('  ', LATER), { code: 'validation_error' });
    });

    it('refuses a deleted message', () => {
      const message = aMessage();
      message.delete(LATER);

      assert.throws(() => message.edit('again', LATER), { code: 'conflict' });
    });
  });

  describe('delete', () => {
    it('leaves a tombstone in place', () => {
      const message = aMessage({ id: 3, seq: 2, file_url: 'https://x.example/f', parent_id: 1 });

      message.delete(LATER);

      const row = message.toPrimitives();
      assert.deepEqual([row.id, row.seq, row.parent_id, row.content, row.file_url], [3, 2, 1, '', null]);
      assert.deepEqual(row.deleted_at, LATER);
    });

    it('changes nothing the second time', () => {
      const message = aMessage();
      message.delete(LATER);

      assert.equal(message.delete(new Date(LATER.getTime() + 1)), false);
      assert.deepEqual(message.toPrimitives().deleted_at, LATER);
    });
  });
});
