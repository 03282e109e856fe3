import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Principal } from '../../../src/contracts/access/principal';
import { api, ApiError } from '../api/client';

interface Auth {
  /** undefined while the session is being checked, null when signed out. */
  readonly user: Principal | null | undefined;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const Context = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Principal | null | undefined>(undefined);
  useEffect(() => {
    api<Principal>('/auth/me')
      .then(setUser)
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setUser(null);
        else throw e;
      });
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    const r = await api<{ user: Principal }>('/auth/login', { method: 'POST', body: { username, password } });
    setUser(r.user);
  }, []);
  const logout = useCallback(async () => {
    // Back to "checking" first: the signed-in pages unmount and abort their requests before the session ends,
    // so none of them is answered 401. A failed sign-out restores the page it came from.
    const before = user;
    setUser(undefined);
    try {
      await api('/auth/logout', { method: 'POST' });
      setUser(null);
    } catch (e) {
      setUser(before);
      throw e;
    }
  }, [user]);
  return <Context.Provider value={{ user, login, logout }}>{children}</Context.Provider>;
}

export function useAuth(): Auth {
  const v = useContext(Context);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
