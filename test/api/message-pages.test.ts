import assert from 'node:assert/strict';
import type { MessageView } from '../../src/application/views/message.view';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

const TOTAL = 250;
const PAGE = 40;

describe('Walking a channel’s history page by page', () => {
  let api: TestApi;
  let bob: ChatClient;
  let channelId: string;
  let sent: number[];

  before(async () => {
    api = await startTestApi();
    const tenant = await api.createTenant(uniqueSlug('pages'));
    const alice = await ChatClient.as(api, tenant, 'alice');
    bob = await ChatClient.as(api, tenant, 'bob');
    channelId = (await alice.group(['bob'])).id;
    sent = await sendConcurrently(alice, channelId, TOTAL, 5);
  });
  after(() => api.stop());

  it(`walks back from the latest page with before= over all ${TOTAL} messages without duplicates or gaps`, async () => {
    const seen: MessageView[] = [];
    let res = await bob.get(`channels/${channelId}/messages/?limit=${PAGE}`);
    for (let guard = 0; guard < TOTAL; guard++) {
      seen.unshift(...res.body.results);
      if (!res.body.has_more_before) break;
      res = await bob.get(`channels/${channelId}/messages/?limit=${PAGE}&before=${res.body.results[0].id}`);
    }

    assert.deepEqual(
      seen.map((m) => m.id),
      sent,
    );
    assert.deepEqual(
      seen.map((m) => m.seq),
      Array.from({ length: TOTAL }, (_, i) => i + 1),
    );
  });

  it('walks forward from the first message with after= to the latest without duplicates or gaps', async () => {
    const seen: MessageView[] = [];
    let res = await bob.get(`channels/${channelId}/messages/?limit=${PAGE}&after=${sent[0]}`);
    for (let guard = 0; guard < TOTAL; guard++) {
      seen.push(...res.body.results);
      if (!res.body.has_more_after) break;
      res = await bob.get(
        `channels/${channelId}/messages/?limit=${PAGE}&after=${res.body.results.at(-1).id}`,
      );
    }

    assert.deepEqual(
      seen.map((m) => m.id),
      sent.slice(1),
    );
  });

  it('walks forward from nothing with after=0 (the reconnect recipe of a client that holds no message)', async () => {
    const seen: MessageView[] = [];
    let after = 0;
    for (let guard = 0; guard < TOTAL; guard++) {
      const res = await bob.get(`channels/${channelId}/messages/?after=${after}&limit=100`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      seen.push(...res.body.results);
      if (!res.body.has_more_after) break;
      after = res.body.results.at(-1).id;
    }

    assert.deepEqual(
      seen.map((m) => m.id),
      sent,
    );
  });

  it('answers the messages strictly between before= and after= when both are given', async () => {
    const res = await bob.get(`channels/${channelId}/messages/?after=${sent[9]}&before=${sent[15]}`);

    assert.deepEqual(
      res.body.results.map((m: MessageView) => m.id),
      sent.slice(10, 15),
    );
  });
});

/** Sends `count` messages with `concurrency` requests in flight; returns their ids in ascending order. */
async function sendConcurrently(client: ChatClient, channelId: string, count: number, concurrency: number) {
  const ids: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      ids.push((await client.send(channelId, `message ${n}`)).id);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ids.sort((a, b) => a - b);
}
