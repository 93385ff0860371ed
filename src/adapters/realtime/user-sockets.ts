import type { Server } from 'socket.io';
import { userRoom } from './rooms';

/**
 * Disconnects this node's sockets of one user of a tenant, in every namespace (banned from the
 * tenant). Each socket joined its user's room at the handshake; a client that reconnects meets the
 * handshake again, which refuses the user while the ban holds.
 */
export function dropUserSockets(io: Server, tenant: string, userId: string): void {
  for (const nsp of io._nsps.values()) nsp.local.in(userRoom(tenant, userId)).disconnectSockets(true);
}
