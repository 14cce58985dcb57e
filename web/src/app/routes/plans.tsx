import { PlansBrowser } from '../../features/plans/components/PlansBrowser.tsx';
import { isAdmin, useMe } from '../../lib/session.tsx';

export default function PlansPage() {
  const me = useMe();
  // /api/auth/me says who may import (the province's coordinator, the administrator); the server checks the province.
  return <PlansBrowser canImport={me.abilities.importPlans === true} pickProvince={isAdmin(me)} />;
}
