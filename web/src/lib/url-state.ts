import { useSearchParams } from 'react-router';

/**
 * Filters live in the URL (a link or a reload shows the same list). `update` sets or clears several keys at
 * once and replaces the history entry, so typing in a filter does not fill the back button.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const update = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };
  return [params, update] as const;
}
