import { useState } from 'react';
import { Alert, App, Empty, Flex, Select, Skeleton, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useT } from '../../../lib/i18n-context.tsx';
import { useCatalogue, usePlansOf, useSetTargetLink, useTargetLinks, type TargetLinksView, type TargetLinkView } from '../api.ts';
import { linkInput, linkOptions, linkValue, optionMatches } from '../model.ts';
import { LinkModeTag } from './Tags.tsx';

/** "Chỉ tiêu của kế hoạch được đo bằng chỉ số nào": choose a plan, read how each target is measured, change it. */
export function TargetLinksPanel({ provinceId, planId, onPlan }: { provinceId: string; planId: string | null; onPlan: (id: string | null) => void }) {
  const t = useT();
  const plans = usePlansOf(provinceId);
  const links = useTargetLinks(planId);
  const items = plans.data?.items ?? [];
  return (
    <div data-testid="target-links">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('catalogue.links.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('catalogue.links.intro')}
      </Typography.Paragraph>
      <Select<string>
        value={planId ?? undefined}
        onChange={(v) => onPlan(v ?? null)}
        allowClear
        loading={plans.isPending}
        placeholder={t('catalogue.links.pickPlan')}
        notFoundContent={t('catalogue.links.noPlans')}
        showSearch={{ filterOption: (input, option) => optionMatches(input, option?.label) }}
        options={items.map((p) => ({ value: p.id, label: `${p.number ? `${p.number} · ` : ''}${p.title}` }))}
        style={{ width: '100%', maxWidth: 720, marginBottom: 16 }}
        popupMatchSelectWidth={false}
        data-testid="target-links-plan"
        aria-label={t('catalogue.links.pickPlan')}
      />
      {plans.isError ? <ErrorAlert error={plans.error} /> : null}
      {!planId ? <Empty description={t('catalogue.links.pickPlan')} /> : null}
      {planId && links.isPending ? <Skeleton active /> : null}
      {links.isError ? <ErrorAlert error={links.error} /> : null}
      {planId && links.data ? <TargetLinksTable data={links.data} /> : null}
    </div>
  );
}

function TargetLinksTable({ data }: { data: TargetLinksView }) {
  const t = useT();
  const { message } = App.useApp();
  // The plan's own province: a link may open a plan of another province than the one chosen above.
  const catalogue = useCatalogue(data.plan.provinceId);
  const indicators = catalogue.data?.indicators ?? [];
  const nameOf = (code: string) => indicators.find((i) => i.code === code)?.name ?? code;
  const setLink = useSetTargetLink(data.plan.id);
  const canEdit = data.abilities.manage === true;
  // Which row is being saved, so only its Select spins.
  const [saving, setSaving] = useState<string | null>(null);
  const save = (x: TargetLinkView, value: string) => {
    setSaving(x.targetId);
    setLink.mutate(
      { targetId: x.targetId, input: linkInput(value) },
      { onSuccess: () => void message.success(t('catalogue.links.saved')), onSettled: () => setSaving(null) },
    );
  };

  return (
    <>
      <Typography.Paragraph>
        <Link to={`/plans/${data.plan.id}`}>{data.plan.title}</Link>
      </Typography.Paragraph>
      {!canEdit ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('catalogue.links.readOnly')} /> : null}
      {catalogue.isError ? <ErrorAlert error={catalogue.error} /> : null}
      <ErrorAlert error={setLink.error} />
      <Table<TargetLinkView>
        rowKey="targetId"
        size="small"
        dataSource={data.targets}
        pagination={false}
        scroll={{ x: 1000 }}
        loading={catalogue.isPending}
        locale={{ emptyText: t('catalogue.links.noTargets') }}
        data-testid="target-links-table"
        columns={[
          {
            title: t('catalogue.links.target'),
            key: 'text',
            render: (_v, x) => (
              <Flex vertical gap={2}>
                <span>{x.text}</span>
                {x.indicatorText && x.indicatorText !== x.text ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('catalogue.links.indicatorText', { text: x.indicatorText })}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          { title: t('catalogue.links.year'), key: 'year', width: 80, render: (_v, x) => x.milestoneYear ?? '' },
          {
            title: t('catalogue.links.measuredBy'),
            key: 'measuredBy',
            width: 260,
            render: (_v, x) => (
              <Flex vertical gap={4} align="start">
                {x.code ? <span data-testid="target-link-indicator">{nameOf(x.code)}</span> : <Typography.Text type="secondary">{t('catalogue.links.noIndicator')}</Typography.Text>}
                <LinkModeTag mode={x.mode} />
                {x.note ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="target-link-note">
                    {x.note}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          {
            title: t('catalogue.links.change'),
            key: 'change',
            width: 320,
            render: (_v, x) => (
              <Select<string>
                value={linkValue(x)}
                onChange={(v) => save(x, v)}
                options={linkOptions(x, indicators, t)}
                disabled={!canEdit || catalogue.isPending || (saving !== null && saving !== x.targetId)}
                loading={saving === x.targetId}
                showSearch={{ filterOption: (input, option) => optionMatches(input, option?.label) }}
                style={{ width: '100%' }}
                popupMatchSelectWidth={false}
                data-testid="target-link-select"
                aria-label={t('catalogue.links.change')}
              />
            ),
          },
        ]}
      />
    </>
  );
}
