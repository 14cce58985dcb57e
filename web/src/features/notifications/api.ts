import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPage, NotificationView } from '../../../../shared/contracts/reminders.ts';
import { api } from '../../lib/api.ts';

export type { NotificationPage, NotificationView };

const base = ['notifications'] as const;
/** Shown under the bell: the newest ones (the count of unread covers all of them). */
export const NOTIFICATIONS_SHOWN = 20;

export const notificationQueries = {
  mine: () =>
    queryOptions({
      queryKey: [...base, 'mine'],
      queryFn: ({ signal }) => api<NotificationPage>('/api/notifications', { query: { limit: NOTIFICATIONS_SHOWN }, signal }),
      // Reminders arrive from the server's timer: look again every minute and when the tab comes back.
      refetchInterval: 60_000,
      refetchOnWindowFocus: true,
    }),
};

export const useMyNotifications = (enabled = true) => useQuery({ ...notificationQueries.mine(), enabled });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<NotificationView>(`/api/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: base }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ updated: number }>('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: base }),
  });
}
