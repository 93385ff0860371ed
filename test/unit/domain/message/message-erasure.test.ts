import assert from 'node:assert/strict';
import { eraseAuthor } from '../../../../src/domain/message/message-erasure';
import { T0 } from '../../../support/builders/channel.builder';
import { aMessage } from '../../../support/builders/message.builder';

const PSEUDONYM = 'erased-0123456789abcdef0123456789abcdef';
const NOW = new Date(T0.getTime() + 60_000);

describe('eraseAuthor', () => {
  const message = aMessage({
    user_id: 'bob',
    content: 'my address is …',
    file_url: 'https://files.example/bob.pdf',
    client_message_id: 'bob-phone-1',
    parent_id: 7,
  });

  describe('in tombstone mode', () => {
    it('empties the message, deletes it now and names the pseudonym as author', () => {
      const erased = eraseAuthor(message, PSEUDONYM, 'tombstone', NOW).toPrimitives();

      assert.deepEqual(erased, {
        ...message.toPrimitives(),
        user_id: PSEUDONYM,
        content: '',
        file_url: null,
        client_message_id: null,
        deleted_at: NOW,
      });
    });

    it('keeps the deletion time of a message deleted before', () => {
      const deleted = aMessage({ user_id: 'bob', content: '', deleted_at: T0 });

      assert.equal(eraseAuthor(deleted, PSEUDONYM, 'tombstone', NOW).toPrimitives().deleted_at, T0);
    });
  });

  describe('in anonymise mode', () => {
    it('keeps the content and file, and only the author and client id change', () => {
      const erased = eraseAuthor(message, PSEUDONYM, 'anonymise', NOW).toPrimitives();

      assert.deepEqual(erased, { ...message.toPrimitives(), user_id: PSEUDONYM, client_message_id: null });
    });
  });
});
