import { Skeleton } from 'antd';
import { CatalogueManager } from '../../features/catalogue/components/CatalogueManager.tsx';
import { isAdmin, useMe } from '../../lib/session.tsx';
import { useDefaultProvince } from '../hooks/useDefaultProvince.ts';

export default function ReportsCataloguePage() {
  const me = useMe();
  // The coordinator's province; a province viewer or evaluator reads theirs; the administrator picks one.
  const grant = me.grants.find((g) => g.role === 'coordinator' && g.provinceId) ?? me.grants.find((g) => (g.role === 'viewer' || g.role === 'evaluator') && g.provinceId);
  const { provinceId, pending } = useDefaultProvince(grant?.provinceId ?? null);
  if (pending) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <CatalogueManager defaultProvinceId={provinceId} pickProvince={isAdmin(me)} />;
}
