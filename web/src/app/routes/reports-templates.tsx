import { TemplatesManager } from '../../features/reporting/components/TemplatesManager.tsx';
import { isAdmin, useMe } from '../../lib/session.tsx';

export default function ReportTemplatesPage() {
  const me = useMe();
  // The coordinator's province; a province viewer or evaluator reads theirs; the administrator picks one.
  const grant = me.grants.find((g) => g.role === 'coordinator' && g.provinceId) ?? me.grants.find((g) => (g.role === 'viewer' || g.role === 'evaluator') && g.provinceId);
  return <TemplatesManager defaultProvinceId={grant?.provinceId ?? null} pickProvince={isAdmin(me)} />;
}
