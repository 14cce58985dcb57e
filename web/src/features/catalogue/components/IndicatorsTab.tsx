import { useState, type HTMLAttributes } from 'react';
import { Button, Flex, Select, Table, Tooltip, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { TARGET_GROUPS } from '../../../../../shared/contracts/plan-import.ts';
import type { TargetGroup } from '../../../../../shared/domain/indicators.ts';
import { compareVi } from '../../../../../shared/text.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { TARGET_GROUP_LABEL } from '../../../lib/labels.ts';
import { useUrlState } from '../../../lib/url-state.ts';
import { useUpdateIndicator, type CatalogueView, type IndicatorView } from '../api.ts';
import { SOURCES, STATES, filterIndicators, formulaInWords, namesOf, oneOf } from '../model.ts';
import { ActiveToggle } from './ActiveToggle.tsx';
import { CatalogueToolbar, cataloguePagination } from './Filters.tsx';
import { IndicatorDrawer } from './IndicatorDrawer.tsx';
import { DefinitionName } from './Tags.tsx';

/** "Chỉ số": the ratios and counts computed from the figures, each with its formula in words. */
export function IndicatorsTab({ catalogue }: { catalogue: CatalogueView }) {
  const t = useT();
  const [params, update] = useUrlState();
  const manage = catalogue.abilities.manage === true;
  const nameOf = namesOf(catalogue.elements);
  const filter = {
    q: params.get('q') ?? '',
    group: oneOf(TARGET_GROUPS, params.get('group')),
    source: oneOf(SOURCES, params.get('source')),
    state: oneOf(STATES, params.get('state')),
  };
  const rows = filterIndicators(catalogue.indicators, filter, nameOf);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const current = editing === 'new' ? undefined : catalogue.indicators.find((i) => i.id === editing);
  const updateIndicator = useUpdateIndicator();

  return (
    <div data-testid="catalogue-indicators">
      <CatalogueToolbar
        search={{ value: filter.q, placeholder: t('catalogue.searchIndicators'), testId: 'catalogue-indicator-search' }}
        filter={
          <Select<TargetGroup>
            allowClear
            placeholder={t('catalogue.col.group')}
            value={filter.group}
            onChange={(group) => update({ group })}
            options={TARGET_GROUPS.map((g) => ({ value: g, label: t(TARGET_GROUP_LABEL[g]) }))}
            style={{ width: 240 }}
            data-testid="catalogue-group-filter"
            aria-label={t('catalogue.col.group')}
          />
        }
        source={filter.source}
        state={filter.state}
        onChange={update}
        add={manage ? { label: t('catalogue.addIndicator'), testId: 'catalogue-indicator-create', onClick: () => setEditing('new') } : null}
      />
      <Table<IndicatorView>
        rowKey="id"
        size="small"
        dataSource={rows}
        scroll={{ x: 1080 }}
        pagination={cataloguePagination(t)}
        locale={{ emptyText: t('catalogue.noIndicators') }}
        data-testid="catalogue-indicator-table"
        onRow={(i) => ({ 'data-code': i.code }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('catalogue.col.indicator'),
            key: 'name',
            minWidth: 280,
            sorter: (a, b) => compareVi(a.name, b.name),
            render: (_v, i) => (
              <DefinitionName name={i.name} code={i.code} source={i.source} active={i.active}>
                {i.targetText ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('catalogue.targetWords', { text: i.targetText })}
                  </Typography.Text>
                ) : null}
              </DefinitionName>
            ),
          },
          {
            title: t('catalogue.col.formula'),
            key: 'formula',
            minWidth: 240,
            render: (_v, i) => <span data-testid="catalogue-formula">{formulaInWords(i.formula, nameOf, t, i.breakdown)}</span>,
          },
          { title: t('catalogue.col.group'), key: 'group', width: 170, render: (_v, i) => t(TARGET_GROUP_LABEL[i.group]) },
          { title: t('catalogue.col.unit'), key: 'unit', width: 80, render: (_v, i) => i.unit },
          {
            title: t('catalogue.col.linking'),
            key: 'autoMatch',
            width: 120,
            render: (_v, i) => (
              <Tooltip title={t(i.autoMatch ? 'catalogue.autoMatchHint' : 'catalogue.manualMatchHint')}>
                <Typography.Text type="secondary">{t(i.autoMatch ? 'catalogue.autoMatch' : 'catalogue.manualMatch')}</Typography.Text>
              </Tooltip>
            ),
          },
          ...(manage
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 150,
                  fixed: 'right' as const,
                  render: (_v: unknown, i: IndicatorView) => (
                    <Flex gap={4} wrap>
                      <Tooltip title={t('common.edit')}>
                        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(i.id)} aria-label={t('common.edit')} data-testid="catalogue-indicator-edit" />
                      </Tooltip>
                      <ActiveToggle active={i.active} name={i.name} run={(active) => updateIndicator.mutateAsync({ id: i.id, patch: { version: i.version, active } })} />
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (editing === 'new' || current) ? (
        <IndicatorDrawer key={current ? `${current.id}|${current.version}` : 'new'} catalogue={catalogue} indicator={current} onClose={() => setEditing(null)} />
      ) : null}
    </div>
  );
}
