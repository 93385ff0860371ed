import type { Socket } from 'socket.io-client';
import type { CountedApp, OperationCost } from './counted-app';
import { ChatHttp } from './chat-http';
import { progress, setting } from './env';
import { channelOf, member, online, type InboxUser } from './fixtures';
import { connectSocket } from './sockets';

/** One operation's costs over its repetitions. */
export interface CountRow {
  operation: string;
  costs: OperationCost[];
}

interface Hooks {
  /** Not counted: runs before each repetition (e.g. a send, so that mark_read has something to read). */
  before?: () => Promise<unknown>;
  /** Not counted: runs after each repetition (e.g. a disconnect). */
  after?: () => Promise<unknown>;
}

/** Users online in every counted channel (presence + chat sockets): publishes may go to them only. */
const ONLINE = 5;

/**
 * §1's command counts, each operation repeated BENCH_COUNT_REPEATS times (default 3) after a warm-up
 * (first-use work such as model compilation is not per operation): send_message into 50 and 500
 * members, mark_read, GET channels/ and centralized/ for a user in 10 and in 1,000 channels, and a
 * socket connect to /ws/chat/{id} (first, then again with the same user).
 */
export async function measureCounts(
  app: CountedApp,
  tenant: string,
  inboxes: { small: InboxUser; large: InboxUser },
): Promise<CountRow[]> {
  const repeats = setting('BENCH_COUNT_REPEATS', 3);
  const rows: CountRow[] = [];
  const sockets: Socket[] = [];
  try {
    const c50 = await channelOf(app.url, tenant, 50);
    const c500 = await channelOf(app.url, tenant, 500);
    const users = Array.from({ length: ONLINE }, (_, i) => member(i));
    sockets.push(...(await online(app.url, tenant, users, [c50.channelId, c500.channelId])));
    progress(`counts: channels of 50 and 500 members, ${ONLINE} members online`);
    const times = async (operation: string, run: () => Promise<unknown>, hooks: Hooks = {}) => {
      const costs: OperationCost[] = [];
      for (let i = -1; i < repeats; i++) {
        if (hooks.before) await app.measure(hooks.before);
        const started = performance.now();
        const { cost } = await app.measure(run); // i = -1: the warm-up, not counted
        if (i >= 0) costs.push(cost);
        if (performance.now() - started > 5_000) progress(`counts: ${operation}, ${i + 2}/${repeats + 1}`);
        if (hooks.after) await app.measure(hooks.after);
      }
      rows.push({ operation, costs });
      progress(`counts: ${operation}`);
    };
    const sendInto = (c: typeof c50) => async () => expectOk(await c.owner.send(c.channelId));
    await times('send_message, 50 members', sendInto(c50));
    await times('send_message, 500 members', sendInto(c500));
    const reader = await ChatHttp.as(app.url, tenant, member(1));
    await times(
      'mark_read, 50 members',
      async () => expectOk(await reader.post(`channels/${c50.channelId}/mark_read/`, {})),
      { before: sendInto(c50) },
    );
    for (const [label, inbox] of [
      ['10', inboxes.small],
      ['1,000', inboxes.large],
    ] as const) {
      await times(`GET channels/, user in ${label} channels`, async () =>
        expectOk(await inbox.user.get('channels/')),
      );
      await times(`GET centralized/, user in ${label} channels`, async () =>
        expectOk(await inbox.user.get('centralized/')),
      );
    }
    let socket: Socket | undefined;
    const disconnect = { after: async () => socket?.disconnect() };
    let visitors = ONLINE;
    const connectAs = async (userId: string) => {
      const { token } = await ChatHttp.as(app.url, tenant, userId);
      socket = await connectSocket(app.url, `/ws/chat/${c50.channelId}`, token);
    };
    await times(
      'socket connect to /ws/chat/{id}, a new user',
      () => connectAs(member(++visitors)),
      disconnect,
    );
    await times(
      'socket connect to /ws/chat/{id}, the same user again',
      () => connectAs(member(20)),
      disconnect,
    );
  } finally {
    for (const s of sockets) s.disconnect();
  }
  return rows;
}

function expectOk(reply: { status: number; body: unknown }): void {
  if (reply.status >= 300) throw new Error(`unexpected ${reply.status}: ${JSON.stringify(reply.body)}`);
}
