import { lazy, Suspense, useMemo, type HTMLAttributes } from 'react';
import { Alert, Card, Empty, Flex, Grid, Select, Skeleton, Switch, Table, Tag, Tooltip, Typography, type Breakpoint } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RemoteSelect } from '../../../components/RemoteSelect.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import type { MessageKey } from '../../../lib/i18n.ts';
import { useUrlState } from '../../../lib/url-state.ts';
import { unitSearch, useIndicators } from '../api.ts';
import { COMPARATOR_LABEL, GROUP_LABEL } from '../labels.ts';
import {
  chartSeries,
  chosenIndicator,
  communeColumns,
  compareNullable,
  formatIndicator,
  isoDay,
  isPeriodKey,
  isUuid,
  parseYear,
  reportingLevelOf,
  yearOf,
  yearOptions,
  type IndicatorRow,
  type IndicatorValue,
} from '../model.ts';
import { IndicatorStatusTag } from './Tags.tsx';

const IndicatorChart = lazy(() => import('./IndicatorChart.tsx'));

const COVERAGE_KEY: Record<'commune' | 'agency' | 'province', MessageKey> = {
  commune: 'reporting.ind.coverageCommunes',
  agency: 'reporting.ind.coverageAgencies',
  province: 'reporting.ind.coverageUnits',
};

/**
 * The indicator table of a unit and a period (year): each indicator's value, its numerator and denominator,
 * how many units have reported; for a province also every commune's row and one indicator charted across
 * communes. Unit, year, provisional figures and the charted indicator live in the URL.
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

  const coverage = (i: IndicatorValue) => {
    const level = reportingLevelOf(i.code) ?? 'province';
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
            onRow={(r) => ({ 'data-testid': 'indicator-row', 'data-code': r.code, 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
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
