import { createContext, useContext, type ReactNode } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '../../../shared/contracts/auth.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import { api, isUnauthenticated } from './api.ts';

// Who is signed in. Every feature may read it; only the auth feature changes it (login, logout, password).
export const meKey = ['auth', 'me'] as const;

export const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: async ({ signal }): Promise<Me | null> => {
    try {
      return await api<Me>('/api/auth/me', { signal });
    } catch (e) {
      if (isUnauthenticated(e)) return null;
      throw e;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
});

export const useMeQuery = () => useQuery(meQuery);

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The signed-in person, inside the authenticated part of the app. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe must be used below <MeProvider>');
  return me;
}

export const hasRole = (me: Me, ...roles: Role[]) => me.grants.some((g) => roles.includes(g.role));
export const isAdmin = (me: Me) => hasRole(me, 'systemAdmin');
