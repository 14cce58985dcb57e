import { Skeleton } from 'antd';
import { IndicatorsView } from '../../features/reporting/components/IndicatorsView.tsx';
import { useMe } from '../../lib/session.tsx';
import { useDefaultProvince } from '../hooks/useDefaultProvince.ts';

export default function IndicatorsPage() {
  const me = useMe();
  // By default the province of the person's first grant that has one.
  const { provinceId, pending } = useDefaultProvince(me.grants.find((g) => g.provinceId)?.provinceId ?? null);
  if (pending) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <IndicatorsView defaultUnitId={provinceId} />;
}
