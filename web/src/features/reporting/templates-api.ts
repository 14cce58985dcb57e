import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CatalogueView } from '../../../../shared/contracts/catalogue.ts';
import type { PlanSummary } from '../../../../shared/contracts/plans.ts';
import type { ProposalApplyBody, ProposalApplyResult, ProposalsView, TemplateDetail, TemplateDetails, TemplatePatchBody } from '../../../../shared/contracts/report-templates.ts';
import type { UnitSummary } from '../../../../shared/contracts/units.ts';
import { api } from '../../lib/api.ts';

// The coordinator's report templates and the proposals a plan makes for them (server:
// reporting.templates.routes.ts). Kept apart from api.ts, which serves entry and the boards.

export type { ProposalApplyResult, ProposalsView, TemplateDetail, TemplateDetails } from '../../../../shared/contracts/report-templates.ts';
export type PlanOption = Pick<PlanSummary, 'id' | 'number' | 'title' | 'status' | 'issuedOn'>;

const base = ['reporting'] as const;

export const templateQueries = {
  details: (provinceId: string) =>
    queryOptions({
      queryKey: [...base, 'template-details', provinceId],
      queryFn: ({ signal }) => api<TemplateDetails>('/api/reporting/template-details', { query: { provinceId }, signal }),
    }),
  proposals: (planId: string) =>
    queryOptions({
      queryKey: [...base, 'proposals', planId],
      queryFn: ({ signal }) => api<ProposalsView>('/api/reporting/proposals', { query: { planId }, signal }),
    }),
  plans: (provinceId: string) =>
    queryOptions({
      queryKey: [...base, 'plans-of', provinceId],
      queryFn: ({ signal }) => api<{ items: PlanSummary[]; total: number }>('/api/plans', { query: { provinceId, limit: 200 }, signal }),
      staleTime: 60_000,
    }),
  /** The province's catalogue (elements a template may collect, indicator names); edited on the catalogue page. */
  catalogue: (provinceId: string) =>
    queryOptions({
      queryKey: [...base, 'catalogue', provinceId],
      queryFn: ({ signal }) => api<CatalogueView>('/api/reporting/catalogue', { query: { provinceId }, signal }),
    }),
  provinces: () =>
    queryOptions({
      queryKey: [...base, 'provinces'],
      queryFn: ({ signal }) => api<UnitSummary[]>('/api/units/provinces', { signal }),
      staleTime: 10 * 60_000,
    }),
};

export const useTemplateDetails = (provinceId: string | null) => useQuery({ ...templateQueries.details(provinceId ?? ''), enabled: !!provinceId });
export const useProposals = (planId: string | null) => useQuery({ ...templateQueries.proposals(planId ?? ''), enabled: !!planId });
export const usePlansOf = (provinceId: string | null) => useQuery({ ...templateQueries.plans(provinceId ?? ''), enabled: !!provinceId });
export const useProvinces = (enabled: boolean) => useQuery({ ...templateQueries.provinces(), enabled });
export const useProvinceCatalogue = (provinceId: string | null) => useQuery({ ...templateQueries.catalogue(provinceId ?? ''), enabled: !!provinceId });

/** After a template changed: the lists that show templates (this page, the reports home) and the proposals read again. */
function useAfterTemplateWrite() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: [...base, 'template-details'] }),
      qc.invalidateQueries({ queryKey: [...base, 'templates'] }),
      qc.invalidateQueries({ queryKey: [...base, 'proposals'] }),
      qc.invalidateQueries({ queryKey: [...base, 'owed'] }),
    ]);
}

export function useUpdateTemplate(id: string) {
  const after = useAfterTemplateWrite();
  return useMutation({
    mutationFn: (patch: TemplatePatchBody) => api<TemplateDetail>(`/api/reporting/templates/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: after,
  });
}

export function useApplyProposals(planId: string) {
  const qc = useQueryClient();
  const after = useAfterTemplateWrite();
  return useMutation({
    mutationFn: (body: ProposalApplyBody) => api<ProposalApplyResult>('/api/reporting/proposals/apply', { method: 'POST', body }),
    onSuccess: async (result) => {
      await after();
      qc.setQueryData(templateQueries.proposals(planId).queryKey, result.proposals);
    },
  });
}

/** The reports-templates page for a province, optionally opened on a plan's proposals (a link from the plan page). */
export const templatesHref = (opts: { provinceId?: string; planId?: string } = {}) => {
  const p = new URLSearchParams();
  if (opts.provinceId) p.set('provinceId', opts.provinceId);
  if (opts.planId) {
    p.set('tab', 'proposals');
    p.set('planId', opts.planId);
  }
  const s = p.toString();
  return s ? `/reports/templates?${s}` : '/reports/templates';
};
