import { useMemo, useState } from 'react';
import { Card, Input, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { foldForSearch, matchesSearch, compareVi } from '../../../../../shared/text.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../lib/i18n-context.tsx';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useUnitChildren, type UnitDetail, type UnitSummary } from '../api.ts';

/** Communes of a province, or villages of a commune, filtered on the page without diacritics. */
export function UnitChildren({ unit }: { unit: UnitDetail }) {
  const { t } = useI18n();
  const children = useUnitChildren(unit.id);
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const all = [...(children.data ?? [])].sort((a, b) => compareVi(a.name, b.name));
    if (!filter.trim()) return all;
    return all.filter((u) => matchesSearch(foldForSearch(`${u.name} ${u.kind} ${u.code}`), filter));
  }, [children.data, filter]);
  const title = unit.level === 'commune' ? t('units.villages') : t('units.communes');
  return (
    <Card
      title={`${title} (${formatNumber(children.data?.length ?? 0)})`}
      style={{ marginBottom: 16 }}
      data-testid="unit-children"
      extra={
        <Input.Search
          allowClear
          size="small"
          placeholder={t('units.filterChildren')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          style={{ width: 220, maxWidth: '100%' }}
          data-testid="unit-children-filter"
        />
      }
    >
      {children.isError ? <ErrorAlert error={children.error} /> : null}
      <Table<UnitSummary>
        rowKey="id"
        size="small"
        loading={children.isPending}
        dataSource={rows}
        scroll={{ x: 520 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('units.noChildren') }}
        columns={[
          {
            title: t('units.name'),
            dataIndex: 'name',
            render: (_v, u) => (
              <>
                <Link to={`/units/${u.id}`}>{u.name}</Link> {u.validTo ? <Tag>{t('units.retired')}</Tag> : null}
              </>
            ),
          },
          { title: t('units.kind'), dataIndex: 'kind', width: 120 },
          { title: t('units.code'), dataIndex: 'code', width: 90 },
          ...(unit.level === 'commune'
            ? []
            : [{ title: t('units.villageCount'), dataIndex: 'childCount', width: 110, align: 'right' as const, render: (n?: number) => (n === undefined ? '' : formatNumber(n)) }]),
          { title: t('units.validFrom'), dataIndex: 'validFrom', width: 120, render: (v: string | null) => formatDate(v) },
        ]}
      />
    </Card>
  );
}
