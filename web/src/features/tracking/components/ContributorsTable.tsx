import { useState, type HTMLAttributes } from 'react';
import { App, Button, Flex, Grid, Input, Select, Table, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined, UndoOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../lib/api.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useContributionAction, useRefetchTask, type ReviewAction } from '../api.ts';
import { ACTION_LABEL, OBLIGATION_STATUS_LABEL, ROLE_LABEL } from '../labels.ts';
import { isConflict, OBLIGATION_STATUS_LIST, reviewRows, statusCounts, type ContributorRow, type ObligationStatus } from '../model.ts';
import { EvidenceLinks } from './EvidenceList.tsx';
import { ReasonModal } from '../../../components/ReasonModal.tsx';
import { ObligationStatusTag, ProgressTag, StateTag } from './Tags.tsx';

const rowKey = (r: ContributorRow) => `${r.agencyId}|${r.viaGroup ?? ''}`;

/** The reports of every agency on one obligation, for the lead and the coordinator: read, accept, return, reopen. */
export function ContributorsTable({ taskId, rows }: { taskId: string; rows: ContributorRow[] }) {
  const t = useT();
  const { message } = App.useApp();
  const act = useContributionAction(taskId);
  const refetch = useRefetchTask(taskId);
  const [asking, setAsking] = useState<{ row: ContributorRow; action: 'return' | 'reopen' } | null>(null);
  const [status, setStatus] = useState<ObligationStatus | undefined>();
  const [q, setQ] = useState('');
  const counts = statusCounts(rows);
  const shown = reviewRows(rows, { status, q });
  const phone = Grid.useBreakpoint().md === false;

  const run = async (row: ContributorRow, action: ReviewAction, reason?: string) => {
    const c = row.contribution;
    if (!c) return;
    try {
      await act.mutateAsync({ id: c.id, action, reason, version: c.version });
      message.success(
        t(action === 'accept' ? 'tracking.review.accepted' : action === 'return' ? 'tracking.review.returned' : 'tracking.review.reopened', { name: row.agencyName }),
      );
    } catch (e) {
      if (isConflict(e)) {
        // The report changed meanwhile (withdrawn, already reviewed): show what it is now.
        message.warning(`${errorMessage(e)} ${t('tracking.stale')}`);
        await refetch();
        return;
      }
      throw e;
    }
  };

  const accept = (row: ContributorRow) => run(row, 'accept').catch((e: unknown) => message.error(errorMessage(e)));

  const agencyCell = (r: ContributorRow) => (
    <div>
      <div>{r.agencyName}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(ROLE_LABEL[r.role])}
        {r.viaGroup ? ` · ${t('tracking.viaGroup', { name: r.viaGroup })}` : ''}
      </Typography.Text>
    </div>
  );
  const statusCell = (r: ContributorRow) => (
    <>
      <ObligationStatusTag status={r.status} />
      {r.contribution && r.contribution.state === 'draft' ? <StateTag state="draft" /> : null}
    </>
  );
  const narrativeCell = (r: ContributorRow) => {
    const c = r.contribution!;
    return (
      <div>
        {c.narrative ? (
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true, symbol: '…' }} data-testid="contributor-narrative">
            {c.narrative}
          </Typography.Paragraph>
        ) : (
          '—'
        )}
        {c.state === 'returned' && c.returnReason ? (
          <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
            {t('tracking.returnReason', { reason: c.returnReason })}
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {c.submittedAt
            ? t('tracking.form.submittedBy', { name: c.submittedByName ?? '—', at: formatDateTime(c.submittedAt) })
            : t('tracking.form.lastSaved', { name: c.updatedByName ?? '—', at: formatDateTime(c.updatedAt) })}
        </Typography.Text>
      </div>
    );
  };
  const actionsCell = (r: ContributorRow) => {
    const actions = r.contribution?.actions ?? [];
    const busy = act.isPending && act.variables?.id === r.contribution?.id;
    if (!actions.some((a) => a === 'accept' || a === 'return' || a === 'reopen')) return null;
    return (
      <Flex gap={4} wrap>
        {actions.includes('accept') ? (
          <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy && act.variables?.action === 'accept'} onClick={() => void accept(r)} data-testid="action-accept">
            {t(ACTION_LABEL.accept)}
          </Button>
        ) : null}
        {actions.includes('return') ? (
          <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setAsking({ row: r, action: 'return' })} data-testid="action-return">
            {t(ACTION_LABEL.return)}
          </Button>
        ) : null}
        {actions.includes('reopen') ? (
          <Button size="small" icon={<UndoOutlined />} onClick={() => setAsking({ row: r, action: 'reopen' })} data-testid="action-reopen">
            {t(ACTION_LABEL.reopen)}
          </Button>
        ) : null}
      </Flex>
    );
  };

  return (
    <div data-testid="contributors">
      <Flex gap={8} wrap align="center" justify="space-between" style={{ margin: '4px 0 8px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('tracking.review.title', { n: formatNumber(rows.length) })}
        </Typography.Title>
        {rows.length > 5 ? (
          <Flex gap={8} wrap>
            <Select<ObligationStatus>
              allowClear
              size="small"
              placeholder={t('tracking.review.allStatuses')}
              value={status}
              onChange={setStatus}
              options={OBLIGATION_STATUS_LIST.filter((s) => counts[s]).map((s) => ({ value: s, label: `${t(OBLIGATION_STATUS_LABEL[s])} (${formatNumber(counts[s] ?? 0)})` }))}
              style={{ width: 200 }}
              data-testid="contributors-status"
            />
            <Input.Search size="small" allowClear placeholder={t('tracking.review.search')} value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 220 }} data-testid="contributors-search" />
          </Flex>
        ) : null}
      </Flex>
      <Table<ContributorRow>
        rowKey={rowKey}
        size="small"
        dataSource={shown}
        pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
        scroll={phone ? undefined : { x: 960 }}
        locale={{ emptyText: t('tracking.review.none') }}
        onRow={(r) => ({ 'data-testid': 'contributor-row', 'data-agency-id': r.agencyId, 'data-status': r.status, 'data-state': r.contribution?.state ?? 'none' }) as HTMLAttributes<HTMLElement>}
        columns={
          phone
            ? // On a phone, one row is a card: agency, status and progress, the narrative, files, buttons.
              [
                {
                  title: t('tracking.review.agency'),
                  key: 'all',
                  render: (_v, r) => (
                    <Flex vertical gap={6}>
                      {agencyCell(r)}
                      <Flex gap={4} wrap>
                        {statusCell(r)}
                        {r.contribution ? <ProgressTag progress={r.contribution.progress} /> : null}
                      </Flex>
                      {r.contribution ? narrativeCell(r) : null}
                      {r.contribution?.evidence.length ? <EvidenceLinks items={r.contribution.evidence} /> : null}
                      {actionsCell(r)}
                    </Flex>
                  ),
                },
              ]
            : [
                { title: t('tracking.review.agency'), key: 'agency', width: 220, render: (_v, r) => agencyCell(r) },
                { title: t('tracking.review.status'), key: 'status', width: 150, render: (_v, r) => <Flex gap={4} wrap>{statusCell(r)}</Flex> },
                {
                  title: t('tracking.review.progress'),
                  key: 'progress',
                  width: 140,
                  render: (_v, r) => (r.contribution ? <ProgressTag progress={r.contribution.progress} /> : <Typography.Text type="secondary">{t('tracking.noReport')}</Typography.Text>),
                },
                { title: t('tracking.review.narrative'), key: 'narrative', render: (_v, r) => (r.contribution ? narrativeCell(r) : '—') },
                {
                  title: t('tracking.review.evidence'),
                  key: 'evidence',
                  width: 200,
                  render: (_v, r) => (r.contribution?.evidence.length ? <EvidenceLinks items={r.contribution.evidence} /> : '—'),
                },
                { title: t('tracking.review.actions'), key: 'actions', width: 130, fixed: 'right', render: (_v, r) => actionsCell(r) },
              ]
        }
      />
      {asking ? (
        <ReasonModal
          label={t('tracking.reason.label')}
          requiredMessage={t('tracking.reason.required')}
          title={t(asking.action === 'return' ? 'tracking.reason.returnTitle' : 'tracking.reason.reopenTitle', { name: asking.row.agencyName })}
          okText={t(ACTION_LABEL[asking.action])}
          onSubmit={(reason) => run(asking.row, asking.action, reason)}
          onClose={() => setAsking(null)}
        />
      ) : null}
    </div>
  );
}
