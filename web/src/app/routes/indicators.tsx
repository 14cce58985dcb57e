import { Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { IndicatorsView } from '../../features/reporting/components/IndicatorsView.tsx';
import { unitQueries } from '../../features/units/api.ts';
import { useMe } from '../../lib/session.tsx';

export default function IndicatorsPage() {
  const me = useMe();
  // By default the province of the person's first grant that has one.
  const granted = me.grants.find((g) => g.provinceId)?.provinceId ?? null;
  // An administrator's grant names no province: rather than an empty page, start on the first province they may
  // read, from the same list the unit browser starts from.
  const provinces = useQuery({ ...unitQueries.provinces(), enabled: granted === null });
  if (granted === null && provinces.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <IndicatorsView defaultUnitId={granted ?? provinces.data?.[0]?.id ?? null} />;
}
