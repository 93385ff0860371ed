/**
 * Namespace and room names shared by the Socket.IO namespaces and every event publisher (API or
 * worker). Every room carries the tenant slug, so an event can only reach that tenant's sockets even
 * if two tenants ever had the same channel id.
 */
export const PRESENCE_NAMESPACE = '/ws/presence';

/** The dynamic namespaces (docs/contract.md): a trailing slash is accepted, the channel id is captured. */
export const CHAT_NAMESPACE_PATTERN = /^\/ws\/chat\/([^/]{1,128})\/?$/;
export const TYPING_NAMESPACE_PATTERN = /^\/ws\/typing\/([^/]{1,128})\/?$/;
export const PRESENCE_NAMESPACE_PATTERN = /^\/ws\/presence\/?$/;

export function chatNamespace(channelId: string): string {
  return `/ws/chat/${channelId}`;
}

export function typingNamespace(channelId: string): string {
  return `/ws/typing/${channelId}`;
}

/**
 * The names a namespace has on the server: a client that connects to `/ws/chat/{id}/` lands in a
 * namespace of that exact name (Socket.IO routes packets by it), so events go to both spellings.
 */
export function namespaceSpellings(namespace: string): [string, string] {
  return [namespace, `${namespace}/`];
}

/** The channel id of a chat or typing namespace name, or null for any other name. */
export function channelIdOf(namespace: string): string | null {
  return (CHAT_NAMESPACE_PATTERN.exec(namespace) ?? TYPING_NAMESPACE_PATTERN.exec(namespace))?.[1] ?? null;
}

/** Every socket of a tenant in a namespace. */
export function tenantRoom(tenant: string): string {
  return `t:${tenant}`;
}

/** Every socket of one user of a tenant in a namespace. */
export function userRoom(tenant: string, userId: string): string {
  return `u:${tenant}:${userId}`;
}
