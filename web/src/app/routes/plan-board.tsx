import { useParams } from 'react-router';
import { NotFound } from '../../components/NotFound.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { usePlan } from '../../features/plans/api.ts';
import { BoardView } from '../../features/tracking/components/BoardView.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function PlanBoardPage() {
  const { id = '' } = useParams();
  return UUID.test(id) ? <BoardOfPlan id={id} /> : <NotFound />;
}

// The plan (title, province, period) comes from the plans feature, usually already cached by the plan page.
function BoardOfPlan({ id }: { id: string }) {
  const plan = usePlan(id);
  return (
    <QueryView query={plan}>
      {(p) => <BoardView key={p.id} plan={{ id: p.id, title: p.title, number: p.number, provinceId: p.provinceId, periodStart: p.periodStart, periodEnd: p.periodEnd }} />}
    </QueryView>
  );
}
