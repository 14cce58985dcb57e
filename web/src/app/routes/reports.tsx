import { Skeleton } from 'antd';
import { ReportsHome } from '../../features/reporting/components/ReportsHome.tsx';
import { hasRole, isAdmin, useMe } from '../../lib/session.tsx';
import { useDefaultProvince } from '../hooks/useDefaultProvince.ts';

export default function ReportsPage() {
  const me = useMe();
  // The coordinator (or the administrator) also follows the province's templates.
  const coordinator = hasRole(me, 'coordinator') || isAdmin(me);
  const granted = me.grants.find((g) => g.role === 'coordinator')?.provinceId ?? me.grants.find((g) => g.provinceId)?.provinceId ?? null;
  const { provinceId, pending } = useDefaultProvince(granted, coordinator);
  if (pending) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <ReportsHome coordinatorProvinceId={provinceId} />;
}
