import { useEffect, useState } from 'react';
import { Empty, Flex, Input, Tabs, Tag, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useUrlState } from '../../../lib/url-state.ts';
import { useDebounced } from '../../../lib/useDebounced.ts';
import { useMyObligations } from '../api.ts';
import { TAB_LABEL } from '../labels.ts';
import { MY_TABS, parseMyTab, tabCount, tabStatus } from '../model.ts';
import { MyTaskTable } from './MyTaskTable.tsx';

const PAGE_SIZE = 20;

/** "Việc của tôi": the reports the person's agencies owe, by status; tab, search, plan and page live in the URL. */
export function MyTasksBrowser() {
  const t = useT();
  const [params, update] = useUrlState();
  const tab = parseMyTab(params.get('status'));
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), 300);
  const planId = params.get('planId') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useMyObligations({ status: tabStatus(tab), q: q || undefined, planId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  useEffect(() => {
    if (q !== (params.get('q') ?? '')) update({ q: q || undefined, page: undefined });
    // The URL follows what is typed, once typing pauses.
  }, [q]);

  const counts = list.data?.counts;
  const everything = tabCount('all', counts);
  const planName = planId ? (list.data?.items[0]?.planNumber ?? list.data?.items[0]?.planTitle ?? '…') : null;
  const empty = q ? t('tracking.my.emptySearch') : counts && everything === 0 ? t('tracking.my.emptyNone') : tab === 'todo' ? t('tracking.my.emptyTodo') : t('tracking.my.emptyTab', { tab: t(TAB_LABEL[tab]) });

  return (
    <>
      <PageHeader title={t('nav.myTasks')} />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('tracking.my.intro')}
      </Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          placeholder={t('tracking.my.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 420, maxWidth: '100%' }}
          data-testid="my-task-search"
        />
        {planId ? (
          <Tag closable color="blue" onClose={() => update({ planId: undefined, page: undefined })} data-testid="my-task-plan-filter">
            {t('tracking.my.planFilter', { name: planName ?? '' })}
          </Tag>
        ) : null}
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ status: parseMyTab(k) === 'todo' ? undefined : k, page: undefined })}
        size="small"
        tabBarGutter={20}
        data-testid="my-task-tabs"
        items={MY_TABS.map((k) => ({
          key: k,
          label: (
            <span data-testid={`my-tab-${k}`}>
              {t(TAB_LABEL[k])}{' '}
              {counts ? (
                <Tag
                  color={k === 'overdue' && tabCount(k, counts) > 0 ? 'red' : k === 'returned' && tabCount(k, counts) > 0 ? 'orange' : undefined}
                  style={{ marginInlineEnd: 0, marginInlineStart: 2 }}
                  data-testid="my-tab-count"
                >
                  {formatNumber(tabCount(k, counts))}
                </Tag>
              ) : null}
            </span>
          ),
        }))}
      />
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <MyTaskTable
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(p) => update({ page: p > 1 ? String(p) : undefined })}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span data-testid="my-task-empty">{empty}</span>} />}
      />
    </>
  );
}
