import type { HTMLAttributes, ReactNode } from 'react';
import { Flex, Grid, Table, Tag, Tooltip, Typography, type Breakpoint } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import type { BoardRow } from '../model.ts';
import { clamp2, ProgressTag } from './Tags.tsx';

type Props = { rows: BoardRow[]; total: number; loading: boolean; page: number; pageSize: number; onPage: (page: number) => void; empty: ReactNode };

const DUES_SHOWN = 3;

export function BoardTable({ rows, total, loading, page, pageSize, onPage, empty }: Props) {
  const t = useT();
  const phone = Grid.useBreakpoint().md === false;
  const wide: Breakpoint[] = ['md'];
  const dueText = (d: BoardRow['dues'][number]) => (d.dueDate ? formatDate(d.dueDate) : t('tracking.noFixedDue'));
  const progress = (r: BoardRow) => (r.progress ? <ProgressTag progress={r.progress} testId="board-progress" /> : <Tag style={{ marginInlineEnd: 0 }} data-testid="board-progress" data-progress="none">{t('tracking.board.noReport')}</Tag>);
  const reports = (r: BoardRow) => (
    <Tooltip title={t('tracking.board.reportsHint', { submitted: formatNumber(r.submitted), expected: formatNumber(r.expected), accepted: formatNumber(r.accepted) })}>
      <span style={{ whiteSpace: 'nowrap' }} data-testid="board-reports">
        {formatNumber(r.submitted)}/{formatNumber(r.expected)}
      </span>
    </Tooltip>
  );
  const overdue = (r: BoardRow) =>
    r.overdue > 0 ? (
      <Typography.Text type="danger" strong data-testid="board-overdue-count">
        {formatNumber(r.overdue)}
      </Typography.Text>
    ) : (
      <Typography.Text type="secondary">0</Typography.Text>
    );

  return (
    <Table<BoardRow>
      rowKey="taskId"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={phone ? undefined : { x: 1100 }}
      data-testid="board-table"
      locale={{ emptyText: empty }}
      onRow={(r) => ({ 'data-testid': 'board-row', 'data-task-id': r.taskId, 'data-progress': r.progress ?? 'none' }) as HTMLAttributes<HTMLElement>}
      pagination={{ current: page, pageSize, total, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n: formatNumber(n) }), onChange: onPage }}
      columns={[
        { title: t('tracking.board.code'), dataIndex: 'code', width: 64, responsive: wide, render: (v: string | null) => <strong>{v ?? ''}</strong> },
        {
          title: t('tracking.board.task'),
          key: 'task',
          render: (_v, r) => (
            <>
              <Link to={r.dues[0] ? `/tasks/${r.taskId}?due=${encodeURIComponent(r.dues[0].due)}` : `/tasks/${r.taskId}`} data-testid="board-task-link">
                {phone && r.code ? <strong>{r.code}. </strong> : null}
                {r.title}
              </Link>
              {phone ? (
                <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
                  {progress(r)}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('tracking.board.reports')}: {reports(r)}
                  </Typography.Text>
                  {r.overdue > 0 ? <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('tracking.ob.overdueCount', { n: formatNumber(r.overdue) })}</Tag> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12, width: '100%' }}>
                    {r.dues.slice(0, DUES_SHOWN).map(dueText).join('; ')}
                  </Typography.Text>
                </Flex>
              ) : r.section ? (
                <Typography.Text type="secondary" style={{ ...clamp2, fontSize: 12 }} title={r.section}>
                  {r.section}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
        {
          title: t('tracking.board.leads'),
          key: 'leads',
          width: 220,
          responsive: wide,
          render: (_v, r) => (r.leads.length ? <Typography.Text style={{ fontSize: 13 }}>{r.leads.join('; ')}</Typography.Text> : '—'),
        },
        {
          title: t('tracking.board.dues'),
          key: 'dues',
          width: 170,
          responsive: wide,
          render: (_v, r) => (
            <Tooltip title={r.dues.length > DUES_SHOWN || r.dues.some((d) => d.labels.length) ? r.dues.map((d) => `${dueText(d)}${d.labels.length ? ` (${d.labels.join('; ')})` : ''}`).join(' · ') : undefined}>
              <Flex vertical gap={0}>
                {r.dues.slice(0, DUES_SHOWN).map((d) => (
                  <span key={d.due} style={{ whiteSpace: 'nowrap' }}>
                    {dueText(d)}
                  </span>
                ))}
                {r.dues.length > DUES_SHOWN ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('tracking.board.more', { n: r.dues.length - DUES_SHOWN })}</Typography.Text> : null}
              </Flex>
            </Tooltip>
          ),
        },
        { title: t('tracking.board.progress'), key: 'progress', width: 150, responsive: wide, render: (_v, r) => progress(r) },
        { title: t('tracking.board.reports'), key: 'reports', width: 90, align: 'right', responsive: wide, render: (_v, r) => reports(r) },
        { title: t('tracking.board.overdueCol'), key: 'overdue', width: 90, align: 'right', responsive: wide, render: (_v, r) => overdue(r) },
      ]}
    />
  );
}
