import { useQuery } from '@tanstack/react-query';
import { unitQueries } from '../../features/units/api.ts';

/**
 * The province a page opens on: the one of the person's grant when it names one; otherwise (an administrator,
 * whose grant names no province) the first province they may read, from the list the unit browser starts from,
 * rather than an empty page. `pending` while that list loads.
 */
export function useDefaultProvince(granted: string | null, wanted = true): { provinceId: string | null; pending: boolean } {
  const provinces = useQuery({ ...unitQueries.provinces(), enabled: wanted && granted === null });
  if (!wanted) return { provinceId: null, pending: false };
  if (granted !== null) return { provinceId: granted, pending: false };
  return { provinceId: provinces.data?.[0]?.id ?? null, pending: provinces.isPending };
}
