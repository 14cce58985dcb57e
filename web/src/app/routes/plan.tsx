import { useParams } from 'react-router';
import { NotFound } from '../../components/NotFound.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { usePlan } from '../../features/plans/api.ts';
import { PlanDetailView } from '../../features/plans/components/PlanDetailView.tsx';
import { useMe } from '../../lib/session.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function PlanPage() {
  const { id = '' } = useParams();
  return UUID.test(id) ? <PlanById id={id} /> : <NotFound />;
}

function PlanById({ id }: { id: string }) {
  const plan = usePlan(id);
  // Resolving a name of the plan may add the missing agency to the catalogue, for those who manage it.
  const canCreateAgency = useMe().abilities.manageAgencies === true;
  return <QueryView query={plan}>{(p) => <PlanDetailView key={p.id} plan={p} canCreateAgency={canCreateAgency} />}</QueryView>;
}
