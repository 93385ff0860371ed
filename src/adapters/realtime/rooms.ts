/**
 * Namespace and room names shared by the Socket.IO namespaces and every event publisher (API or
 * worker). Every room carries the tenant slug, so an event can only reach that tenant's sockets even
 * if two tenants ever had the same channel id.
 */
export const PRESENCE_NAMESPACE = '/ws/presence';

export function chatNamespace(channelId: string): string {
  return `/ws/chat/${channelId}`;
}

export function typingNamespace(channelId: string): string {
  return `/ws/typing/${channelId}`;
}

/** Every socket of a tenant in a namespace. */
export function tenantRoom(tenant: string): string {
  return `t:${tenant}`;
}

/** Every socket of one user of a tenant in a namespace. */
export function userRoom(tenant: string, userId: string): string {
  return `u:${tenant}:${userId}`;
}
