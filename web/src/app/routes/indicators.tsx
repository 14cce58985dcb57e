import { IndicatorsView } from '../../features/reporting/components/IndicatorsView.tsx';
import { useMe } from '../../lib/session.tsx';

export default function IndicatorsPage() {
  const me = useMe();
  // By default the province of the person's first grant that has one.
  const provinceId = me.grants.find((g) => g.provinceId)?.provinceId ?? null;
  return <IndicatorsView defaultUnitId={provinceId} />;
}
