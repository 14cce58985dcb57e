import { useEffect, useRef } from 'react';
import { useEChart } from '../../../components/useEChart.ts';
import * as echarts from 'echarts/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { COMPLETENESS_CHART_COLOR, COMPLETENESS_LABEL } from '../labels.ts';
import { COMPLETENESS_STATUS_LIST, completenessBars, type CompletenessStatus } from '../model.ts';

// Loaded on demand (React.lazy from CompletenessView): only the pieces of ECharts this chart draws with.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Option = echarts.ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/** The reporters by status, as bars; a click on a bar filters the table by it. */
export default function CompletenessChart({ counts, selected, onSelect }: { counts: Partial<Record<CompletenessStatus, number>>; selected?: CompletenessStatus; onSelect: (s: CompletenessStatus) => void }) {
  const t = useT();
  const select = useRef(onSelect);
  select.current = onSelect;
  const bars = completenessBars(counts);

  const { el, chart } = useEChart((c) => {
    // A click anywhere in a status's column selects it (a bar of 1 among 120 is too thin to hit).
    c.getZr().on('click', (e) => {
      const point = [e.offsetX, e.offsetY];
      if (!c.containPixel('grid', point)) return;
      const [index] = c.convertFromPixel({ seriesIndex: 0 }, point) as number[];
      const status = COMPLETENESS_STATUS_LIST[Math.round(index ?? -1)];
      if (status) select.current(status);
    });
  });

  useEffect(() => {
    const option: Option = {
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p) => `${(p as { name: string }).name}: <b>${formatNumber((p as { value: number }).value)}</b>` },
      xAxis: { type: 'category', data: bars.map((b) => t(COMPLETENESS_LABEL[b.status])), axisLabel: { interval: 0, fontSize: 11, overflow: 'break', width: 72 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          label: { show: true, position: 'top', formatter: (p) => formatNumber(Number((p as { value: number }).value)) },
          data: bars.map((b) => ({
            value: b.value,
            status: b.status,
            itemStyle: { color: COMPLETENESS_CHART_COLOR[b.status], opacity: selected && selected !== b.status ? 0.35 : 1 },
          })),
        },
      ],
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [JSON.stringify(bars), selected, t]);

  return (
    <div
      ref={el}
      style={{ width: '100%', height: 240, cursor: 'pointer' }}
      data-testid="completeness-chart"
      role="img"
      aria-label={bars.map((b) => `${t(COMPLETENESS_LABEL[b.status])}: ${b.value}`).join(', ')}
    />
  );
}
