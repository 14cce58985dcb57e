import { useEffect, useRef } from 'react';
import { useEChart } from '../../../components/useEChart.ts';
import * as echarts from 'echarts/core';
import { LineChart, ScatterChart, type LineSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { formatIndicator, type TrajectorySeries } from '../model.ts';

// Loaded on demand (React.lazy from IndicatorsView): only the pieces of ECharts this chart draws with.
echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = echarts.ComposeOption<LineSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

const VALUE_COLOR = '#1677ff';
/** Provisional years (submitted figures counted) are hollow and amber, as the "tạm tính" tag is gold. */
const PROVISIONAL_COLOR = '#d48806';
const TARGET_COLOR = { met: '#52c41a', notMet: '#ff4d4f', notJudged: '#8c8c8c' } as const;

export type TrajectoryLabels = { value: string; target: string; pace: string };

/**
 * One indicator across years: its values as a line (a year without figures is a gap, never zero), the plans'
 * targets as diamonds at their milestone years (green met, red missed, grey not judged), and, when there is one,
 * a dashed straight line from the latest value to the next target, named as an illustration.
 */
export default function TrajectoryChart({ data, unit, name, labels, tooltip }: { data: TrajectorySeries; unit: string; name: string; labels: TrajectoryLabels; tooltip: (year: number) => string }) {
  const describe = useRef(tooltip);
  describe.current = tooltip;

  const { el, chart } = useEChart();

  useEffect(() => {
    const categories = data.years.map(String);
    const axisUnit = unit === '%' ? '%' : '';
    const pace = data.pace;
    const series: (LineSeriesOption | ScatterSeriesOption)[] = [
      {
        type: 'line',
        name: labels.value,
        connectNulls: false,
        itemStyle: { color: VALUE_COLOR },
        lineStyle: { width: 2 },
        data: data.values.map((v) =>
          v.value === null
            ? null
            : v.provisional
              ? { value: v.value, symbol: 'emptyCircle', symbolSize: 10, itemStyle: { color: PROVISIONAL_COLOR, borderColor: PROVISIONAL_COLOR, borderWidth: 2 } }
              : { value: v.value, symbol: 'circle', symbolSize: 7 },
        ),
      },
      {
        type: 'scatter',
        name: labels.target,
        symbol: 'diamond',
        symbolSize: 14,
        itemStyle: { color: TARGET_COLOR.notJudged },
        data: data.targets.map((g) => ({
          value: [String(g.year), g.value],
          itemStyle: { color: g.met === true ? TARGET_COLOR.met : g.met === false ? TARGET_COLOR.notMet : TARGET_COLOR.notJudged },
        })),
      },
    ];
    if (pace) {
      series.push({
        type: 'line',
        name: labels.pace,
        connectNulls: true,
        symbol: 'none',
        silent: true,
        lineStyle: { type: 'dashed', width: 1.5, color: '#8c8c8c' },
        itemStyle: { color: '#8c8c8c' },
        data: data.years.map((y) => (y === pace.from.year ? pace.from.value : y === pace.to.year ? pace.to.value : null)),
      });
    }
    const option: Option = {
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 18, textStyle: { fontSize: 12 } },
      tooltip: {
        trigger: 'axis',
        // The year under the pointer, from the axis: a year without a value has no point of the line to name it.
        formatter: (ps) => {
          const p = (Array.isArray(ps) ? ps[0] : ps) as { axisValue?: string | number; name?: string } | undefined;
          return describe.current(Number(p?.axisValue ?? p?.name));
        },
      },
      xAxis: { type: 'category', data: categories, boundaryGap: false },
      yAxis: { type: 'value', min: 0, max: unit === '%' ? 100 : undefined, axisLabel: { formatter: (v: number) => formatIndicator(v, axisUnit) ?? '' } },
      series,
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [data, unit, labels]);

  return <div ref={el} style={{ width: '100%', height: 320 }} data-testid="trajectory-chart" role="img" aria-label={name} />;
}
