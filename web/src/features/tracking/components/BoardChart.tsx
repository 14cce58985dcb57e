import { useEffect, useRef } from 'react';
import { useEChart } from '../../../components/useEChart.ts';
import * as echarts from 'echarts/core';
import { PieChart, type PieSeriesOption } from 'echarts/charts';
import { LegendComponent, TitleComponent, TooltipComponent, type LegendComponentOption, type TitleComponentOption, type TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { BOARD_STATUS_CHART_COLOR, BOARD_STATUS_LABEL } from '../labels.ts';
import { chartSlices, type BoardStatus } from '../model.ts';

// Loaded on demand (React.lazy from BoardView): only the pieces of ECharts this chart draws with.
echarts.use([PieChart, TitleComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Option = echarts.ComposeOption<PieSeriesOption | TitleComponentOption | TooltipComponentOption | LegendComponentOption>;

/** The year's tasks by their overall progress, as a donut; a click on a slice filters the board by it. */
export default function BoardChart({ counts, selected, onSelect }: { counts: Partial<Record<BoardStatus, number>>; selected?: BoardStatus; onSelect: (s: BoardStatus | undefined) => void }) {
  const t = useT();
  const select = useRef(onSelect);
  select.current = onSelect;
  const slices = chartSlices(counts);
  const total = slices.reduce((n, s) => n + s.value, 0);

  const { el, chart } = useEChart((c) => {
    c.on('click', (p) => {
      const status = (p.data as { status?: BoardStatus } | undefined)?.status;
      if (status) select.current(status);
    });
  });

  useEffect(() => {
    const option: Option = {
      // The total in the hole of the donut (a title, so a selected slice moving out does not move it).
      title: { text: formatNumber(total), left: 'center', top: '42%', textVerticalAlign: 'middle', textStyle: { fontSize: 22, fontWeight: 'bold', color: '#262626' } },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const q = p as { name: string; value: number; percent: number };
          return `${q.name}: <b>${formatNumber(q.value)}</b> (${formatNumber(Math.round(q.percent))}%)`;
        },
      },
      legend: { bottom: 0, left: 'center', itemWidth: 12, itemHeight: 12, textStyle: { fontSize: 12 } },
      series: [
        {
          type: 'pie',
          radius: ['45%', '72%'],
          center: ['50%', '42%'],
          avoidLabelOverlap: true,
          label: { show: false },
          labelLine: { show: false },
          emphasis: { scale: true },
          selectedMode: 'single',
          data: slices.map((s) => ({
            name: t(BOARD_STATUS_LABEL[s.status]),
            value: s.value,
            status: s.status,
            selected: s.status === selected,
            itemStyle: { color: BOARD_STATUS_CHART_COLOR[s.status] },
          })),
        },
      ],
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [JSON.stringify(slices), selected, t, total]);

  return <div ref={el} style={{ width: '100%', height: 260 }} data-testid="board-chart" role="img" aria-label={slices.map((s) => `${t(BOARD_STATUS_LABEL[s.status])}: ${s.value}`).join(', ')} />;
}
