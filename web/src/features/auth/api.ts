import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../shared/contracts/auth.ts';
import { api } from '../../lib/api.ts';
import { meKey } from '../../lib/session.tsx';

export type LoginInput = { username: string; password: string };
export type PasswordChange = { currentPassword: string; newPassword: string };

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    // A wrong password answers 401: that is a form error here, not a lost session.
    meta: { keepSession: true },
    mutationFn: (input: LoginInput) => api<Me>('/api/auth/login', { method: 'POST', body: input }),
    onSuccess: (me) => {
      // Nothing read under another account may be shown to this one.
      qc.clear();
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChange) => api<void>('/api/auth/password', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKey }),
  });
}
