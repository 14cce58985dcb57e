import { ReportsHome } from '../../features/reporting/components/ReportsHome.tsx';
import { hasRole, isAdmin, useMe } from '../../lib/session.tsx';

export default function ReportsPage() {
  const me = useMe();
  // The coordinator (or the administrator, through a province grant) also follows the province's templates.
  const coordinator = hasRole(me, 'coordinator') || isAdmin(me);
  const provinceId = coordinator ? (me.grants.find((g) => g.role === 'coordinator')?.provinceId ?? me.grants.find((g) => g.provinceId)?.provinceId ?? null) : null;
  return <ReportsHome coordinatorProvinceId={provinceId} />;
}
