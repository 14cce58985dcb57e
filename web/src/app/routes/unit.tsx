import { useParams } from 'react-router';
import { NotFound } from '../../components/NotFound.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { useUnit } from '../../features/units/api.ts';
import { UnitDetailView } from '../../features/units/components/UnitDetailView.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function UnitPage() {
  const { id = '' } = useParams();
  // A malformed id would get a 400 from the server; for the person it is simply not there.
  return UUID.test(id) ? <UnitById id={id} /> : <NotFound />;
}

function UnitById({ id }: { id: string }) {
  const unit = useUnit(id);
  return <QueryView query={unit}>{(u) => <UnitDetailView key={u.id} unit={u} />}</QueryView>;
}
