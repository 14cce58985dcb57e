import { useState } from 'react';
import { Alert, Breadcrumb, Empty, Select, Skeleton, Tabs } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { NotFound } from '../../../components/NotFound.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { isNotFound } from '../../../lib/api.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useUrlState } from '../../../lib/url-state.ts';
import { templateQueries, useProvinces, useTemplateDetails } from '../templates-api.ts';
import { ProposalsPanel } from './ProposalsPanel.tsx';
import { TemplateCard } from './TemplateCard.tsx';
import { TemplateEditDrawer } from './TemplateEditDrawer.tsx';

type Tab = 'templates' | 'proposals';

/**
 * "Mẫu báo cáo": the province's templates with their eleven NĐ 09/2019 parts, the coordinator's edit form,
 * and the proposals a plan makes for them. Province, tab and plan live in the URL (the plan page links here).
 */
export function TemplatesManager({ defaultProvinceId, pickProvince }: { defaultProvinceId: string | null; pickProvince: boolean }) {
  const t = useT();
  const qc = useQueryClient();
  const [params, update] = useUrlState();
  const provinceId = params.get('provinceId') ?? defaultProvinceId;
  const tab: Tab = params.get('tab') === 'proposals' ? 'proposals' : 'templates';
  const planId = params.get('planId');
  const details = useTemplateDetails(provinceId);
  const provinces = useProvinces(pickProvince);
  const [editing, setEditing] = useState<string | null>(null);
  const templates = details.data?.templates ?? [];
  const current = templates.find((x) => x.id === editing);

  if (details.isError && isNotFound(details.error)) return <NotFound backTo="/reports" />;
  return (
    <div data-testid="templates-manager">
      <PageHeader title={t('reporting.tm.title')}>
        <Breadcrumb style={{ marginBottom: 8 }} items={[{ key: 'reports', title: <Link to="/reports">{t('reporting.title')}</Link> }, { key: 'this', title: details.data?.province.name ?? t('reporting.tm.title') }]} />
      </PageHeader>
      {pickProvince ? (
        <Select<string>
          value={provinceId ?? undefined}
          onChange={(v) => update({ provinceId: v, planId: undefined })}
          loading={provinces.isPending}
          placeholder={t('reporting.tm.pickProvince')}
          showSearch={{ optionFilterProp: 'label' }}
          options={(provinces.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          style={{ width: 320, marginBottom: 16 }}
          data-testid="templates-province"
          aria-label={t('reporting.tm.pickProvince')}
        />
      ) : null}
      {!provinceId ? <Empty description={t('reporting.tm.pickProvince')} /> : null}
      {details.isError ? <ErrorAlert error={details.error} /> : null}
      {provinceId && details.isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {provinceId && details.data ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k === 'proposals' ? 'proposals' : undefined })}
          data-testid="templates-tabs"
          items={[
            {
              key: 'templates',
              label: t('reporting.tm.tabTemplates', { n: formatNumber(templates.length) }),
              children: templates.length ? (
                templates.map((x) => <TemplateCard key={x.id} template={x} onEdit={x.abilities.edit ? () => setEditing(x.id) : undefined} />)
              ) : (
                <Alert type="info" title={t('reporting.tpl.empty')} />
              ),
            },
            {
              key: 'proposals',
              label: t('reporting.tm.tabProposals'),
              children: <ProposalsPanel provinceId={provinceId} planId={planId} onPlan={(id) => update({ planId: id ?? undefined })} />,
            },
          ]}
        />
      ) : null}
      {current && details.data ? (
        <TemplateEditDrawer
          key={`${current.id}|${current.version}`}
          template={current}
          agencies={details.data.provincialAgencies}
          onClose={() => setEditing(null)}
          onReload={() => void qc.invalidateQueries({ queryKey: templateQueries.details(provinceId!).queryKey })}
        />
      ) : null}
    </div>
  );
}
