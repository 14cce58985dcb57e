import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Agency } from '../../../../shared/contracts/agencies.ts';
import type { ContributionInput } from '../../../../shared/contracts/tracking.ts';
import { api, upload, type UploadProgress } from '../../lib/api.ts';
import type { RemoteOption } from '../../components/RemoteSelect.tsx';
import {
  boardParams,
  withConsolidated,
  withContribution,
  type BoardFilters,
  type BoardPage,
  type ConsolidatedView,
  type ContributionView,
  type MyObligationsPage,
  type ObligationStatus,
  type Progress,
  type TaskTracking,
} from './model.ts';

export type { ContributionInput };
export type MyFilters = { status?: ObligationStatus | 'todo'; q?: string; planId?: string; limit: number; offset: number };
export type ReviewAction = 'submit' | 'return' | 'accept' | 'reopen';
export type ConsolidatedInput = { due: string; progress: Progress; note: string; version: number | null };

const base = ['tracking'] as const;

export const trackingQueries = {
  my: (f: MyFilters) =>
    queryOptions({
      queryKey: [...base, 'my', f],
      queryFn: ({ signal }) => api<MyObligationsPage>('/api/tracking/my', { query: f, signal }),
      placeholderData: keepPreviousData,
    }),
  task: (id: string) => queryOptions({ queryKey: [...base, 'task', id], queryFn: ({ signal }) => api<TaskTracking>(`/api/tracking/tasks/${id}`, { signal }) }),
  board: (f: BoardFilters & { limit: number; offset: number }) =>
    queryOptions({
      queryKey: [...base, 'board', f],
      queryFn: ({ signal }) => api<BoardPage>('/api/tracking/board', { query: { ...boardParams(f), limit: f.limit, offset: f.offset }, signal }),
      placeholderData: keepPreviousData,
    }),
  /** Name of the agency the board is filtered by (a link or a reload only has its id). */
  agencyName: (id: string) =>
    queryOptions({
      queryKey: [...base, 'agency', id],
      queryFn: ({ signal }) => api<Agency>(`/api/agencies/${id}`, { signal }).then((a) => a.name),
      staleTime: 5 * 60_000,
    }),
};

export const useMyObligations = (f: MyFilters) => useQuery(trackingQueries.my(f));
export const useTaskTracking = (id: string) => useQuery(trackingQueries.task(id));
export const useBoard = (f: BoardFilters & { limit: number; offset: number }) => useQuery(trackingQueries.board(f));
export const useAgencyName = (id: string | undefined) => useQuery({ ...trackingQueries.agencyName(id ?? ''), enabled: !!id });

/** Agencies of the plan's province, searched as the person types (the board's agency filter). */
export const agencySearchIn = (provinceId: string) => async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
  const page = await api<{ items: Agency[] }>('/api/agencies', { query: { q, provinceId, limit: 30 }, signal });
  return page.items.map((a) => ({ value: a.id, label: a.name, description: a.unitName }));
};

/**
 * After a write on a task: the task's cache gets the answer at once, then the task (its counts), the lists of
 * "Việc của tôi" and the boards are read again.
 */
function useAfterWrite(taskId: string) {
  const qc = useQueryClient();
  const key = trackingQueries.task(taskId).queryKey;
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: key }),
      qc.invalidateQueries({ queryKey: [...base, 'my'] }),
      qc.invalidateQueries({ queryKey: [...base, 'board'] }),
    ]).then(() => undefined);
  return {
    contribution: (view: ContributionView) => {
      qc.setQueryData(key, (old) => (old ? withContribution(old, view) : old));
      return refresh();
    },
    consolidated: (view: ConsolidatedView) => {
      qc.setQueryData(key, (old) => (old ? withConsolidated(old, view) : old));
      return refresh();
    },
    refresh,
  };
}

/** Reads the task again (after a 409: someone else's change), and waits for the answer. */
export function useRefetchTask(taskId: string) {
  const qc = useQueryClient();
  return () => qc.refetchQueries({ queryKey: trackingQueries.task(taskId).queryKey, exact: true });
}

export function useSaveContribution(taskId: string) {
  const after = useAfterWrite(taskId);
  return useMutation({
    mutationFn: (input: ContributionInput) => api<ContributionView>('/api/tracking/contributions', { method: 'PUT', body: input }),
    onSuccess: (view) => void after.contribution(view),
  });
}

export function useContributionAction(taskId: string) {
  const after = useAfterWrite(taskId);
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; action: ReviewAction; reason?: string; version: number }) =>
      api<ContributionView>(`/api/tracking/contributions/${id}/actions`, { method: 'POST', body }),
    onSuccess: (view) => void after.contribution(view),
  });
}

export function useUploadEvidence(taskId: string, onProgress?: (p: UploadProgress) => void) {
  const after = useAfterWrite(taskId);
  return useMutation({
    mutationFn: ({ contributionId, file }: { contributionId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return upload<ContributionView>(`/api/tracking/contributions/${contributionId}/evidence`, form, { onProgress });
    },
    onSuccess: (view) => void after.contribution(view),
  });
}

export function useDeleteEvidence(taskId: string) {
  const after = useAfterWrite(taskId);
  return useMutation({
    mutationFn: (evidenceId: string) => api<ContributionView>(`/api/tracking/evidence/${evidenceId}`, { method: 'DELETE' }),
    onSuccess: (view) => void after.contribution(view),
  });
}

export function useSaveConsolidated(taskId: string) {
  const after = useAfterWrite(taskId);
  return useMutation({
    mutationFn: (input: ConsolidatedInput) => api<ConsolidatedView>(`/api/tracking/tasks/${taskId}/status`, { method: 'PUT', body: input }),
    onSuccess: (view) => void after.consolidated(view),
  });
}
