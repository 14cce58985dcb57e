import { Forbidden } from '../../components/Forbidden.tsx';
import { AuditBrowser } from '../../features/audit/components/AuditBrowser.tsx';
import { useMe } from '../../lib/session.tsx';

export default function AuditPage() {
  const me = useMe();
  return me.abilities.viewAudit ? <AuditBrowser /> : <Forbidden />;
}
