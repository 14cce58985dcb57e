import { Forbidden } from '../../components/Forbidden.tsx';
import { UsersBrowser } from '../../features/users/components/UsersBrowser.tsx';
import { useMe } from '../../lib/session.tsx';

export default function UsersPage() {
  const me = useMe();
  return me.abilities.manageUsers ? <UsersBrowser /> : <Forbidden />;
}
