import { lazy, Suspense, useEffect, useState } from 'react';
import { Breadcrumb, Button, Card, Col, Empty, Flex, Input, Row, Select, Skeleton, Statistic, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RemoteSelect } from '../../../components/RemoteSelect.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useUrlState } from '../../../lib/url-state.ts';
import { useDebounced } from '../../../lib/useDebounced.ts';
import { agencySearchIn, useAgencyName, useBoard } from '../api.ts';
import { BOARD_STATUS_LABEL } from '../labels.ts';
import { BOARD_STATUS_LIST, boardExportHref, boardYears, parseBoardStatus, type BoardFilters, type BoardStatus } from '../model.ts';
import { BoardTable } from './BoardTable.tsx';

// ECharts is only loaded with the board, after the list: the rest of the app does not carry it.
const BoardChart = lazy(() => import('./BoardChart.tsx'));

export type BoardPlan = { id: string; title: string; number: string | null; provinceId: string; periodStart: number | null; periodEnd: number | null };

const PAGE_SIZE = 50;

/** "Theo dõi thực hiện": the plan's tasks of a year with their overall progress and reports; filters live in the URL. */
export function BoardView({ plan }: { plan: BoardPlan }) {
  const t = useT();
  const [params, update] = useUrlState();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), 300);
  const yearParam = Number(params.get('year'));
  const filters: BoardFilters = {
    planId: plan.id,
    year: Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : undefined,
    section: params.get('section') ?? undefined,
    agencyId: params.get('agencyId') ?? undefined,
    status: parseBoardStatus(params.get('status')),
    q: params.get('q') ?? undefined,
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const board = useBoard({ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const agencyName = useAgencyName(filters.agencyId);
  const data = board.data;
  const year = filters.year ?? data?.year;

  useEffect(() => {
    if (q !== (params.get('q') ?? '')) update({ q: q || undefined, page: undefined });
    // The URL follows what is typed, once typing pauses.
  }, [q]);

  const set = (next: Record<string, string | undefined>) => update({ ...next, page: undefined });
  const setStatus = (s: BoardStatus | undefined) => set({ status: s === filters.status ? undefined : s });
  const filtered = !!(filters.section || filters.agencyId || filters.status || filters.q);
  const total = data ? (['done', 'inProgress', 'delayed', 'notStarted', 'noReport'] as const).reduce((n, s) => n + (data.counts[s] ?? 0), 0) : 0;

  return (
    <div data-testid="board" data-plan-id={plan.id}>
      <PageHeader
        title={
          <>
            {t('tracking.board.title')}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 14, fontWeight: 400 }} data-testid="board-plan-title">
              {plan.number ? `${plan.number} · ${plan.title}` : plan.title}
            </Typography.Text>
          </>
        }
        extra={
          <Button icon={<FileExcelOutlined />} href={boardExportHref({ ...filters, year })} download data-testid="board-export">
            {t('tracking.board.export')}
          </Button>
        }
      >
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[
            { key: 'plans', title: <Link to="/plans">{t('tracking.board.plans')}</Link> },
            { key: 'plan', title: <Link to={`/plans/${plan.id}`}>{plan.number ?? (plan.title.length > 48 ? `${plan.title.slice(0, 48)}…` : plan.title)}</Link> },
            { key: 'board', title: t('tracking.board.title') },
          ]}
        />
      </PageHeader>

      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Select<number>
          value={year}
          onChange={(y) => set({ year: String(y) })}
          options={boardYears(plan, year).map((y) => ({ value: y, label: t('tracking.board.year', { year: y }) }))}
          style={{ width: 130 }}
          loading={!year}
          data-testid="board-year"
        />
        {data && data.sections.length > 0 ? (
          <Select<string>
            allowClear
            placeholder={t('tracking.board.allSections')}
            value={filters.section}
            onChange={(v) => set({ section: v })}
            options={data.sections.map((s) => ({ value: s, label: s }))}
            style={{ width: 300, maxWidth: '100%' }}
            popupMatchSelectWidth={false}
            data-testid="board-section"
          />
        ) : null}
        <div style={{ width: 300, maxWidth: '100%' }}>
          <RemoteSelect
            cacheKey={['board-agency', plan.provinceId]}
            search={agencySearchIn(plan.provinceId)}
            value={filters.agencyId ?? null}
            initialLabel={agencyName.data ?? null}
            onChange={(v) => set({ agencyId: v ?? undefined })}
            placeholder={t('tracking.board.agency')}
            data-testid="board-agency"
          />
        </div>
        <Select<BoardStatus>
          allowClear
          placeholder={t('tracking.board.allStatuses')}
          value={filters.status}
          onChange={(v) => set({ status: v })}
          options={BOARD_STATUS_LIST.map((s) => ({ value: s, label: t(BOARD_STATUS_LABEL[s]) }))}
          style={{ width: 200, maxWidth: '100%' }}
          data-testid="board-status"
        />
        <Input.Search
          allowClear
          placeholder={t('tracking.board.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 280, maxWidth: '100%' }}
          data-testid="board-search"
        />
      </Flex>

      {board.isError ? <ErrorAlert error={board.error} /> : null}

      {data ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={14} lg={12}>
            <Card size="small" title={t('tracking.board.chartTitle', { year: data.year })} data-testid="board-chart-card">
              <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 260 }} />}>
                <BoardChart counts={data.counts} selected={filters.status} onSelect={setStatus} />
              </Suspense>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('tracking.board.chartHint')}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} md={10} lg={12}>
            <Flex vertical gap={16}>
              <Card size="small">
                <Statistic title={t('tracking.board.totalTasks')} value={total} formatter={(v) => formatNumber(Number(v))} data-testid="board-total" />
              </Card>
              <Card size="small" hoverable onClick={() => setStatus('overdue')} style={{ cursor: 'pointer' }}>
                <Statistic
                  title={t('tracking.board.overdueTasks')}
                  value={data.counts.overdue ?? 0}
                  formatter={(v) => formatNumber(Number(v))}
                  styles={{ content: { color: (data.counts.overdue ?? 0) > 0 ? '#cf1322' : undefined } }}
                  data-testid="board-overdue"
                />
              </Card>
            </Flex>
          </Col>
        </Row>
      ) : null}

      <BoardTable
        rows={data?.items ?? []}
        total={data?.total ?? 0}
        loading={board.isFetching}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(p) => update({ page: p > 1 ? String(p) : undefined })}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('tracking.board.emptyFiltered') : t('tracking.board.empty', { year: year ?? '' })} />}
      />
    </div>
  );
}
