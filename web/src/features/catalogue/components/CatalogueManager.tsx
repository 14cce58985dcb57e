import { Breadcrumb, Empty, Select, Skeleton, Tabs, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { NotFound } from '../../../components/NotFound.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { isNotFound } from '../../../lib/api.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useUrlState } from '../../../lib/url-state.ts';
import { useCatalogue, useProvinces } from '../api.ts';
import { ElementsTab } from './ElementsTab.tsx';
import { IndicatorsTab } from './IndicatorsTab.tsx';
import { TargetLinksPanel } from './TargetLinksPanel.tsx';

type Tab = 'elements' | 'indicators' | 'links';
const parseTab = (s: string | null): Tab => (s === 'indicators' || s === 'links' ? s : 'elements');

/**
 * "Danh mục chỉ số": the province's data elements and indicators, which the coordinator edits and extends, and
 * which indicator measures each target of a plan. Province, tab, filters and plan live in the URL (the templates'
 * proposals link to a plan's target links).
 */
export function CatalogueManager({ defaultProvinceId, pickProvince }: { defaultProvinceId: string | null; pickProvince: boolean }) {
  const t = useT();
  const [params, update] = useUrlState();
  const provinceId = params.get('provinceId') ?? defaultProvinceId;
  const tab = parseTab(params.get('tab'));
  const catalogue = useCatalogue(provinceId);
  const provinces = useProvinces(pickProvince);
  const data = catalogue.data;

  if (catalogue.isError && isNotFound(catalogue.error)) return <NotFound backTo="/reports" />;
  return (
    <div data-testid="catalogue-manager">
      <PageHeader title={t('catalogue.title')}>
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[{ key: 'reports', title: <Link to="/reports">{t('reporting.title')}</Link> }, { key: 'this', title: data?.province.name ?? t('catalogue.title') }]}
        />
      </PageHeader>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('catalogue.intro')}
      </Typography.Paragraph>
      {pickProvince ? (
        <Select<string>
          value={provinceId ?? undefined}
          // Filters and the plan belong to the province left behind.
          onChange={(v) => update({ provinceId: v, planId: undefined, q: undefined, level: undefined, group: undefined, source: undefined, state: undefined })}
          loading={provinces.isPending}
          placeholder={t('catalogue.pickProvince')}
          showSearch={{ optionFilterProp: 'label' }}
          options={(provinces.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          style={{ width: 320, marginBottom: 16 }}
          data-testid="catalogue-province"
          aria-label={t('catalogue.pickProvince')}
        />
      ) : null}
      {!provinceId ? <Empty description={t('catalogue.pickProvince')} /> : null}
      {catalogue.isError ? <ErrorAlert error={catalogue.error} /> : null}
      {provinceId && catalogue.isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {provinceId && data ? (
        <Tabs
          activeKey={tab}
          // The search box and the filters are each tab's own.
          onChange={(k) => update({ tab: k === 'elements' ? undefined : k, q: undefined, level: undefined, group: undefined, source: undefined, state: undefined })}
          data-testid="catalogue-tabs"
          items={[
            { key: 'elements', label: t('catalogue.tabElements', { n: formatNumber(data.elements.length) }), children: <ElementsTab catalogue={data} /> },
            { key: 'indicators', label: t('catalogue.tabIndicators', { n: formatNumber(data.indicators.length) }), children: <IndicatorsTab catalogue={data} /> },
            {
              key: 'links',
              label: t('catalogue.tabLinks'),
              children: <TargetLinksPanel provinceId={provinceId} planId={params.get('planId')} onPlan={(id) => update({ planId: id ?? undefined })} />,
            },
          ]}
        />
      ) : null}
    </div>
  );
}
