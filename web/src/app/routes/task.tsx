import { useParams } from 'react-router';
import { NotFound } from '../../components/NotFound.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { useTaskTracking } from '../../features/tracking/api.ts';
import { TaskTrackingView } from '../../features/tracking/components/TaskTrackingView.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function TaskPage() {
  const { id = '' } = useParams();
  return UUID.test(id) ? <TaskById id={id} /> : <NotFound backTo="/my-tasks" />;
}

function TaskById({ id }: { id: string }) {
  const task = useTaskTracking(id);
  return <QueryView query={task}>{(d) => <TaskTrackingView key={d.task.id} data={d} />}</QueryView>;
}
