import { useSearchParams } from 'react-router';
import { NotFound } from '../../components/NotFound.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { useReport } from '../../features/reporting/api.ts';
import { EntryView } from '../../features/reporting/components/EntryView.tsx';
import { parseReportKey, type ReportKey } from '../../features/reporting/model.ts';

export default function ReportEntryPage() {
  const [params] = useSearchParams();
  const key = parseReportKey(params);
  return key ? <ReportByKey reportKey={key} /> : <NotFound backTo="/reports" />;
}

function ReportByKey({ reportKey }: { reportKey: ReportKey }) {
  const report = useReport(reportKey);
  // Keyed by the report (not its id, which appears on the first save): the form keeps its state across saves.
  const key = `${reportKey.templateId}|${reportKey.periodKey}|${reportKey.unitId}|${reportKey.agencyId ?? ''}`;
  return <QueryView query={report}>{(view) => <EntryView key={key} view={view} reportKey={reportKey} />}</QueryView>;
}
