import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';

/**
 * An ECharts instance bound to a div: created on mount, resized with its box, disposed on unmount. `wire` runs
 * once on the new instance (click handlers); options are set by the caller's own effect through `chart`.
 * Imported only by chart components, which are loaded lazily, so ECharts stays out of the main bundle.
 */
export function useEChart(wire?: (chart: echarts.ECharts) => void) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const wireOnce = useRef(wire);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    wireOnce.current?.(c);
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  return { el, chart };
}
