import type { RedisPresence } from '../presence/redis-presence';
import { onClientEvent } from './client-events';
import { guardEvents } from './event-guard';
import { acceptedEvents } from './namespace-events';
import type { RealtimeBroadcasts } from './realtime-broadcasts';
import { sessionOf, type ServerNamespace, type ServerSocket } from './socket-session';
import type { TypingDeps } from './typing.namespace';

export interface PresenceDeps extends TypingDeps {
  presence: RedisPresence;
  broadcasts: RealtimeBroadcasts;
}

const PRESENCE_EVENTS = acceptedEvents('presence');

/**
 * /ws/presence: the tenant's `presence.update`s, the user's own `unread.update` and `notification`,
 * `online.users` on connect (once this socket is counted, so the list includes its user) and on
 * request; `status.update` sets the user's status (online, away, busy) until they go offline.
 */
export function servePresenceNamespace(parent: ServerNamespace, deps: PresenceDeps): void {
  parent.on('connection', (socket: ServerSocket) => {
    guardEvents(socket, PRESENCE_EVENTS, deps.limits, deps.logger);
    const { tenant, user } = sessionOf(socket);
    const onlineUsers = async () => ({ users: await deps.presence.onlineUsers(tenant) });
    onClientEvent(
      socket,
      'status.update',
      async ({ status }) => {
        if (await deps.presence.setStatus(tenant, user.userId, status)) {
          await deps.broadcasts.presence(tenant, user.userId, status);
        }
        return { status };
      },
      deps.logger,
    );
    onClientEvent(
      socket,
      'online.users',
      async () => {
        const list = await onlineUsers();
        socket.emit('online.users', list);
        return list;
      },
      deps.logger,
    );
    deps.tracker
      .track(socket)
      .then(onlineUsers)
      .then((list) => socket.emit('online.users', list))
      .catch((err) => deps.logger.warn({ err, tenant }, 'online.users on connect failed'));
  });
}
