import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { AGENCY_KINDS, type AgencyKind } from '../../../../../shared/domain/agencies.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useT } from '../../../lib/i18n-context.tsx';
import { useAgencies, type Agency } from '../api.ts';
import { AgencyDrawer } from './AgencyDrawer.tsx';
import { AgencyFilterBar, type FilterState } from './AgencyFilterBar.tsx';
import { AgencyTable } from './AgencyTable.tsx';
import { useUrlState } from '../../../lib/url-state.ts';

const isKind = (k: string | null): k is AgencyKind => !!k && (AGENCY_KINDS as readonly string[]).includes(k);

/** The agency catalogue; filters live in the URL so a filtered list can be shared or bookmarked. */
export function AgenciesBrowser({ canCreate }: { canCreate: boolean }) {
  const t = useT();
  const [params, update] = useUrlState();
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const kind = params.get('kind');
  const filters: FilterState = {
    q: params.get('q') ?? '',
    kind: isKind(kind) ? kind : undefined,
    unitId: params.get('unitId') ?? undefined,
    includeInactive: params.get('inactive') === '1',
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = [20, 50, 100].includes(Number(params.get('size'))) ? Number(params.get('size')) : 20;
  const list = useAgencies({ ...filters, q: filters.q || undefined, limit: pageSize, offset: (page - 1) * pageSize });

  const onFilter = (f: Partial<FilterState>) =>
    update({
      ...('q' in f ? { q: f.q } : {}),
      ...('kind' in f ? { kind: f.kind } : {}),
      ...('unitId' in f ? { unitId: f.unitId } : {}),
      ...('includeInactive' in f ? { inactive: f.includeInactive ? '1' : undefined } : {}),
      page: undefined,
    });

  return (
    <>
      <PageHeader
        title={t('nav.agencies')}
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="agency-create">
              {t('agencies.create')}
            </Button>
          ) : null
        }
      />
      <AgencyFilterBar value={filters} onChange={onFilter} />
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <AgencyTable
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        page={page}
        pageSize={pageSize}
        onPage={(p, s) => update({ page: p > 1 ? String(p) : undefined, size: s !== 20 ? String(s) : undefined })}
        onEdit={setEditing}
      />
      {editing ? <AgencyDrawer agency={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
