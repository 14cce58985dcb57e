import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, StarFilled } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n-context.tsx';
import { agencyKindLabel } from '../../../lib/labels.ts';
import { formatNumber } from '../../../lib/format.ts';
import type { Agency } from '../api.ts';

type Props = {
  rows: Agency[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (agency: Agency) => void;
};

export function AgencyTable({ rows, total, loading, page, pageSize, onPage, onEdit }: Props) {
  const { t, lang } = useI18n();
  return (
    <Table<Agency>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 900 }}
      data-testid="agency-table"
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (n) => t('common.total', { n: formatNumber(n) }),
        onChange: onPage,
      }}
      columns={[
        {
          title: t('agencies.name'),
          dataIndex: 'name',
          render: (_v, a) => (
            <Flex vertical gap={2}>
              <span>
                {a.name}{' '}
                {a.isStandingAgency ? (
                  <Tooltip title={t('agencies.standingHint')}>
                    <Tag color="gold" icon={<StarFilled />} data-testid="standing-agency">
                      {t('agencies.standing')}
                    </Tag>
                  </Tooltip>
                ) : null}
                {!a.active ? <Tag color="red">{t('agencies.inactive')}</Tag> : null}
              </span>
              {a.shortName ? <Typography.Text type="secondary">{a.shortName}</Typography.Text> : null}
            </Flex>
          ),
        },
        {
          title: t('agencies.abbreviations'),
          dataIndex: 'abbreviations',
          width: 260,
          render: (list: string[]) => (
            <Flex gap={4} wrap>
              {list.map((s) => (
                <Tag key={s} style={{ marginInlineEnd: 0 }}>
                  {s}
                </Tag>
              ))}
            </Flex>
          ),
        },
        { title: t('agencies.kind'), dataIndex: 'kind', width: 190, render: (k: Agency['kind']) => agencyKindLabel(lang, k) },
        { title: t('agencies.unit'), dataIndex: 'unitName', width: 180, render: (_v, a) => <Link to={`/units/${a.unitId}`}>{a.unitName}</Link> },
        {
          title: '',
          key: 'actions',
          width: 60,
          fixed: 'right',
          render: (_v, a) =>
            a.abilities.edit ? (
              <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(a)} aria-label={t('common.edit')} data-testid="agency-edit" />
            ) : null,
        },
      ]}
    />
  );
}
