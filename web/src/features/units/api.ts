import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UnitDetail, UnitHistory, UnitSummary } from '../../../../shared/contracts/units.ts';
import type { UnitLevel, VILLAGE_KINDS } from '../../../../shared/domain/units.ts';
import { api } from '../../lib/api.ts';

export type { UnitDetail, UnitSummary };
export type UnitHistoryView = z.infer<typeof UnitHistory>;
export type VillageKind = (typeof VILLAGE_KINDS)[number];
export type VillageInput = { name: string; kind: VillageKind };

const base = ['units'] as const;

export const unitQueries = {
  provinces: () => queryOptions({ queryKey: [...base, 'provinces'], queryFn: ({ signal }) => api<UnitSummary[]>('/api/units/provinces', { signal }) }),
  search: (q: string, level?: UnitLevel) =>
    queryOptions({
      queryKey: [...base, 'search', q, level ?? null],
      queryFn: ({ signal }) => api<UnitSummary[]>('/api/units', { query: { q, level, limit: 30 }, signal }),
      enabled: q.trim().length > 0,
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) => queryOptions({ queryKey: [...base, 'detail', id], queryFn: ({ signal }) => api<UnitDetail>(`/api/units/${id}`, { signal }) }),
  children: (id: string) =>
    queryOptions({ queryKey: [...base, 'children', id], queryFn: ({ signal }) => api<UnitSummary[]>(`/api/units/${id}/children`, { signal }) }),
  history: (id: string) =>
    queryOptions({ queryKey: [...base, 'history', id], queryFn: ({ signal }) => api<UnitHistoryView>(`/api/units/${id}/history`, { signal }) }),
};

export const useProvinces = () => useQuery(unitQueries.provinces());
export const useUnitSearch = (q: string) => useQuery(unitQueries.search(q));
export const useUnit = (id: string) => useQuery(unitQueries.detail(id));
export const useUnitChildren = (id: string, enabled = true) => useQuery({ ...unitQueries.children(id), enabled });
export const useUnitHistory = (id: string, enabled = true) => useQuery({ ...unitQueries.history(id), enabled });

export function useAddVillage(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: VillageInput) => api<UnitSummary>(`/api/units/${communeId}/villages`, { method: 'POST', body: input }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: unitQueries.children(communeId).queryKey }),
        qc.invalidateQueries({ queryKey: [...base, 'search'] }),
      ]),
  });
}

function useUnitChange<I>(id: string, request: (input: I) => Promise<UnitSummary>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (unit) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: unitQueries.detail(id).queryKey }),
        unit.parentId ? qc.invalidateQueries({ queryKey: unitQueries.children(unit.parentId).queryKey }) : undefined,
        qc.invalidateQueries({ queryKey: [...base, 'search'] }),
      ]),
  });
}

export const useUpdateUnit = (id: string) =>
  useUnitChange(id, (input: { name?: string; kind?: string }) => api<UnitSummary>(`/api/units/${id}`, { method: 'PATCH', body: input }));

export const useRetireUnit = (id: string) =>
  useUnitChange(id, (input: { validTo: string }) => api<UnitSummary>(`/api/units/${id}/retire`, { method: 'POST', body: input }));
