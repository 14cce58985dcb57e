import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Agency } from '../../../../shared/contracts/agencies.ts';
import type { UnitSummary } from '../../../../shared/contracts/units.ts';
import type { AgencyKind } from '../../../../shared/domain/agencies.ts';
import { api } from '../../lib/api.ts';
import type { RemoteOption } from '../../components/RemoteSelect.tsx';

export type { Agency };
export type AgencyFilters = { q?: string; kind?: AgencyKind; unitId?: string; includeInactive?: boolean; limit: number; offset: number };
export type AgencyCreate = { unitId: string; kind: AgencyKind; name: string; shortName?: string | null; abbreviations: string[] };
export type AgencyPatch = Partial<Omit<AgencyCreate, 'unitId'>> & { active?: boolean };

const base = ['agencies'] as const;

export const agencyQueries = {
  list: (f: AgencyFilters) =>
    queryOptions({
      queryKey: [...base, 'list', f],
      queryFn: ({ signal }) =>
        api<{ items: Agency[]; total: number }>('/api/agencies', {
          query: { q: f.q, kind: f.kind, unitId: f.unitId, includeInactive: f.includeInactive ? 'true' : undefined, limit: f.limit, offset: f.offset },
          signal,
        }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) => queryOptions({ queryKey: [...base, 'detail', id], queryFn: ({ signal }) => api<Agency>(`/api/agencies/${id}`, { signal }) }),
  /** Name of the unit the list is filtered by (shown on the filter tag). */
  unitName: (unitId: string) =>
    queryOptions({
      queryKey: [...base, 'unit', unitId],
      queryFn: ({ signal }) => api<UnitSummary>(`/api/units/${unitId}`, { signal }).then((u) => u.name),
      staleTime: 5 * 60_000,
    }),
};

export const useAgencies = (f: AgencyFilters) => useQuery(agencyQueries.list(f));
export const useUnitName = (unitId: string | undefined) => useQuery({ ...agencyQueries.unitName(unitId ?? ''), enabled: !!unitId });

/** Units an agency may be attached to (province or commune of the 2025 map), for the create form. */
export async function searchUnitOptions(q: string, signal: AbortSignal): Promise<RemoteOption[]> {
  const rows = await api<UnitSummary[]>('/api/units', { query: { q, limit: 30 }, signal });
  return rows.filter((u) => u.level === 'province' || u.level === 'commune').map((u) => ({ value: u.id, label: u.name, description: u.code }));
}

export function useCreateAgency() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AgencyCreate) => api<Agency>('/api/agencies', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: base }),
  });
}

export function useUpdateAgency(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AgencyPatch) => api<Agency>(`/api/agencies/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (agency) => {
      qc.setQueryData(agencyQueries.detail(id).queryKey, agency);
      return qc.invalidateQueries({ queryKey: [...base, 'list'] });
    },
  });
}
