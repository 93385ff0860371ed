import { bearerToken, type JwtAuthenticator } from '../edge/jwt-authenticator';
import type { ProfileRefresh } from '../edge/profile-refresh';
import type { Logger } from '../logging/logger';
import type { TenantContexts } from '../tenancy/tenant-context';
import { channelIdOf, tenantRoom, userRoom } from './rooms';
import { connectError, describeError } from './socket-errors';
import type { ServerSocket } from './socket-session';

type Next = (error?: Error) => void;
export type SocketMiddleware = (socket: ServerSocket, next: Next) => void;

export interface HandshakeDeps {
  authenticator: JwtAuthenticator;
  tenants: TenantContexts;
  profiles: ProfileRefresh;
  logger: Logger;
  /** Resolves once the Redis subscriptions asked for so far are in place (see `joinRooms`). */
  subscriptionsSettled: () => Promise<unknown>;
}

/** The token: `auth.token` (browsers), else `Authorization: Bearer`, else the `token` query parameter. */
export function tokenOf(handshake: ServerSocket['handshake']): string | undefined {
  const auth = handshake.auth as Record<string, unknown> | undefined;
  if (typeof auth?.token === 'string') return auth.token;
  const header = bearerToken(handshake.headers.authorization);
  if (header) return header;
  const query = handshake.query.token;
  return typeof query === 'string' ? query : undefined;
}

/** One async step of the handshake; any error refuses the socket with the contract's code. */
function step(deps: HandshakeDeps, run: (socket: ServerSocket) => Promise<void>): SocketMiddleware {
  return (socket, next) => {
    run(socket).then(
      () => next(),
      (error) => next(connectError(describeError(error, deps.logger, { namespace: socket.nsp.name }))),
    );
  };
}

/**
 * The handshake of every namespace: the token's user, their tenant's context (a user banned from the
 * tenant is refused `forbidden`, from the node's memory of the tenant's bans), the channel of the
 * namespace (CheckChannelAccess: a non-participant gets `channel_not_found`, exactly as for a
 * channel that does not exist; answered from this node's memory of the channel's members when it
 * can), the profile refreshed from the token's claims (written only when they changed, after the
 * connection).
 */
export function handshake(deps: HandshakeDeps): SocketMiddleware[] {
  const authenticate = step(deps, async (socket) => {
    const user = await deps.authenticator.verify(tokenOf(socket.handshake));
    const context = await deps.tenants.forSlug(user.tenant);
    await context.useCases.moderation.checkTenantAccess.execute({ userId: user.userId });
    socket.data.session = { user, tenant: user.tenant, context, channelId: channelIdOf(socket.nsp.name) };
  });
  const checkMembership = step(deps, async (socket) => {
    const { user, context, channelId } = socket.data.session!;
    if (channelId !== null)
      await context.useCases.checkChannelAccess.execute({ userId: user.userId, channelId });
  });
  // Not awaited: the socket does not need its profile stored, and a burst of first connections
  // would otherwise wait for each other's writes (ProfileRefresh runs a few at a time).
  const refreshProfile = step(deps, async (socket) => {
    const { user, tenant, context } = socket.data.session!;
    void deps.profiles
      .refresh(tenant, user, context.useCases.upsertUserProfile)
      .catch((err) => deps.logger.warn({ err, tenant }, 'profile refresh failed'));
  });
  return [authenticate, checkMembership, refreshProfile, joinRooms(deps)];
}

/**
 * Joins t:{tenant} and u:{tenant}:{user}, then waits until Redis has the subscriptions the namespace
 * and rooms asked for: the client's `connect` means "from now on you receive", so a message sent
 * right after it (on any node) is never lost to a subscription still in flight.
 */
function joinRooms(deps: HandshakeDeps): SocketMiddleware {
  return step(deps, async (socket) => {
    const { tenant, user } = socket.data.session!;
    await socket.join([tenantRoom(tenant), userRoom(tenant, user.userId)]);
    await deps.subscriptionsSettled();
  });
}
