import { useState } from 'preact/hooks';
import { mintToken, type Session } from './session';

/** Tenant, user id and name; the first sign-in to a tenant creates it (local mode only). */
export function SignIn({ onSignIn }: { onSignIn: (session: Session) => void }) {
  const [tenant, setTenant] = useState('demo');
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const session = { tenant: tenant.trim(), userId: userId.trim(), name: name.trim() };
    setBusy(true);
    setError(null);
    try {
      await mintToken(session);
      onSignIn(session);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Chat demo</h1>
        <p class="hint">
          Sign in as any user of a workspace; open a second tab as someone else to talk to yourself.
        </p>
        <label>
          Workspace (tenant)
          <input
            name="tenant"
            value={tenant}
            required
            pattern="[a-z0-9][a-z0-9\-]{1,62}"
            onInput={(e) => setTenant(e.currentTarget.value)}
          />
        </label>
        <label>
          User id
          <input
            name="user_id"
            value={userId}
            required
            maxLength={128}
            autoComplete="username"
            onInput={(e) => setUserId(e.currentTarget.value)}
          />
        </label>
        <label>
          Display name <span class="hint">(optional)</span>
          <input name="name" value={name} maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
