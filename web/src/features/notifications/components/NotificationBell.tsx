import { useState } from 'react';
import { Badge, Button, Drawer, Empty, Flex, Grid, List, Popover, Typography } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n-context.tsx';
import { useMarkAllRead, useMarkRead, useMyNotifications, type NotificationView } from '../api.ts';
import { notificationText } from '../text.ts';

/**
 * The bell in the header: how many are unread, the newest ones, open one (marking it read), mark all read.
 * A popover on wide screens, a drawer on phones (a popover would run off the screen's edge).
 */
export function NotificationBell() {
  const { lang } = useI18n();
  const tx = (key: Parameters<typeof notificationText>[1], params?: Record<string, string | number>) => notificationText(lang, key, params);
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const page = useMyNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = page.data?.unread ?? 0;
  const phone = Grid.useBreakpoint().md === false;

  const follow = (n: NotificationView) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) {
      setOpen(false);
      navigate(n.link);
    }
  };

  const content = (
    <div style={{ width: phone ? '100%' : 380 }} data-testid="notif-panel">
      <Flex justify={phone ? 'flex-end' : 'space-between'} align="center" style={{ marginBottom: 8 }}>
        {phone ? null : <Typography.Text strong>{tx('bell')}</Typography.Text>}
        <Button size="small" type="link" icon={<CheckOutlined />} disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="notif-read-all">
          {tx('readAll')}
        </Button>
      </Flex>
      {page.isError ? <ErrorAlert error={page.error} /> : null}
      <List<NotificationView>
        size="small"
        loading={page.isPending}
        dataSource={page.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('none')} /> }}
        style={phone ? undefined : { maxHeight: '60vh', overflow: 'auto' }}
        renderItem={(n) => (
          <List.Item
            key={n.id}
            data-testid="notif-item"
            data-read={n.readAt ? 'true' : 'false'}
            onClick={() => follow(n)}
            style={{ cursor: n.link ? 'pointer' : 'default', background: n.readAt ? undefined : '#e6f4ff', paddingInline: 8 }}
            actions={
              n.readAt
                ? []
                : [
                    <Button
                      key="read"
                      size="small"
                      type="text"
                      icon={<CheckOutlined />}
                      aria-label={tx('markRead')}
                      title={tx('markRead')}
                      onClick={(e) => {
                        e.stopPropagation();
                        markRead.mutate(n.id);
                      }}
                      data-testid="notif-mark-read"
                    />,
                  ]
            }
          >
            <List.Item.Meta
              title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 2, fontSize: 13 }}>{n.body}</Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );

  const bell = (
    <Button type="text" aria-label={unread ? `${tx('bell')}: ${tx('unread', { n: unread })}` : tx('bell')} onClick={phone ? () => setOpen(true) : undefined} data-testid="notif-bell">
      <Badge count={unread} size="small" overflowCount={99} title={tx('unread', { n: formatNumber(unread) })} data-testid="notif-count">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );
  return phone ? (
    <>
      {bell}
      <Drawer open={open} onClose={() => setOpen(false)} placement="right" size="100%" title={tx('bell')} styles={{ body: { padding: 12 } }}>
        {content}
      </Drawer>
    </>
  ) : (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content} arrow={false}>
      {bell}
    </Popover>
  );
}
