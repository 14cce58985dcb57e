import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CatalogueView,
  DataElementCreateBody,
  DataElementPatch,
  DataElementView,
  IndicatorCreateBody,
  IndicatorPatch,
  IndicatorView,
  TargetLinkInput,
  TargetLinksView,
  TargetLinkView,
} from '../../../../shared/contracts/catalogue.ts';
import type { PlanSummary } from '../../../../shared/contracts/plans.ts';
import type { UnitSummary } from '../../../../shared/contracts/units.ts';
import { api } from '../../lib/api.ts';

// The province's catalogue of data elements and indicators, and how each plan target is measured
// (server: the reporting module's catalogue routes).

export type { CatalogueView, DataElementView, IndicatorView, TargetLinkInput, TargetLinksView, TargetLinkView };

const base = ['catalogue'] as const;

export const catalogueQueries = {
  view: (provinceId: string) =>
    queryOptions({
      queryKey: [...base, 'view', provinceId],
      queryFn: ({ signal }) => api<CatalogueView>('/api/reporting/catalogue', { query: { provinceId }, signal }),
      // What uses an element and how many figures it has change on other pages (a template's data form, a report
      // saved), whose writes do not mark this query stale: it is read again whenever the page is opened.
      staleTime: 0,
    }),
  targetLinks: (planId: string) =>
    queryOptions({
      queryKey: [...base, 'target-links', planId],
      queryFn: ({ signal }) => api<TargetLinksView>('/api/reporting/target-links', { query: { planId }, signal }),
    }),
  plans: (provinceId: string) =>
    queryOptions({
      queryKey: [...base, 'plans-of', provinceId],
      queryFn: ({ signal }) => api<{ items: PlanSummary[]; total: number }>('/api/plans', { query: { provinceId, limit: 200 }, signal }),
      staleTime: 60_000,
    }),
  provinces: () =>
    queryOptions({
      queryKey: [...base, 'provinces'],
      queryFn: ({ signal }) => api<UnitSummary[]>('/api/units/provinces', { signal }),
      staleTime: 10 * 60_000,
    }),
};

export const useCatalogue = (provinceId: string | null) => useQuery({ ...catalogueQueries.view(provinceId ?? ''), enabled: !!provinceId });
export const useTargetLinks = (planId: string | null) => useQuery({ ...catalogueQueries.targetLinks(planId ?? ''), enabled: !!planId });
export const usePlansOf = (provinceId: string | null) => useQuery({ ...catalogueQueries.plans(provinceId ?? ''), enabled: !!provinceId });
export const useProvinces = (enabled: boolean) => useQuery({ ...catalogueQueries.provinces(), enabled });

/**
 * After a catalogue write. Reporting shows element and indicator names (templates, proposals, indicators) and
 * reads the catalogue itself; marking all of it stale costs nothing, as only the queries on screen refetch.
 */
function useAfterCatalogueWrite() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: base }), qc.invalidateQueries({ queryKey: ['reporting'] })]);
}

export function useCreateElement() {
  const after = useAfterCatalogueWrite();
  return useMutation({
    mutationFn: (body: DataElementCreateBody) => api<DataElementView>('/api/reporting/catalogue/elements', { method: 'POST', body }),
    onSuccess: after,
  });
}

export function useUpdateElement() {
  const after = useAfterCatalogueWrite();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: DataElementPatch }) => api<DataElementView>(`/api/reporting/catalogue/elements/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: after,
  });
}

export function useCreateIndicator() {
  const after = useAfterCatalogueWrite();
  return useMutation({
    mutationFn: (body: IndicatorCreateBody) => api<IndicatorView>('/api/reporting/catalogue/indicators', { method: 'POST', body }),
    onSuccess: after,
  });
}

export function useUpdateIndicator() {
  const after = useAfterCatalogueWrite();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: IndicatorPatch }) => api<IndicatorView>(`/api/reporting/catalogue/indicators/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: after,
  });
}

export function useSetTargetLink(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ targetId, input }: { targetId: string; input: TargetLinkInput }) => api<TargetLinkView>(`/api/reporting/target-links/${targetId}`, { method: 'PUT', body: input }),
    onSuccess: async (saved) => {
      // The row changes at once; the list is read again for what the server derives (candidates, notes).
      qc.setQueryData(catalogueQueries.targetLinks(planId).queryKey, (old) => (old ? { ...old, targets: old.targets.map((x) => (x.targetId === saved.targetId ? saved : x)) } : old));
      // What a plan's targets are measured by decides the templates' proposals and the indicators' targets.
      await Promise.all([qc.invalidateQueries({ queryKey: catalogueQueries.targetLinks(planId).queryKey }), qc.invalidateQueries({ queryKey: ['reporting'] })]);
    },
  });
}
