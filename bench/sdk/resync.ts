import { ChatClient } from '../../sdk/src';
import { CuttingProxy } from '../../test/sdk/support/cutting-proxy';
import { userToken } from '../../test/support/tokens';
import { pooled, type ChatHttp } from '../hot-paths/chat-http';
import { progress } from '../hot-paths/env';

export interface ResyncFigures {
  missed: number;
  /** From the network's return to the last missed message delivered: reconnect + catch-up. */
  sdkMs: number;
  /** From the SDK's `connected` to the last missed message delivered. */
  catchUpMs: number;
  pages: number;
  /**
   * The baseline: the same pages read with a bare fetch loop (`after=` until `has_more_after` is
   * false), before the SDK's catch-up (cold server caches) and after it (warm).
   */
  rawMs: { before: number; after: number };
  rawPages: number;
}

/**
 * An SDK client watches a channel through a proxy; the proxy goes down, `missed` messages are sent
 * over REST meanwhile, the proxy comes back: the time until the client has delivered all of them.
 * Then the same catch-up read with plain fetch, as the least any client has to do.
 */
export async function measureResync(apiUrl: string, owner: ChatHttp, reader: ChatHttp, missed: number) {
  const channelId = await owner.group([reader.userId], 'sdk resync');
  await owner.send(channelId, 'before the outage');
  const proxy = await CuttingProxy.start(Number(new URL(apiUrl).port));
  const client = new ChatClient({
    baseUrl: proxy.url,
    tenant: reader.tenant,
    token: () => userToken(reader.tenant, reader.userId, { expiresIn: 86_400 }),
    socket: {
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 100,
      randomizationFactor: 0,
    },
  });
  try {
    const channel = client.watch(channelId);
    await channel.once('synced');
    const { lastId } = channel.position;
    const disconnected = channel.once('disconnected');
    await proxy.down();
    await disconnected;
    progress(`sdk: ${missed} messages sent while a client is away`);
    await pooled(missed, 8, (i) => owner.send(channelId, `missed ${i}`).then(() => undefined));
    const rawBefore = await rawCatchUp(reader, channelId, lastId);
    let delivered = 0;
    const all = new Promise<void>((resolve) =>
      channel.on('message', () => ++delivered === missed && resolve()),
    );
    const connected = channel.once('connected').then(() => performance.now());
    const pagesBefore = channel.stats.pagesRead;
    const back = performance.now();
    await proxy.up();
    await all;
    const done = performance.now();
    const rawAfter = await rawCatchUp(reader, channelId, lastId);
    return {
      missed,
      sdkMs: done - back,
      catchUpMs: done - (await connected),
      pages: channel.stats.pagesRead - pagesBefore,
      rawMs: { before: rawBefore.ms, after: rawAfter.ms },
      rawPages: rawAfter.pages,
    } satisfies ResyncFigures;
  } finally {
    client.close();
    await proxy.down();
  }
}

async function rawCatchUp(reader: ChatHttp, channelId: string, after: number) {
  const started = performance.now();
  let pages = 0;
  for (let more = true; more;) {
    const reply = await reader.get(`channels/${channelId}/messages/?after=${after}&limit=100`);
    const results = reply.body.results as { id: number }[];
    pages += 1;
    after = results.at(-1)?.id ?? after;
    more = reply.body.has_more_after === true;
  }
  return { ms: performance.now() - started, pages };
}
