import { Button, Flex, Table, Tag, Typography } from 'antd';
import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { useI18n } from '../../../lib/i18n-context.tsx';
import { roleLabel } from '../../../lib/labels.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import type { UserView } from '../api.ts';

type Props = {
  rows: UserView[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (id: string) => void;
};

export function UserTable({ rows, total, loading, page, pageSize, onPage, onOpen }: Props) {
  const { t, lang } = useI18n();
  return (
    <Table<UserView>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 960 }}
      data-testid="user-table"
      pagination={{ current: page, pageSize, total, showSizeChanger: false, showTotal: (n) => t('common.total', { n: formatNumber(n) }), onChange: onPage }}
      columns={[
        {
          title: t('users.username'),
          dataIndex: 'username',
          width: 150,
          render: (v: string) => <Typography.Text strong data-testid="user-row-username">{v}</Typography.Text>,
        },
        { title: t('users.displayName'), dataIndex: 'displayName', render: (v: string, u) => (u.email ? <Flex vertical>{v}<Typography.Text type="secondary">{u.email}</Typography.Text></Flex> : v) },
        {
          title: t('users.grants'),
          dataIndex: 'grants',
          render: (_v, u) => (
            <Flex vertical gap={2}>
              {u.grants.map((g, i) => (
                <span key={i}>
                  <Tag color="blue">{roleLabel(lang, g.role)}</Tag>
                  {g.unitName ?? g.agencyName ?? ''}
                </span>
              ))}
            </Flex>
          ),
        },
        {
          title: t('users.status'),
          key: 'status',
          width: 170,
          render: (_v, u) => (
            <Flex gap={4} wrap>
              {u.active ? <Tag color="green">{t('users.statusActive')}</Tag> : <Tag color="red">{t('users.statusInactive')}</Tag>}
              {u.locked ? <Tag color="orange">{t('users.statusLocked')}</Tag> : null}
              {u.mustChangePassword ? <Tag color="gold">{t('users.statusMustChange')}</Tag> : null}
            </Flex>
          ),
        },
        { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
        {
          title: '',
          key: 'actions',
          width: 60,
          fixed: 'right',
          render: (_v, u) => (
            <Button
              size="small"
              icon={u.abilities.edit ? <EditOutlined /> : <EyeOutlined />}
              onClick={() => onOpen(u.id)}
              aria-label={u.abilities.edit ? t('common.edit') : t('common.view')}
              data-testid="user-open"
            />
          ),
        },
      ]}
    />
  );
}
