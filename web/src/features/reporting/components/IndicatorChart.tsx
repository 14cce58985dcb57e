import { useEffect } from 'react';
import { useEChart } from '../../../components/useEChart.ts';
import * as echarts from 'echarts/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { DataZoomComponent, GridComponent, TooltipComponent, type DataZoomComponentOption, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { formatIndicator } from '../model.ts';

// Loaded on demand (React.lazy from IndicatorsView): only the pieces of ECharts this chart draws with.
echarts.use([BarChart, GridComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

type Option = echarts.ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | DataZoomComponentOption>;

/** Bars shown at once before the chart scrolls (a province has a hundred communes or more). */
const WINDOW = 30;

/** One indicator across the province's communes, largest first. */
export default function IndicatorChart({ series, unit, name }: { series: { unitId: string; name: string; value: number }[]; unit: string; name: string }) {

  const { el, chart } = useEChart();

  useEffect(() => {
    const zoom = series.length > WINDOW;
    const option: Option = {
      grid: { left: 8, right: 16, top: 16, bottom: zoom ? 40 : 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p) => `${(p as { name: string }).name}<br/>${name}: <b>${formatIndicator((p as { value: number }).value, unit) ?? '—'}</b>` },
      xAxis: { type: 'category', data: series.map((s) => s.name), axisLabel: { interval: 0, rotate: 45, fontSize: 10, width: 90, overflow: 'truncate' } },
      yAxis: { type: 'value', max: unit === '%' ? 100 : undefined, axisLabel: { formatter: (v: number) => formatIndicator(v, unit === '%' ? '%' : '') ?? '' } },
      dataZoom: zoom ? [{ type: 'slider', startValue: 0, endValue: WINDOW - 1, height: 18, bottom: 8 }, { type: 'inside' }] : [],
      series: [{ type: 'bar', barMaxWidth: 28, itemStyle: { color: '#1677ff' }, data: series.map((s) => s.value) }],
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [series, unit, name]);

  return <div ref={el} style={{ width: '100%', height: 300 }} data-testid="indicator-chart" role="img" aria-label={name} />;
}
