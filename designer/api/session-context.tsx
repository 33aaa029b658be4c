/**
 * @module The signed-in user: read from `GET /api/auth/me` on load (a 401 means signed out), set by
 * signing in, cleared by signing out. Keeps the session's CSRF token in the API client.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken } from './api-client';

export interface SessionUser {
  id: string;
  username: string;
  displayName?: string | null;
  roles: string[];
}

interface SessionState {
  /** undefined while loading, null when signed out. */
  user: SessionUser | null | undefined;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

interface SessionBody {
  user: SessionUser;
  csrfToken?: string;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  useEffect(() => {
    api<SessionBody>('/api/auth/me')
      .then((body) => {
        setCsrfToken(body.csrfToken);
        setUser(body.user);
      })
      // 401 is the usual answer when signed out; any other failure also leaves the sign-in page.
      .catch(() => setUser(null));
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    const body = await api<SessionBody>('/api/auth/login', { body: { username, password } });
    setCsrfToken(body.csrfToken);
    setUser(body.user);
  }, []);
  const signOut = useCallback(async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(undefined);
    setUser(null);
  }, []);
  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession needs a SessionProvider above it');
  return state;
}
