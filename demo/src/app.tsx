import { useState } from 'preact/hooks';
import { Chat } from './chat';
import { savedSession, saveSession, type Session } from './session';
import { SignIn } from './sign-in';

/** Signed in (per tab), the chat; otherwise the sign-in form. */
export function App() {
  const [session, setSession] = useState<Session | null>(savedSession);
  const change = (next: Session | null) => {
    saveSession(next);
    setSession(next);
  };
  return session ? (
    <Chat key={`${session.tenant}/${session.userId}`} session={session} onSignOut={() => change(null)} />
  ) : (
    <SignIn onSignIn={change} />
  );
}
