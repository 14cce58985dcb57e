import { Forbidden } from '../../components/Forbidden.tsx';
import { ImportWizard } from '../../features/plans/components/ImportWizard.tsx';
import type { ProvinceChoice } from '../../features/plans/components/UploadStep.tsx';
import { isAdmin, useMe } from '../../lib/session.tsx';

export default function PlanImportPage() {
  const me = useMe();
  // A coordinator imports into the province of their grant (unitId is the province); an administrator picks one.
  const grants = me.grants.filter((g) => g.role === 'coordinator' && g.unitId).map((g) => ({ id: g.unitId!, name: g.unitName ?? '' }));
  const choice: ProvinceChoice | null = isAdmin(me) ? { kind: 'all' } : grants.length ? { kind: 'grants', provinces: grants } : null;
  return choice && me.abilities.importPlans === true ? <ImportWizard choice={choice} canCreateAgency={me.abilities.manageAgencies === true} /> : <Forbidden />;
}
