import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitSummary } from '../../../../shared/contracts/units.ts';
import { api, upload } from '../../lib/api.ts';
import type { RemoteOption } from '../../components/RemoteSelect.tsx';
import {
  reportQuery,
  type CompletenessPage,
  type IndicatorTable,
  type OwedPage,
  type ReportKey,
  type ReportSaveInput,
  type ReportView,
  type TemplateView,
  type TrajectoryPage,
} from './model.ts';

export type ReportActionInput = { id: string; action: 'submit' | 'return' | 'approve' | 'reopen'; reason?: string; version: number };

const base = ['reporting'] as const;

export const reportingQueries = {
  templates: (provinceId: string) =>
    queryOptions({
      queryKey: [...base, 'templates', provinceId],
      queryFn: ({ signal }) => api<TemplateView[]>('/api/reporting/templates', { query: { provinceId }, signal }),
      staleTime: 5 * 60_000,
    }),
  owed: (periodKey: string) =>
    queryOptions({
      queryKey: [...base, 'owed', periodKey],
      queryFn: ({ signal }) => api<OwedPage>('/api/reporting/owed', { query: { periodKey }, signal }),
      placeholderData: keepPreviousData,
    }),
  report: (k: ReportKey) =>
    queryOptions({
      queryKey: [...base, 'report', k.templateId, k.periodKey, k.unitId, k.agencyId],
      queryFn: ({ signal }) => api<ReportView>('/api/reporting/report', { query: reportQuery(k), signal }),
    }),
  completeness: (templateId: string, periodKey: string) =>
    queryOptions({
      queryKey: [...base, 'completeness', templateId, periodKey],
      queryFn: ({ signal }) => api<CompletenessPage>('/api/reporting/completeness', { query: { templateId, periodKey }, signal }),
      placeholderData: keepPreviousData,
    }),
  indicators: (unitId: string, periodKey: string, provisional: boolean) =>
    queryOptions({
      queryKey: [...base, 'indicators', unitId, periodKey, provisional],
      queryFn: ({ signal }) => api<IndicatorTable>('/api/reporting/indicators', { query: { unitId, periodKey, provisional: provisional ? 'true' : 'false' }, signal }),
      placeholderData: keepPreviousData,
    }),
  /** One indicator's points across the default years (2021-2030, widened by the plans) and its plans' targets; keyed under 'indicators' so a write on a report refreshes it too. */
  trajectory: (unitId: string, indicator: string, provisional: boolean) =>
    queryOptions({
      queryKey: [...base, 'indicators', 'trajectory', unitId, indicator, provisional],
      queryFn: ({ signal }) => api<TrajectoryPage>('/api/reporting/indicators/trajectory', { query: { unitId, indicator, provisional: provisional ? 'true' : 'false' }, signal }),
      placeholderData: keepPreviousData,
    }),
};

export const useTemplates = (provinceId: string | null) => useQuery({ ...reportingQueries.templates(provinceId ?? ''), enabled: !!provinceId });
export const useOwed = (periodKey: string) => useQuery(reportingQueries.owed(periodKey));
export const useReport = (k: ReportKey) => useQuery(reportingQueries.report(k));
export const useCompleteness = (templateId: string, periodKey: string) => useQuery(reportingQueries.completeness(templateId, periodKey));
export const useIndicators = (unitId: string | null, periodKey: string, provisional: boolean) =>
  useQuery({ ...reportingQueries.indicators(unitId ?? '', periodKey, provisional), enabled: !!unitId });
export const useTrajectory = (unitId: string | null, indicator: string | null, provisional: boolean) =>
  useQuery({ ...reportingQueries.trajectory(unitId ?? '', indicator ?? '', provisional), enabled: !!unitId && !!indicator });

/** Provinces and communes, searched as the person types (the indicator table's unit picker). */
export const unitSearch = async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
  const units = await api<UnitSummary[]>('/api/units', { query: { q, level: 'province,commune', limit: 30 }, signal });
  return units.map((u) => ({ value: u.id, label: u.name }));
};

/**
 * After a write on a report: its cache gets the answer at once, then the lists that show it (what I owe, the
 * completeness boards, the indicators) are read again.
 */
function useAfterWrite(k: ReportKey) {
  const qc = useQueryClient();
  const key = reportingQueries.report(k).queryKey;
  return (view: ReportView) => {
    qc.setQueryData(key, view);
    void Promise.all([
      qc.invalidateQueries({ queryKey: [...base, 'owed'] }),
      qc.invalidateQueries({ queryKey: [...base, 'completeness'] }),
      qc.invalidateQueries({ queryKey: [...base, 'indicators'] }),
    ]);
  };
}

/** Reads the report again (after a 409: someone else's change), and waits for the answer. */
export function useRefetchReport(k: ReportKey) {
  const qc = useQueryClient();
  return () => qc.refetchQueries({ queryKey: reportingQueries.report(k).queryKey, exact: true });
}

export function useSaveReport(k: ReportKey) {
  const after = useAfterWrite(k);
  return useMutation({
    mutationFn: (input: ReportSaveInput) => api<ReportView>('/api/reporting/report', { method: 'PUT', body: input }),
    onSuccess: after,
  });
}

/** The report as a pre-filled workbook to fill offline (GET), and the same workbook sent back (POST). */
export const reportXlsxHref = (k: ReportKey) => `/api/reporting/report.xlsx?${new URLSearchParams(Object.entries(reportQuery(k)).filter((e): e is [string, string] => !!e[1])).toString()}`;

export function useUploadReportXlsx(k: ReportKey) {
  const after = useAfterWrite(k);
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return upload<ReportView>('/api/reporting/report.xlsx', form, { query: reportQuery(k) });
    },
    onSuccess: after,
  });
}

export function useReportAction(k: ReportKey) {
  const after = useAfterWrite(k);
  return useMutation({
    mutationFn: ({ id, ...body }: ReportActionInput) => api<ReportView>(`/api/reporting/reports/${id}/actions`, { method: 'POST', body }),
    onSuccess: after,
  });
}
