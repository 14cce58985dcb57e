import { AgenciesBrowser } from '../../features/agencies/components/AgenciesBrowser.tsx';
import { useMe } from '../../lib/session.tsx';

export default function AgenciesPage() {
  const me = useMe();
  return <AgenciesBrowser canCreate={me.abilities.manageAgencies === true} />;
}
