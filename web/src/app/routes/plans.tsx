import { PlansBrowser } from '../../features/plans/components/PlansBrowser.tsx';
import { hasRole, isAdmin, useMe } from '../../lib/session.tsx';

export default function PlansPage() {
  const me = useMe();
  // There is no "import plans" ability in /api/auth/me: the server allows the province's coordinator and the administrator.
  return <PlansBrowser canImport={hasRole(me, 'coordinator', 'systemAdmin')} pickProvince={isAdmin(me)} />;
}
