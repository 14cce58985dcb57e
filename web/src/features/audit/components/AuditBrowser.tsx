import { Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useAudit, type AuditEvent } from '../api.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { AuditFilterBar, type AuditFilterState } from './AuditFilterBar.tsx';

const PAGE_SIZE = 50;
const KEYS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

/** The audit log (administrator only); every filter and the page number live in the URL. */
export function AuditBrowser() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as AuditFilterState;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useAudit({ ...Object.fromEntries(KEYS.filter((k) => filters[k]).map((k) => [k, filters[k]])), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const update = (next: Partial<AuditFilterState> & { page?: number }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v && !(k === 'page' && v === 1)) p.set(k, String(v));
      else p.delete(k);
    }
    if (!('page' in next)) p.delete('page');
    setParams(p, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('nav.audit')} />
      <AuditFilterBar value={filters} onChange={update} />
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 860 }}
        data-testid="audit-table"
        expandable={{
          expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />,
          rowExpandable: (e) => e.before != null || e.after != null,
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { n: formatNumber(n) }),
          onChange: (p) => update({ page: p }),
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, true) },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 140 },
          { title: t('audit.action'), dataIndex: 'action', width: 170, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('audit.entityType'), dataIndex: 'entityType', width: 110 },
          { title: t('audit.entityId'), dataIndex: 'entityId', render: (v: string | null) => <Typography.Text copyable={!!v} style={{ fontSize: 12 }}>{v ?? '—'}</Typography.Text> },
          { title: 'IP', dataIndex: 'ip', width: 120, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
