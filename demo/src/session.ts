/*
 * Who is signed in, per browser tab: sessionStorage, so two tabs of one browser can be two users.
 * Local mode's token endpoint (POST /api/dev/tokens) stands in for the host application's backend,
 * which would mint the token in a real integration; the SDK calls `token()` again on token_expired.
 */

export interface Session {
  tenant: string;
  userId: string;
  name: string;
}

const KEY = 'chat-demo-session';

export function savedSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return session.tenant && session.userId ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

/** A fresh token for the session's user (the tenant is created on the first sign-in). */
export async function mintToken(session: Session): Promise<string> {
  const response = await fetch(new URL('/api/dev/tokens', location.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      tenant: session.tenant,
      user_id: session.userId,
      ...(session.name ? { name: session.name } : {}),
    }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    token?: string;
    error?: { code: string; message: string };
  };
  if (!response.ok || !body.token) {
    throw new Error(body.error?.message ?? `the server refused the sign-in (HTTP ${response.status})`);
  }
  return body.token;
}
