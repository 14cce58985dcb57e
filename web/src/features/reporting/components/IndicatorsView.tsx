import { lazy, Suspense, useMemo, useRef, type HTMLAttributes, type KeyboardEvent } from 'react';
import { Alert, Card, Empty, Flex, Grid, Select, Skeleton, Switch, Table, Tag, Tooltip, Typography, type Breakpoint } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RemoteSelect } from '../../../components/RemoteSelect.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import type { MessageKey } from '../../../lib/i18n.ts';
import { useUrlState } from '../../../lib/url-state.ts';
import { unitSearch, useIndicators, useTrajectory } from '../api.ts';
import { COMPARATOR_LABEL, TARGET_GROUP_LABEL as GROUP_LABEL } from '../../../lib/labels.ts';
import {
  chartSeries,
  chosenIndicator,
  communeColumns,
  compareNullable,
  escapeHtml,
  formatIndicator,
  isoDay,
  isPeriodKey,
  isUuid,
  parseYear,
  trajectoryIndicator,
  trajectorySeries,
  yearOf,
  yearOptions,
  type IndicatorRow,
  type IndicatorTrajectory,
  type IndicatorValue,
} from '../model.ts';
import { IndicatorStatusTag } from './Tags.tsx';

const IndicatorChart = lazy(() => import('./IndicatorChart.tsx'));
const TrajectoryChart = lazy(() => import('./TrajectoryChart.tsx'));

const COVERAGE_KEY: Record<'commune' | 'agency' | 'province', MessageKey> = {
  commune: 'reporting.ind.coverageCommunes',
  agency: 'reporting.ind.coverageAgencies',
  province: 'reporting.ind.coverageUnits',
};
/** The level that reports an indicator's figures, as the server says it (anything else counts as the province's). */
const levelKey = (level: string): keyof typeof COVERAGE_KEY => (level === 'commune' || level === 'agency' ? level : 'province');

/**
 * The indicator table of a unit and a period (year): each indicator's value, its numerator and denominator,
 * how many units have reported; one indicator's trajectory across years toward its plans' targets; for a
 * province also every commune's row and one indicator charted across communes. Unit, year, provisional
 * figures, the indicator followed across years and the one charted across communes live in the URL.
 */
export function IndicatorsView({ defaultUnitId }: { defaultUnitId: string | null }) {
  const t = useT();
  const [params, update] = useUrlState();
  const phone = Grid.useBreakpoint().md === false;
  const wide: Breakpoint[] = ['md'];
  const current = yearOf(isoDay());
  const askedUnit = params.get('unitId');
  const unitId = isUuid(askedUnit) ? askedUnit : defaultUnitId;
  const askedPeriod = params.get('periodKey');
  const periodKey = isPeriodKey(askedPeriod) ? askedPeriod : String(current);
  const year = parseYear(periodKey.slice(0, 4), current);
  const provisional = params.get('provisional') === 'true';
  const table = useIndicators(unitId, periodKey, provisional);
  const data = table.data;
  const columns = useMemo(() => (data ? communeColumns(data) : []), [data]);
  const chartCode = chosenIndicator(columns, params.get('chart'));
  const chartIndicator = columns.find((c) => c.code === chartCode) ?? null;
  const series = useMemo(() => (data && chartCode ? chartSeries(data.rows, chartCode) : []), [data, chartCode]);
  const trajectoryCode = data ? trajectoryIndicator(data.indicators, params.get('indicator')) : null;
  const trajectory = useTrajectory(unitId, trajectoryCode, provisional);
  // While another unit, indicator or reading loads, the previous answer (kept as placeholder) is not shown under the new choice.
  const followed = trajectory.data?.unit.id === unitId && trajectory.data.provisional === provisional ? (trajectory.data.indicators.find((i) => i.code === trajectoryCode) ?? null) : null;
  const trajectoryData = useMemo(() => (followed ? trajectorySeries(followed) : null), [followed]);
  const trajectoryLabels = useMemo(() => ({ value: t('reporting.ind.value'), target: t('reporting.ind.targets'), pace: t('reporting.traj.pace') }), [t]);
  const trajectoryCard = useRef<HTMLDivElement>(null);
  const follow = (code: string) => {
    update({ indicator: code });
    trajectoryCard.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  };

  const coverage = (i: IndicatorValue) => {
    const level = levelKey(i.level);
    return (
      <Flex vertical gap={2}>
        <span style={{ whiteSpace: 'nowrap' }} data-testid="indicator-coverage">
          {t(COVERAGE_KEY[level], { n: formatNumber(i.unitsReporting), m: formatNumber(i.unitsExpected) })}
        </span>
        <div>
          <IndicatorStatusTag status={i.status} />
        </div>
      </Flex>
    );
  };
  const value = (i: IndicatorValue) => {
    const shown = formatIndicator(i.value, i.unit);
    return shown ? (
      <Flex vertical gap={0} align={phone ? 'flex-start' : 'flex-end'}>
        <strong style={{ fontSize: 15, whiteSpace: 'nowrap' }} data-testid="indicator-value">
          {shown}
          {i.unit !== '%' ? <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}> {i.unit}</Typography.Text> : null}
        </strong>
        {i.unit === '%' && i.numerator !== null && i.denominator !== null ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-testid="indicator-fraction">
            {formatNumber(i.numerator)}/{formatNumber(i.denominator)}
          </Typography.Text>
        ) : null}
      </Flex>
    ) : (
      <Tooltip title={i.reason ?? undefined}>
        <Typography.Text type="secondary" data-testid="indicator-value">
          —
        </Typography.Text>
      </Tooltip>
    );
  };

  /** The plans' targets this indicator measures ("ít nhất 50% (năm 2025) · KH 74"), met or not from their year on. */
  const targets = (i: IndicatorValue) =>
    i.targets?.length ? (
      <Flex vertical gap={4} data-testid="indicator-targets">
        {i.targets.map((g, n) => (
          <Flex key={`${g.planId}-${n}`} gap={4} wrap align="center" title={g.text}>
            <span style={{ whiteSpace: 'nowrap' }}>
              {COMPARATOR_LABEL[g.comparator as keyof typeof COMPARATOR_LABEL] ? t(COMPARATOR_LABEL[g.comparator as keyof typeof COMPARATOR_LABEL]) : g.comparator}{' '}
              <strong>{formatIndicator(g.value, i.unit === '%' ? '%' : '')}</strong>
              {g.year ? ` (${t('reporting.ind.targetYear', { year: g.year })})` : ''}
            </span>
            {g.planNumber ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                · {g.planNumber}
              </Typography.Text>
            ) : null}
            {g.met === true ? (
              <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="target-met">
                {t('reporting.ind.met')}
              </Tag>
            ) : g.met === false ? (
              <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="target-not-met">
                {t('reporting.ind.notMet')}
              </Tag>
            ) : null}
          </Flex>
        ))}
      </Flex>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );

  const comparatorLabel = (c: string) => (COMPARATOR_LABEL[c as keyof typeof COMPARATOR_LABEL] ? t(COMPARATOR_LABEL[c as keyof typeof COMPARATOR_LABEL]) : c);
  const metLabel = (met: boolean | null) => t(met === true ? 'reporting.ind.met' : met === false ? 'reporting.ind.notMet' : 'reporting.traj.notJudged');

  /** The tooltip of one year: its value and fraction, who reported, whether provisional, the targets of that year. */
  const describeYear = (ind: IndicatorTrajectory) => (year: number) => {
    const p = ind.points.find((x) => x.year === year);
    if (!p) return '';
    const level = levelKey(ind.level);
    const shown = formatIndicator(p.value, ind.unit);
    const lines = [
      `<b>${escapeHtml(t('reporting.traj.year', { year }))}</b>`,
      shown
        ? `${escapeHtml(t('reporting.ind.value'))}: <b>${escapeHtml(shown)}</b>${ind.unit === '%' && p.numerator !== null && p.denominator !== null ? ` (${escapeHtml(formatNumber(p.numerator))}/${escapeHtml(formatNumber(p.denominator))})` : ''}`
        : escapeHtml(p.reason ?? t('reporting.ind.noData')),
      escapeHtml(t(COVERAGE_KEY[level], { n: formatNumber(p.unitsReporting), m: formatNumber(p.unitsExpected) })),
      ...(p.provisional ? [escapeHtml(t('reporting.traj.provisionalYear'))] : []),
      ...ind.targets
        .filter((g) => g.year === year)
        .map((g) => escapeHtml(`${t('reporting.ind.targets')}: ${comparatorLabel(g.comparator)} ${formatIndicator(g.value, ind.unit === '%' ? '%' : '')}${g.planNumber ? ` · ${g.planNumber}` : ''} — ${metLabel(g.met)}`)),
    ];
    return lines.join('<br/>');
  };

  /** The plans' targets of the followed indicator: judged at their milestone year, and on the latest year since when that differs. */
  const trajectoryTargets = (ind: IndicatorTrajectory) =>
    ind.targets.length ? (
      <Flex vertical gap={4} style={{ marginTop: 8 }} data-testid="trajectory-targets">
        {ind.targets.map((g, n) => (
          <Flex key={`${g.planId}-${n}`} gap={4} wrap align="center" title={g.text}>
            <span>
              {comparatorLabel(g.comparator)} <strong>{formatIndicator(g.value, ind.unit === '%' ? '%' : '')}</strong>
              {g.year ? ` (${t('reporting.ind.targetYear', { year: g.year })})` : ''}
            </span>
            {g.planNumber ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                · {g.planNumber}
              </Typography.Text>
            ) : null}
            <Tag color={g.met === true ? 'green' : g.met === false ? 'red' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="trajectory-target-met" data-met={String(g.met)}>
              {metLabel(g.met)}
            </Tag>
            {g.latest && g.latest.year !== g.year ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                ({t('reporting.traj.latest', { year: g.latest.year, status: metLabel(g.latest.met) })})
              </Typography.Text>
            ) : null}
          </Flex>
        ))}
      </Flex>
    ) : null;

  const trajectoryBody = () => {
    if (trajectory.isError) return <ErrorAlert error={trajectory.error} />;
    const page = trajectory.data;
    if (!followed || !trajectoryData || !page) return <Skeleton.Node active style={{ width: '100%', height: 320 }} />;
    const pace = trajectoryData.pace;
    const count = (v: number) => `${formatIndicator(v, '')} ${followed.unit}`;
    const noValue = trajectoryData.values.every((v) => v.value === null);
    return (
      <>
        {noValue ? <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('reporting.traj.empty', { from: page.fromYear, to: page.toYear })} data-testid="trajectory-empty" /> : null}
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 320 }} />}>
          <TrajectoryChart data={trajectoryData} unit={followed.unit} name={followed.name} labels={trajectoryLabels} tooltip={describeYear(followed)} />
        </Suspense>
        <Flex vertical gap={2} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="trajectory-range">
            {t('reporting.traj.range', { from: page.fromYear, to: page.toYear })} · {page.latestAt ? t('reporting.ind.latest', { at: formatDateTime(page.latestAt) }) : t('reporting.ind.noData')} · {t('reporting.traj.gaps')}
          </Typography.Text>
          {trajectoryData.values.some((v) => v.provisional) ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="trajectory-provisional">
              <span style={{ color: '#d48806' }}>○</span> {t('reporting.traj.provisionalYear')}: {trajectoryData.values.filter((v) => v.provisional).map((v) => v.year).join(', ')}
            </Typography.Text>
          ) : null}
          {pace ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="trajectory-pace">
              {t('reporting.traj.paceNote', {
                from: pace.from.year,
                value: followed.unit === '%' ? formatIndicator(pace.from.value, '%')! : count(pace.from.value),
                to: pace.to.year,
                target: followed.unit === '%' ? formatIndicator(pace.to.value, '%')! : count(pace.to.value),
                step: followed.unit === '%' ? t('reporting.traj.points', { n: formatIndicator(pace.perYear, '')! }) : count(pace.perYear),
              })}
            </Typography.Text>
          ) : null}
        </Flex>
        {trajectoryTargets(followed)}
      </>
    );
  };

  return (
    <div data-testid="indicators">
      <PageHeader title={t('reporting.ind.title')} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <div style={{ width: 320, maxWidth: '100%' }}>
          <RemoteSelect
            cacheKey={['reporting-unit']}
            search={unitSearch}
            value={unitId}
            initialLabel={data?.unit.id === unitId ? data.unit.name : null}
            onChange={(v) => update({ unitId: v ?? undefined, chart: undefined })}
            placeholder={t('reporting.ind.unit')}
            data-testid="indicators-unit"
          />
        </div>
        <Select<number>
          value={year}
          onChange={(y) => update({ periodKey: y === current ? undefined : String(y) })}
          options={yearOptions(current, year).map((y) => ({ value: y, label: t('reporting.year', { year: y }) }))}
          style={{ width: 140 }}
          data-testid="indicators-year"
          aria-label={t('reporting.period.pick')}
        />
        <Flex gap={6} align="center">
          <Switch checked={provisional} onChange={(v) => update({ provisional: v ? 'true' : undefined })} data-testid="indicators-provisional" aria-label={t('reporting.ind.provisional')} />
          <span>{t('reporting.ind.provisional')}</span>
        </Flex>
      </Flex>

      {!unitId ? <Alert type="info" showIcon title={t('reporting.ind.pickUnit')} /> : null}
      {table.isError ? <ErrorAlert error={table.error} /> : null}
      {table.isPending && unitId ? <Skeleton active paragraph={{ rows: 8 }} /> : null}

      {data ? (
        <>
          <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
            <Typography.Text strong data-testid="indicators-unit-name">
              {data.unit.name} · {data.periodLabel}
            </Typography.Text>
            {data.provisional ? (
              <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="indicators-provisional-tag">
                {t('reporting.ind.provisionalTag')}
              </Tag>
            ) : (
              <Tag color="green" style={{ marginInlineEnd: 0 }}>
                {t('reporting.ind.approvedOnly')}
              </Tag>
            )}
            <Typography.Text type="secondary" data-testid="indicators-latest">
              {data.latestAt ? t('reporting.ind.latest', { at: formatDateTime(data.latestAt) }) : t('reporting.ind.noData')}
            </Typography.Text>
          </Flex>

          <Table<IndicatorValue>
            rowKey="code"
            size="small"
            loading={table.isFetching}
            dataSource={data.indicators}
            pagination={false}
            style={{ marginBottom: 16 }}
            data-testid="indicators-table"
            rowClassName={(r) => (r.code === trajectoryCode ? 'ant-table-row-selected' : '')}
            onRow={(r) =>
              ({
                'data-testid': 'indicator-row',
                'data-code': r.code,
                'data-status': r.status,
                'aria-selected': r.code === trajectoryCode,
                tabIndex: 0,
                style: { cursor: 'pointer' },
                onClick: () => follow(r.code),
                onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    follow(r.code);
                  }
                },
              }) as HTMLAttributes<HTMLElement>
            }
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reporting.ind.empty')} /> }}
            columns={[
              {
                title: t('reporting.ind.indicator'),
                key: 'name',
                render: (_v, r) => (
                  <>
                    <span>{r.name}</span>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {GROUP_LABEL[r.group as keyof typeof GROUP_LABEL] ? t(GROUP_LABEL[r.group as keyof typeof GROUP_LABEL]) : r.group}
                      {r.reason && r.value === null ? ` · ${r.reason}` : ''}
                    </Typography.Text>
                    {phone ? (
                      <Flex gap={12} wrap align="flex-start" style={{ marginTop: 4 }}>
                        {value(r)}
                        {coverage(r)}
                        {r.targets?.length ? targets(r) : null}
                      </Flex>
                    ) : null}
                  </>
                ),
              },
              { title: t('reporting.ind.value'), key: 'value', width: 150, align: 'right', responsive: wide, render: (_v, r) => value(r) },
              { title: t('reporting.ind.coverage'), key: 'coverage', width: 200, responsive: wide, render: (_v, r) => coverage(r) },
              { title: t('reporting.ind.targets'), key: 'targets', width: 240, responsive: wide, render: (_v, r) => targets(r) },
            ]}
          />

          <div ref={trajectoryCard} style={{ scrollMarginTop: 16 }}>
            <Card
              size="small"
              title={t('reporting.traj.title')}
              style={{ marginBottom: 16 }}
              extra={
                <Select<string>
                  value={trajectoryCode ?? undefined}
                  onChange={(v) => update({ indicator: v })}
                  options={data.indicators.map((i) => ({ value: i.code, label: i.name }))}
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: 360, maxWidth: '60vw' }}
                  popupMatchSelectWidth={false}
                  data-testid="trajectory-pick"
                  aria-label={t('reporting.traj.pick')}
                />
              }
              data-testid="trajectory-card"
            >
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
                {t('reporting.traj.hint')}
              </Typography.Paragraph>
              {trajectoryBody()}
            </Card>
          </div>

          {data.rows.length > 0 && columns.length > 0 ? (
            <>
              <Card
                size="small"
                title={t('reporting.ind.chartTitle')}
                style={{ marginBottom: 16 }}
                extra={
                  <Select<string>
                    value={chartCode ?? undefined}
                    onChange={(v) => update({ chart: v })}
                    options={columns.map((c) => ({ value: c.code, label: c.name }))}
                    style={{ width: 360, maxWidth: '60vw' }}
                    popupMatchSelectWidth={false}
                    data-testid="indicators-chart-pick"
                  />
                }
                data-testid="indicators-chart-card"
              >
                {series.length ? (
                  <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 300 }} />}>
                    <IndicatorChart series={series} unit={chartIndicator?.unit ?? ''} name={chartIndicator?.name ?? ''} />
                  </Suspense>
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reporting.ind.chartEmpty')} />
                )}
              </Card>
              <Card size="small" title={t('reporting.ind.communes', { n: formatNumber(data.rows.length) })} data-testid="indicators-communes">
                <Table<IndicatorRow>
                  rowKey="unitId"
                  size="small"
                  dataSource={data.rows}
                  scroll={{ x: 220 + columns.length * 140 }}
                  pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n: formatNumber(n) }) }}
                  showSorterTooltip={false}
                  data-testid="indicators-communes-table"
                  onRow={(r) => ({ 'data-testid': 'commune-row', 'data-unit-id': r.unitId }) as HTMLAttributes<HTMLElement>}
                  columns={[
                    {
                      title: t('reporting.ind.commune'),
                      dataIndex: 'name',
                      fixed: 'left',
                      width: 200,
                      sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
                      render: (v: string, r) => (
                        <a onClick={() => update({ unitId: r.unitId, chart: undefined })} data-testid="commune-link">
                          {v}
                        </a>
                      ),
                    },
                    ...columns.map((c) => ({
                      title: (
                        <Tooltip title={c.name}>
                          <span style={{ display: '-webkit-box', WebkitBoxOrient: 'vertical' as const, WebkitLineClamp: 3, overflow: 'hidden', fontSize: 12 }}>{c.name}</span>
                        </Tooltip>
                      ),
                      key: c.code,
                      width: 140,
                      align: 'right' as const,
                      sorter: (a: IndicatorRow, b: IndicatorRow, order?: 'ascend' | 'descend' | null) => compareNullable(a.values[c.code], b.values[c.code], order),
                      sortDirections: ['descend' as const, 'ascend' as const],
                      render: (_v: unknown, r: IndicatorRow) => formatIndicator(r.values[c.code] ?? null, c.unit) ?? <Typography.Text type="secondary">—</Typography.Text>,
                    })),
                  ]}
                />
              </Card>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
