import { useState, type HTMLAttributes } from 'react';
import { Button, Flex, Popover, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { REPORTING_LEVELS, type ReportingLevel } from '../../../../../shared/domain/indicators.ts';
import { compareVi } from '../../../../../shared/text.ts';
import { TAG_STYLE } from '../../../components/ValueTag.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useI18n, useT } from '../../../lib/i18n-context.tsx';
import { useUrlState } from '../../../lib/url-state.ts';
import { useUpdateElement, type CatalogueView, type DataElementView } from '../api.ts';
import { ELEMENT_LEVEL_LABEL, SOURCES, STATES, VALUE_TYPE_LABEL, breakdownLabel, filterElements, oneOf } from '../model.ts';
import { ActiveToggle } from './ActiveToggle.tsx';
import { ElementDrawer } from './ElementDrawer.tsx';
import { CatalogueToolbar, cataloguePagination } from './Filters.tsx';
import { DefinitionName } from './Tags.tsx';

/** "Số liệu thu thập": the figures units report, what each is, how many were reported and what uses it. */
export function ElementsTab({ catalogue }: { catalogue: CatalogueView }) {
  const { t, lang } = useI18n();
  const [params, update] = useUrlState();
  const manage = catalogue.abilities.manage === true;
  const filter = {
    q: params.get('q') ?? '',
    level: oneOf(REPORTING_LEVELS, params.get('level')),
    source: oneOf(SOURCES, params.get('source')),
    state: oneOf(STATES, params.get('state')),
  };
  const rows = filterElements(catalogue.elements, filter);
  // The id only: the drawer reads the element from the catalogue, so a reload brings it the current version.
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const current = editing === 'new' ? undefined : catalogue.elements.find((e) => e.id === editing);
  const updateElement = useUpdateElement();

  return (
    <div data-testid="catalogue-elements">
      <CatalogueToolbar
        search={{ value: filter.q, placeholder: t('catalogue.searchElements'), testId: 'catalogue-element-search' }}
        filter={
          <Select<ReportingLevel>
            allowClear
            placeholder={t('catalogue.col.level')}
            value={filter.level}
            onChange={(level) => update({ level })}
            options={REPORTING_LEVELS.map((l) => ({ value: l, label: t(ELEMENT_LEVEL_LABEL[l]) }))}
            style={{ width: 220 }}
            data-testid="catalogue-level-filter"
            aria-label={t('catalogue.col.level')}
          />
        }
        source={filter.source}
        state={filter.state}
        onChange={update}
        add={manage ? { label: t('catalogue.addElement'), testId: 'catalogue-element-create', onClick: () => setEditing('new') } : null}
      />
      <Table<DataElementView>
        rowKey="id"
        size="small"
        dataSource={rows}
        scroll={{ x: 1120 }}
        pagination={cataloguePagination(t)}
        locale={{ emptyText: t('catalogue.noElements') }}
        data-testid="catalogue-element-table"
        onRow={(e) => ({ 'data-code': e.code }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('catalogue.col.element'),
            key: 'name',
            minWidth: 280,
            sorter: (a, b) => compareVi(a.name, b.name),
            render: (_v, e) => (
              <DefinitionName name={e.name} code={e.code} source={e.source} active={e.active} />
            ),
          },
          { title: t('catalogue.col.level'), key: 'level', width: 140, render: (_v, e) => t(ELEMENT_LEVEL_LABEL[e.level]) },
          { title: t('catalogue.col.valueType'), key: 'valueType', width: 120, render: (_v, e) => t(VALUE_TYPE_LABEL[e.valueType]) },
          {
            title: t('catalogue.col.breakdowns'),
            key: 'breakdowns',
            width: 170,
            render: (_v, e) =>
              e.breakdowns.length ? (
                <Flex gap={4} wrap>
                  {e.breakdowns.map((d) => (
                    <Tooltip key={d} title={d === 'ageGroup' && e.ageGroups.length ? e.ageGroups.join('; ') : undefined}>
                      <Tag style={TAG_STYLE}>{breakdownLabel(lang, d)}</Tag>
                    </Tooltip>
                  ))}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('catalogue.noBreakdown')}</Typography.Text>
              ),
          },
          {
            title: t('catalogue.col.valueCount'),
            key: 'valueCount',
            width: 100,
            align: 'right',
            sorter: (a, b) => a.valueCount - b.valueCount,
            render: (_v, e) => <span data-testid="catalogue-value-count">{formatNumber(e.valueCount)}</span>,
          },
          { title: t('catalogue.col.usedBy'), key: 'usedBy', width: 160, render: (_v, e) => <UsedBy element={e} /> },
          ...(manage
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 150,
                  fixed: 'right' as const,
                  render: (_v: unknown, e: DataElementView) => (
                    <Flex gap={4} wrap>
                      <Tooltip title={t('common.edit')}>
                        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(e.id)} aria-label={t('common.edit')} data-testid="catalogue-element-edit" />
                      </Tooltip>
                      <ActiveToggle
                        active={e.active}
                        name={e.name}
                        warning={usedByCount(e) ? t('catalogue.retireUsedWarning') : undefined}
                        run={(active) => updateElement.mutateAsync({ id: e.id, patch: { version: e.version, active } })}
                      />
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (editing === 'new' || current) ? (
        <ElementDrawer key={current ? `${current.id}|${current.version}` : 'new'} provinceId={catalogue.province.id} element={current} onClose={() => setEditing(null)} />
      ) : null}
    </div>
  );
}

const usedByCount = (e: DataElementView) => e.usedBy.templates.length + e.usedBy.indicators.length;

/** "2 mẫu · 1 chỉ số", the names on hover or tap. */
function UsedBy({ element: e }: { element: DataElementView }) {
  const t = useT();
  if (!usedByCount(e)) return <Typography.Text type="secondary">{t('catalogue.unused')}</Typography.Text>;
  const content = (
    <div style={{ maxWidth: 420 }}>
      {e.usedBy.templates.length ? (
        <>
          <Typography.Text strong>{t('catalogue.usedByTemplates')}</Typography.Text>
          <ul style={{ margin: '2px 0 8px', paddingLeft: 18 }}>
            {e.usedBy.templates.map((x) => (
              <li key={x.id}>{x.name}</li>
            ))}
          </ul>
        </>
      ) : null}
      {e.usedBy.indicators.length ? (
        <>
          <Typography.Text strong>{t('catalogue.usedByIndicators')}</Typography.Text>
          <ul style={{ margin: '2px 0 0', paddingLeft: 18 }}>
            {e.usedBy.indicators.map((x) => (
              <li key={x.code}>{x.name}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
  return (
    <Popover content={content} trigger={['hover', 'click']}>
      <Typography.Link data-testid="catalogue-used-by">
        {[
          e.usedBy.templates.length ? t('catalogue.nTemplates', { n: formatNumber(e.usedBy.templates.length) }) : null,
          e.usedBy.indicators.length ? t('catalogue.nIndicators', { n: formatNumber(e.usedBy.indicators.length) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Link>
    </Popover>
  );
}
