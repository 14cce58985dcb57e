import { PageHeader } from '../../components/PageHeader.tsx';
import { ScopeUnits } from '../../features/units/components/ScopeUnits.tsx';
import { UnitSearch } from '../../features/units/components/UnitSearch.tsx';
import { useT } from '../../lib/i18n-context.tsx';
import { useMe } from '../../lib/session.tsx';

export default function UnitsPage() {
  const t = useT();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('nav.units')} />
      <UnitSearch />
      <ScopeUnits me={me} />
    </>
  );
}
