import type { Command, Redis } from 'ioredis';

/** Receives one command a client sent: its client's role, its name, and whether it is background work. */
export type RedisCommandSink = (client: string, command: string, background: boolean) => void;

/** BullMQ scripts that run on a timer, not because of an operation (stalled-job checks, lock renewals). */
const PERIODIC_SCRIPTS = new Set(['moveStalledJobsToWait', 'extendLocks']);

/** Shared by a client and its duplicates: a BullMQ worker blocks on the duplicate, fetches on the original. */
interface Pair {
  blockTimedOut: boolean;
}

/**
 * Counts what `client` sends on the wire, one per command: a pipeline's or a MULTI's commands each
 * count (MULTI and EXEC too), a Lua script counts once as `evalsha:<script name>` (the server-side
 * commands it runs are what INFO commandstats adds). Clients made by `duplicate()` are tapped too,
 * as "<role>:dup" (BullMQ's blocking connections).
 *
 * An idle BullMQ worker polls: its BZPOPMIN times out (null reply) every drainDelay, then it asks
 * moveToActive for a job and finds none. Those two, and the periodic scripts, are reported as
 * background, so that the count of an operation does not depend on when a poll happened to land.
 * Commands are reported when their reply arrives (the classification needs it).
 */
export function tapRedis(
  client: Redis,
  role: string,
  sink: RedisCommandSink,
  pair: Pair = { blockTimedOut: false },
): Redis {
  const send = client.sendCommand.bind(client);
  const seen = new WeakSet<Command>();
  client.sendCommand = ((command: Command, ...rest: unknown[]) => {
    const call = () => (send as (...args: unknown[]) => unknown)(command, ...rest);
    // A command sent while the client was not ready waits in ioredis's offline queue and comes
    // through here again when it is flushed: count it once.
    if (seen.has(command)) return call();
    seen.add(command);
    const name = commandName(client, command);
    const afterTimeout = name === 'evalsha:moveToActive' && pair.blockTimedOut;
    if (afterTimeout) pair.blockTimedOut = false;
    const report = (reply: unknown) => {
      const background = isBackground(name, reply, afterTimeout);
      if (name === 'bzpopmin' && reply === null) pair.blockTimedOut = true;
      sink(role, name, background);
    };
    command.promise.then(report, () => sink(role, name, false));
    return call();
  }) as typeof client.sendCommand;
  const duplicate = client.duplicate.bind(client);
  client.duplicate = (override) => tapRedis(duplicate(override), `${role}:dup`, sink, pair);
  return client;
}

function isBackground(name: string, reply: unknown, afterTimeout: boolean): boolean {
  if (name === 'bzpopmin') return reply === null;
  if (afterTimeout) return !Array.isArray(reply) || !reply[0];
  return PERIODIC_SCRIPTS.has(name.slice('evalsha:'.length));
}

/**
 * The command's name. A script defined on the client (BullMQ defines `<name>:<version>`) is named
 * after it; any other EVAL after the start of its source ("eval:local n = redis.call('HINCRBY'…").
 */
function commandName(client: Redis, command: Command): string {
  if (command.name !== 'evalsha' && command.name !== 'eval') return command.name;
  const scripts = (client as unknown as { scriptsSet?: Record<string, { sha: string; lua: string }> })
    .scriptsSet;
  const first = String(command.args[0]);
  for (const [name, script] of Object.entries(scripts ?? {}))
    if (script.sha === first || script.lua === first) return `evalsha:${name.split(':')[0]}`;
  if (command.name === 'evalsha') return `evalsha:${first.slice(0, 8)}`;
  return `eval:${first.replace(/\s+/g, ' ').trim().slice(0, 40)}…`;
}
