import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Agency, AgencyGroup } from '../../../../shared/contracts/agencies.ts';
import type { AssignmentResolveResult, PlanCommitInput, PlanDetail, PlanDiff, PlanPatch, PlanPreview, PlanRef, PlanSummary } from '../../../../shared/contracts/plans.ts';
import type { UnitSummary } from '../../../../shared/contracts/units.ts';
import type { AgencyKind } from '../../../../shared/domain/agencies.ts';
import { api, upload, type UploadProgress } from '../../lib/api.ts';
import type { RemoteOption } from '../../components/RemoteSelect.tsx';

export type { AssignmentResolveResult, PlanCommitInput, PlanDetail, PlanDiff, PlanPatch, PlanPreview, PlanRef, PlanSummary };
export type AgencyGroupView = z.infer<typeof AgencyGroup>;
export type PlanFilters = { q?: string; provinceId?: string; limit: number; offset: number };

const base = ['plans'] as const;

export const planQueries = {
  list: (f: PlanFilters) =>
    queryOptions({
      queryKey: [...base, 'list', f],
      queryFn: ({ signal }) => api<{ items: PlanSummary[]; total: number }>('/api/plans', { query: f, signal }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) => queryOptions({ queryKey: [...base, 'detail', id], queryFn: ({ signal }) => api<PlanDetail>(`/api/plans/${id}`, { signal }) }),
  /** What changed from another plan (by default the one this plan amends) to this one. */
  diff: (id: string, against: string | undefined) =>
    queryOptions({
      queryKey: [...base, 'diff', id, against ?? null],
      queryFn: ({ signal }) => api<PlanDiff>(`/api/plans/${id}/diff`, { query: { against }, signal }),
    }),
  /** The plans of a province, offered as "implements" / "amends" / "compare with" (most recent first). */
  ofProvince: (provinceId: string) =>
    queryOptions({
      queryKey: [...base, 'list', { provinceId, limit: 200, offset: 0 }],
      queryFn: ({ signal }) => api<{ items: PlanSummary[]; total: number }>('/api/plans', { query: { provinceId, limit: 200, offset: 0 }, signal }),
      staleTime: 60_000,
    }),
  /** Provinces in the person's scope (an administrator picks the one a plan is imported into). */
  provinces: () =>
    queryOptions({
      queryKey: [...base, 'provinces'],
      queryFn: ({ signal }) => api<UnitSummary[]>('/api/units/provinces', { signal }),
      staleTime: 10 * 60_000,
    }),
  /** Named groups of agencies of a province ("UBND các xã, phường"), offered when resolving a name. */
  groups: (provinceId: string) =>
    queryOptions({
      queryKey: [...base, 'groups', provinceId],
      queryFn: ({ signal }) => api<AgencyGroupView[]>('/api/agency-groups', { query: { provinceId }, signal }),
      staleTime: 5 * 60_000,
    }),
};

export const usePlans = (f: PlanFilters) => useQuery(planQueries.list(f));
export const usePlan = (id: string) => useQuery(planQueries.detail(id));
export const usePlanDiff = (id: string, against: string | undefined, enabled: boolean) => useQuery({ ...planQueries.diff(id, against), enabled });
export const useProvincePlans = (provinceId: string | undefined) => useQuery({ ...planQueries.ofProvince(provinceId ?? ''), enabled: !!provinceId });
export const useProvinces = (enabled = true) => useQuery({ ...planQueries.provinces(), enabled });
export const useAgencyGroups = (provinceId: string | undefined) => useQuery({ ...planQueries.groups(provinceId ?? ''), enabled: !!provinceId });

/** Agencies of the province, searched as the coordinator types (to resolve a name the importer did not match). */
export const agencySearchIn = (provinceId: string) => async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
  const page = await api<{ items: Agency[] }>('/api/agencies', { query: { q, provinceId, limit: 30 }, signal });
  return page.items.map((a) => ({ value: a.id, label: a.name, description: a.unitName }));
};

export type ImportState = { phase: 'uploading'; progress: UploadProgress } | { phase: 'reading' };

/**
 * Sends a plan document to be read: the answer is a preview, nothing is written. `onState` follows the
 * upload (bytes sent) and then the reading on the server.
 */
export function useImportPlan(onState: (s: ImportState) => void) {
  return useMutation({
    mutationFn: ({ provinceId, file, signal }: { provinceId: string; file: File; signal: AbortSignal }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      onState({ phase: 'uploading', progress: { loaded: 0, total: file.size } });
      return upload<PlanPreview>('/api/plans/import', form, {
        query: { provinceId },
        signal,
        onProgress: (progress) => onState({ phase: 'uploading', progress: { loaded: progress.loaded, total: progress.total || file.size } }),
        onUploaded: () => onState({ phase: 'reading' }),
      });
    },
  });
}

export function useCommitPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanCommitInput) => api<PlanDetail>('/api/plans', { method: 'POST', body: input }),
    onSuccess: (plan) => {
      qc.setQueryData(planQueries.detail(plan.id).queryKey, plan);
      return qc.invalidateQueries({ queryKey: [...base, 'list'] });
    },
  });
}

export type NewAgency = { unitId: string; kind: AgencyKind; name: string; shortName?: string | null; abbreviations?: string[] };

/** Adds a missing agency to the province's catalogue (coordinator), so a name in the plan can point to it. */
export function useCreateAgency() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewAgency) => api<Agency>('/api/agencies', { method: 'POST', body: input }),
    // The agency searches of this page and the catalogue's lists now miss the new entry.
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['remote-select', 'plan-agency'] }), qc.invalidateQueries({ queryKey: ['agencies'] })]),
  });
}

/** Corrects the header of a committed plan (coordinator): number, title, dates, status, linked plans. */
export function useUpdatePlan(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanPatch) => api<PlanDetail>(`/api/plans/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (plan) => {
      qc.setQueryData(planQueries.detail(id).queryKey, plan);
      // A plan put in force may have superseded the plan it amends; lists and diffs show the new words.
      return Promise.all([
        qc.invalidateQueries({ queryKey: [...base, 'list'] }),
        qc.invalidateQueries({ queryKey: [...base, 'diff'] }),
        qc.invalidateQueries({ queryKey: [...base, 'detail'], predicate: (q) => q.queryKey[2] !== id }),
      ]);
    },
  });
}

export type ResolveAssignmentInput = { assignmentId: string; agencyId?: string; groupId?: string; applyToSameName: boolean };

/** Points an agency name left unresolved in a committed plan to an agency or a group of the province. */
export function useResolveAssignment(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ assignmentId, ...body }: ResolveAssignmentInput) =>
      api<AssignmentResolveResult>(`/api/plans/${planId}/assignments/${assignmentId}`, { method: 'PATCH', body }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: planQueries.detail(planId).queryKey }), qc.invalidateQueries({ queryKey: [...base, 'diff'] })]),
  });
}
