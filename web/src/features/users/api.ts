import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Agency } from '../../../../shared/contracts/agencies.ts';
import type { UnitSummary } from '../../../../shared/contracts/units.ts';
import type { GrantInput, UserView } from '../../../../shared/contracts/users.ts';
import { ROLE_UNIT_LEVELS, type Role } from '../../../../shared/domain/roles.ts';
import { api } from '../../lib/api.ts';
import type { RemoteOption } from '../../components/RemoteSelect.tsx';

export type { GrantInput, UserView };
export type UserCreate = { username: string; displayName: string; email?: string | null; password: string; grants: GrantInput[] };
export type UserPatch = { displayName?: string; email?: string | null; active?: boolean; unlock?: true };

const base = ['users'] as const;

export const userQueries = {
  list: (f: { q?: string; limit: number; offset: number }) =>
    queryOptions({
      queryKey: [...base, 'list', f],
      queryFn: ({ signal }) => api<{ items: UserView[]; total: number }>('/api/users', { query: f, signal }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) => queryOptions({ queryKey: [...base, 'detail', id], queryFn: ({ signal }) => api<UserView>(`/api/users/${id}`, { signal }) }),
};

export const useUsers = (f: { q?: string; limit: number; offset: number }) => useQuery(userQueries.list(f));
export const useUser = (id: string | null) => useQuery({ ...userQueries.detail(id ?? ''), enabled: !!id });

function useUserChange<I>(request: (input: I) => Promise<UserView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (user) => {
      qc.setQueryData(userQueries.detail(user.id).queryKey, user);
      return qc.invalidateQueries({ queryKey: [...base, 'list'] });
    },
  });
}

export const useCreateUser = () => useUserChange((input: UserCreate) => api<UserView>('/api/users', { method: 'POST', body: input }));
export const useUpdateUser = (id: string) => useUserChange((input: UserPatch) => api<UserView>(`/api/users/${id}`, { method: 'PATCH', body: input }));
export const useReplaceGrants = (id: string) =>
  useUserChange((grants: GrantInput[]) => api<UserView>(`/api/users/${id}/grants`, { method: 'PUT', body: { grants } }));

export function useResetPassword(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (newPassword: string) => api<void>(`/api/users/${id}/password`, { method: 'POST', body: { newPassword } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: base }),
  });
}

// Scope pickers offer the units or agencies a role may be held at (the server checks again).
export const unitSearchFor = (role: Role) => async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
  const levels = ROLE_UNIT_LEVELS[role] ?? ['province', 'commune'];
  const rows = await api<UnitSummary[]>('/api/units', { query: { q, level: levels.join(','), limit: 40 }, signal });
  return rows.filter((u) => !u.validTo).map((u) => ({ value: u.id, label: u.name, description: [u.code, u.provinceName].filter(Boolean).join(' · ') }));
};

export const agencySearchFor = (role: Role) => async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
  const kind = role === 'learningCentreStaff' ? 'learningCentre' : undefined;
  const page = await api<{ items: Agency[] }>('/api/agencies', { query: { q, kind, limit: 30 }, signal });
  return page.items.map((a) => ({ value: a.id, label: a.name, description: a.unitName }));
};
