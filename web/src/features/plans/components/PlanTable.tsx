import type { ReactNode } from 'react';
import { Grid, Table, Typography, type Breakpoint } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import type { PlanSummary } from '../api.ts';
import { periodText } from '../model.ts';
import { PlanStatusTag } from './PlanStatusTag.tsx';

type Props = {
  rows: PlanSummary[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  empty?: ReactNode;
};

export function PlanTable({ rows, total, loading, page, pageSize, onPage, empty }: Props) {
  const t = useT();
  // On a phone the table keeps number, title and status; the rest goes on a line under the title.
  const phone = Grid.useBreakpoint().md === false;
  const wide: Breakpoint[] = ['md'];
  return (
    <Table<PlanSummary>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={phone ? undefined : { x: 960 }}
      data-testid="plan-table"
      locale={empty ? { emptyText: empty } : undefined}
      pagination={{ current: page, pageSize, total, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n: formatNumber(n) }), onChange: onPage }}
      columns={[
        { title: t('plans.number'), dataIndex: 'number', width: phone ? 96 : 130, render: (v: string | null) => v ?? '—' },
        {
          title: t('plans.title'),
          dataIndex: 'title',
          render: (_v, p) => (
            <>
              <Link to={`/plans/${p.id}`} data-testid="plan-link">
                {p.title}
              </Link>
              {phone ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {[p.issuer, formatDate(p.issuedOn), periodText(p.periodStart, p.periodEnd), `${t('plans.taskCount')}: ${formatNumber(p.taskCount)}`, `${t('plans.targetCount')}: ${formatNumber(p.targetCount)}`]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
        { title: t('plans.issuer'), dataIndex: 'issuer', width: 180, responsive: wide, render: (v: string | null) => v ?? '—' },
        { title: t('plans.issuedOn'), dataIndex: 'issuedOn', width: 110, responsive: wide, render: (v: string | null) => formatDate(v) || '—' },
        { title: t('plans.period'), key: 'period', width: 110, responsive: wide, render: (_v, p) => periodText(p.periodStart, p.periodEnd) || '—' },
        { title: t('plans.status'), dataIndex: 'status', width: phone ? 100 : 130, render: (_v, p) => <PlanStatusTag status={p.status} /> },
        {
          title: t('plans.taskCount'),
          dataIndex: 'taskCount',
          responsive: wide,
          width: 90,
          align: 'right',
          render: (n: number) => formatNumber(n),
        },
        {
          title: t('plans.targetCount'),
          dataIndex: 'targetCount',
          responsive: wide,
          width: 90,
          align: 'right',
          render: (n: number) => formatNumber(n),
        },
      ]}
    />
  );
}
