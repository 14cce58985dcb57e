import { Card, Skeleton, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { Me } from '../../../../../shared/contracts/auth.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../lib/i18n-context.tsx';
import { roleLabel } from '../../../lib/labels.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useProvinces, type UnitSummary } from '../api.ts';

/** The starting points of the unit browser: the person's own communes, then the provinces in scope. */
export function ScopeUnits({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const provinces = useProvinces();
  // A grant on a unit below province level (a commune): shown first, it is where this person works.
  const own = me.grants.filter((g) => g.unitId && g.unitId !== g.provinceId);
  return (
    <>
      {own.length > 0 ? (
        <Card title={t('units.myUnits')} style={{ marginBottom: 16 }} data-testid="my-units">
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {own.map((g) => (
              <li key={`${g.role}-${g.unitId}`}>
                <Link to={`/units/${g.unitId}`} data-testid="my-unit-link">
                  {g.unitName}
                </Link>{' '}
                <Tag>{roleLabel(lang, g.role)}</Tag>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title={t('units.provinces')} data-testid="provinces">
        {provinces.isPending ? (
          <Skeleton active />
        ) : provinces.isError ? (
          <ErrorAlert error={provinces.error} />
        ) : (
          <Table<UnitSummary>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 480 }}
            dataSource={provinces.data}
            locale={{ emptyText: t('units.noProvinces') }}
            columns={[
              { title: t('units.name'), dataIndex: 'name', render: (_v, u) => <Link to={`/units/${u.id}`}>{u.name}</Link> },
              { title: t('units.code'), dataIndex: 'code', width: 90 },
              { title: t('units.communeCount'), dataIndex: 'childCount', width: 130, align: 'right', render: (n?: number) => (n === undefined ? '' : formatNumber(n)) },
              { title: t('units.validFrom'), dataIndex: 'validFrom', width: 130, render: (v: string | null) => formatDate(v) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
