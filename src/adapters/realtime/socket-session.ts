import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import type { AuthenticatedUser } from '../edge/jwt-authenticator';
import type { TenantContext } from '../tenancy/tenant-context';
import type { ServerEmits } from './server-events';

/** Who a socket is, settled by the handshake (handshake.ts) before the socket connects. */
export interface SocketSession {
  user: AuthenticatedUser;
  tenant: string;
  context: TenantContext;
  /** The channel of a /ws/chat/{id} or /ws/typing/{id} socket; null on /ws/presence. */
  channelId: string | null;
}

export interface SocketData {
  session?: SocketSession;
  /** This socket said `is_typing: true` and has not stopped: its close stops the indicator. */
  typing?: boolean;
}

/** A server socket: its `emit` takes only the events of server-events.ts, each with its payload. */
export type ServerSocket = Socket<DefaultEventsMap, ServerEmits, DefaultEventsMap, SocketData>;
export type ServerNamespace = Namespace<DefaultEventsMap, ServerEmits, DefaultEventsMap, SocketData>;

/** The session of a connected socket (the handshake guarantees one). */
export function sessionOf(socket: ServerSocket): SocketSession {
  const session = socket.data.session;
  if (!session) throw new Error(`socket ${socket.id} has no session`);
  return session;
}
