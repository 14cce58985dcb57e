import { useEffect, useState } from 'react';
import { Button, Empty, Flex, Input, Select } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useT } from '../../../lib/i18n-context.tsx';
import { useDebounced } from '../../../lib/useDebounced.ts';
import { usePlans, useProvinces } from '../api.ts';
import { PlanTable } from './PlanTable.tsx';
import { useUrlState } from '../../../lib/url-state.ts';

const PAGE_SIZE = 20;

/** The plans the person may see; search, province and page live in the URL. */
export function PlansBrowser({ canImport, pickProvince }: { canImport: boolean; pickProvince: boolean }) {
  const t = useT();
  const [params, update] = useUrlState();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), 300);
  const provinceId = params.get('province') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = usePlans({ q: q || undefined, provinceId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const provinces = useProvinces(pickProvince);

  useEffect(() => {
    if (q !== (params.get('q') ?? '')) update({ q: q || undefined, page: undefined });
    // The URL follows what is typed, once typing pauses.
  }, [q]);

  const importButton = (testId: string) =>
    canImport ? (
      <Link to="/plans/import">
        <Button type="primary" icon={<ImportOutlined />} data-testid={testId}>
          {t('plans.import')}
        </Button>
      </Link>
    ) : null;

  return (
    <>
      <PageHeader title={t('nav.plans')} extra={importButton('plan-import')} />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('plans.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 360, maxWidth: '100%' }}
          data-testid="plan-search"
        />
        {pickProvince ? (
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('plans.allProvinces')}
            value={provinceId}
            onChange={(v) => update({ province: v, page: undefined })}
            loading={provinces.isPending}
            options={(provinces.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            style={{ width: 260, maxWidth: '100%' }}
            data-testid="plan-province-filter"
          />
        ) : null}
      </Flex>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <PlanTable
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(p) => update({ page: p > 1 ? String(p) : undefined })}
        empty={<Empty description={t('plans.empty')}>{q || provinceId ? null : importButton('plan-import-empty')}</Empty>}
      />
    </>
  );
}
