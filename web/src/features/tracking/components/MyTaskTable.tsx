import type { HTMLAttributes, ReactNode } from 'react';
import { Flex, Grid, Table, Typography, type Breakpoint } from 'antd';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { ROLE_LABEL } from '../labels.ts';
import type { MyObligation } from '../model.ts';
import { clamp2, DueText, ObligationStatusTag, ProgressTag, StateTag } from './Tags.tsx';

type Props = {
  rows: MyObligation[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  empty: ReactNode;
};

export const taskHref = (taskId: string, due?: string) => (due ? `/tasks/${taskId}?due=${encodeURIComponent(due)}` : `/tasks/${taskId}`);

export function MyTaskTable({ rows, total, loading, page, pageSize, onPage, empty }: Props) {
  const t = useT();
  // On a phone: the task (with plan and agency under it), the due date and the status.
  const phone = Grid.useBreakpoint().md === false;
  const wide: Breakpoint[] = ['md'];

  const agency = (r: MyObligation) => (
    <>
      {r.agencyName}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        · {t(ROLE_LABEL[r.role])}
        {r.viaGroup ? ` ${t('tracking.viaGroup', { name: r.viaGroup })}` : ''}
      </Typography.Text>
    </>
  );
  const status = (r: MyObligation) => (
    <div style={{ marginTop: phone ? 4 : 0 }}>
      <ObligationStatusTag status={r.status} />
      {r.status === 'returned' && r.contribution?.returnReason ? (
        <Typography.Paragraph type="warning" style={{ margin: '4px 0 0', fontSize: 12 }} ellipsis={{ rows: 3, expandable: true, symbol: '…' }} data-testid="my-task-return-reason">
          {t('tracking.returnReason', { reason: r.contribution.returnReason })}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
  const report = (r: MyObligation) =>
    r.contribution ? (
      <Flex gap={4} wrap align="center">
        <ProgressTag progress={r.contribution.progress} />
        <StateTag state={r.contribution.state} />
        <Typography.Text type="secondary" style={{ fontSize: 12, width: '100%' }}>
          {formatDateTime(r.contribution.updatedAt)}
        </Typography.Text>
      </Flex>
    ) : (
      <Typography.Text type="secondary">{t('tracking.noReport')}</Typography.Text>
    );

  return (
    <Table<MyObligation>
      rowKey={(r) => `${r.taskId}|${r.agencyId}|${r.due}`}
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={phone ? undefined : { x: 1000 }}
      data-testid="my-task-table"
      onRow={(r) => ({ 'data-testid': 'my-task-row', 'data-status': r.status, 'data-task-id': r.taskId }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: empty }}
      pagination={{ current: page, pageSize, total, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n: formatNumber(n) }), onChange: onPage }}
      columns={[
        {
          title: t('tracking.my.task'),
          key: 'task',
          render: (_v, r) => (
            <>
              <Link to={taskHref(r.taskId, r.due)} data-testid="my-task-link">
                {r.code ? <strong>{r.code}. </strong> : null}
                {r.title}
              </Link>
              {phone ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {r.planNumber ? `${r.planNumber} · ` : ''}
                  {agency(r)}
                </Typography.Text>
              ) : r.section ? (
                <Typography.Text type="secondary" style={{ ...clamp2, fontSize: 12 }} title={r.section}>
                  {r.section}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
        {
          title: t('tracking.my.plan'),
          key: 'plan',
          width: 110,
          responsive: wide,
          render: (_v, r) => (
            <Link to={`/plans/${r.planId}`} title={r.planTitle}>
              {r.planNumber ?? (r.planTitle.length > 40 ? `${r.planTitle.slice(0, 40)}…` : r.planTitle)}
            </Link>
          ),
        },
        { title: t('tracking.my.agency'), key: 'agency', width: 200, responsive: wide, render: (_v, r) => agency(r) },
        {
          title: phone ? `${t('tracking.my.due')} · ${t('tracking.my.status')}` : t('tracking.my.due'),
          key: 'due',
          width: phone ? 118 : 140,
          render: (_v, r) => (
            <>
              <DueText dueDate={r.dueDate} labels={r.labels} compact />
              {phone ? status(r) : null}
            </>
          ),
        },
        { title: t('tracking.my.status'), key: 'status', width: 160, responsive: wide, render: (_v, r) => status(r) },
        { title: t('tracking.my.report'), key: 'report', width: 160, responsive: wide, render: (_v, r) => report(r) },
      ]}
    />
  );
}
