import assert from 'node:assert/strict';
import { MessageView } from '../../../../src/application/views/message.view';
import { ChatScenario } from '../../../support/builders/chat-scenario';

describe('ListMessages', () => {
  let s: ChatScenario;
  let channelId: string;
  let sent: MessageView[];
  beforeEach(async () => {
    s = new ChatScenario();
    channelId = (await s.group('alice', ['bob'])).id;
    sent = await s.sendMany('alice', channelId, 5);
  });

  const ids = (results: MessageView[]) => results.map((m) => m.id);

  describe('without a cursor', () => {
    it('returns the latest page, ascending', async () => {
      const page = await s.useCases.listMessages.execute({ userId: 'bob', channelId, limit: 2 });

      assert.deepEqual(ids(page.results), [sent[3].id, sent[4].id]);
      assert.deepEqual([page.has_more_before, page.has_more_after], [true, false]);
    });

    it('defaults to 50 messages', async () => {
      const page = await s.useCases.listMessages.execute({ userId: 'bob', channelId });

      assert.equal(page.results.length, 5);
      assert.equal(page.has_more_before, false);
    });
  });

  it('pages backwards with before (exclusive)', async () => {
    const page = await s.useCases.listMessages.execute({
      userId: 'bob',
      channelId,
      before: sent[3].id,
      limit: 2,
    });

    assert.deepEqual(ids(page.results), [sent[1].id, sent[2].id]);
    assert.deepEqual([page.has_more_before, page.has_more_after], [true, true]);
  });

  it('pages forwards with after (exclusive)', async () => {
    const page = await s.useCases.listMessages.execute({
      userId: 'bob',
      channelId,
      after: sent[2].id,
      limit: 5,
    });

    assert.deepEqual(ids(page.results), [sent[3].id, sent[4].id]);
    assert.deepEqual([page.has_more_before, page.has_more_after], [true, false]);
  });

  it('pages forwards from the first message with after 0', async () => {
    const page = await s.useCases.listMessages.execute({ userId: 'bob', channelId, after: 0, limit: 2 });

    assert.deepEqual(ids(page.results), [sent[0].id, sent[1].id]);
    assert.deepEqual([page.has_more_before, page.has_more_after], [false, true]);
  });

  it('lists a thread’s replies with parent_id', async () => {
    const reply = await s.send('bob', channelId, 'reply', { parent_id: sent[0].id });

    const page = await s.useCases.listMessages.execute({ userId: 'bob', channelId, parent_id: sent[0].id });

    assert.deepEqual(ids(page.results), [reply.id]);
  });

  it('answers message_not_found for a bound from another channel', async () => {
    const other = await s.group('bob', []);
    const elsewhere = await s.send('bob', other.id);

    await assert.rejects(
      s.useCases.listMessages.execute({ userId: 'bob', channelId, before: elsewhere.id }),
      {
        code: 'message_not_found',
      },
    );
  });

  it('answers channel_not_found to a non-participant', async () => {
    await assert.rejects(s.useCases.listMessages.execute({ userId: 'zed', channelId }), {
      code: 'channel_not_found',
    });
  });
});
