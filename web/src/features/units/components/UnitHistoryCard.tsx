import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../lib/i18n-context.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useUnitHistory, type UnitDetail, type UnitHistoryView } from '../api.ts';

type Former = UnitHistoryView['predecessors'][number];
type Later = UnitHistoryView['successors'][number];

/** The reorganisation of 7/2025: the former units merged into this one, or where a former unit went. */
export function UnitHistoryCard({ unit }: { unit: UnitDetail }) {
  const { t } = useI18n();
  const history = useUnitHistory(unit.id, unit.level !== 'village');
  if (unit.level === 'village') return null;
  const mergeTag = (kind: 'whole' | 'part') =>
    kind === 'whole' ? <Tag color="blue">{t('units.mergeWhole')}</Tag> : <Tag color="purple">{t('units.mergePart')}</Tag>;
  const data = history.data;
  return (
    <Card title={t('units.history')} style={{ marginBottom: 16 }} data-testid="unit-history" loading={history.isPending}>
      {history.isError ? <ErrorAlert error={history.error} /> : null}
      {data && data.predecessors.length === 0 && data.successors.length === 0 ? (
        <Typography.Text type="secondary">{t('units.noHistory')}</Typography.Text>
      ) : null}
      {data && data.predecessors.length > 0 ? (
        <>
          <Typography.Paragraph type="secondary">{t('units.predecessorsIntro')}</Typography.Paragraph>
          <Table<Former>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 560 }}
            dataSource={data.predecessors}
            columns={[
              { title: t('units.formerUnit'), dataIndex: 'name', render: (_v, u) => <Link to={`/units/${u.id}`}>{u.name}</Link> },
              { title: t('units.formerDistrict'), dataIndex: 'parentName', render: (v: string | null) => v ?? '—' },
              { title: t('units.formerProvince'), dataIndex: 'provinceName', render: (v: string | null) => v ?? '—' },
              { title: t('units.mergeKind'), dataIndex: 'mergeKind', width: 150, render: (v: 'whole' | 'part') => mergeTag(v) },
            ]}
          />
        </>
      ) : null}
      {data && data.successors.length > 0 ? (
        <>
          <Typography.Paragraph type="secondary">{t('units.successorsIntro', { date: formatDate(unit.validTo) })}</Typography.Paragraph>
          <Table<Later>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.successors}
            columns={[
              { title: t('units.newUnit'), dataIndex: 'name', render: (_v, u) => <Link to={`/units/${u.id}`}>{u.name}</Link> },
              { title: t('units.mergeKind'), dataIndex: 'mergeKind', width: 150, render: (v: 'whole' | 'part') => mergeTag(v) },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
