import type { ChatHttp } from './chat-http';
import { setting } from './env';
import type { InboxUser } from './fixtures';
import { percentile } from './stats';

export interface ReadTimes {
  /** GET channels/{id}/messages/ of the user's 200-message channel (the latest page). */
  latestPage: number[];
  /** GET channels/ (the inbox list). */
  channels: number[];
  /** GET centralized/ (the inbox with totals). */
  centralized: number[];
}

const READS: Array<[keyof ReadTimes, (inbox: InboxUser) => string]> = [
  ['latestPage', (inbox) => `channels/${inbox.longChannelId}/messages/`],
  ['channels', () => 'channels/'],
  ['centralized', () => 'centralized/'],
];

/** Milliseconds of one GET; throws on an error status. */
async function timeGet(user: ChatHttp, path: string): Promise<number> {
  const reply = await user.get(path);
  if (reply.status !== 200) throw new Error(`GET ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.ms;
}

/**
 * The three reads of each user, one request at a time, BENCH_READ_REPEATS rounds (default 5) after a
 * warm-up round. Each round goes through every user, so that what else loads the machine at the
 * moment weighs on every user alike and the ratios between them hold.
 */
export async function measureReads(inboxes: InboxUser[]): Promise<ReadTimes[]> {
  const repeats = setting('BENCH_READ_REPEATS', 5);
  const times = inboxes.map((): ReadTimes => ({ latestPage: [], channels: [], centralized: [] }));
  for (let round = -1; round < repeats; round++)
    for (const [kind, path] of READS)
      for (const [i, inbox] of inboxes.entries()) {
        const ms = await timeGet(inbox.user, path(inbox));
        if (round >= 0) times[i][kind].push(ms);
      }
  return times;
}

export const median = (values: number[]) => percentile(values, 50);
