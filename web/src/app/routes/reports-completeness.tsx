import { useSearchParams } from 'react-router';
import { NotFound } from '../../components/NotFound.tsx';
import { CompletenessView } from '../../features/reporting/components/CompletenessView.tsx';
import { isPeriodKey, isUuid } from '../../features/reporting/model.ts';

export default function ReportsCompletenessPage() {
  const [params] = useSearchParams();
  const templateId = params.get('templateId');
  const periodKey = params.get('periodKey');
  return isUuid(templateId) && isPeriodKey(periodKey) ? <CompletenessView key={`${templateId}|${periodKey}`} templateId={templateId} periodKey={periodKey} /> : <NotFound backTo="/reports" />;
}
