import { useEffect, useState, type ReactNode } from 'react';
import { Button, Flex, Input, Select, type TablePaginationConfig } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatNumber } from '../../../lib/format.ts';
import { useT, type T } from '../../../lib/i18n-context.tsx';
import { useDebounced } from '../../../lib/useDebounced.ts';
import { SOURCES, SOURCE_LABEL, type ActiveFilter, type Source } from '../model.ts';

/** A search box that tells its value once typing pauses (the value lives in the URL). */
export function SearchBox({ value, onChange, placeholder, testId }: { value: string; onChange: (q: string) => void; placeholder: string; testId: string }) {
  const [text, setText] = useState(value);
  const q = useDebounced(text, 250);
  useEffect(() => {
    if (q.trim() !== value) onChange(q.trim());
    // Only the typed text drives this effect: the URL follows what is typed, once typing pauses.
  }, [q]);
  return (
    <Input.Search allowClear placeholder={placeholder} aria-label={placeholder} value={text} onChange={(e) => setText(e.target.value)} style={{ width: 320, maxWidth: '100%' }} data-testid={testId} />
  );
}

/** Where a row comes from and whether it is in use: the same two filters on both tables. */
export function SourceStateFilters({ source, state, onChange }: { source?: Source; state?: ActiveFilter; onChange: (next: Record<string, string | undefined>) => void }) {
  const t = useT();
  return (
    <>
      <Select<Source>
        allowClear
        placeholder={t('catalogue.col.source')}
        value={source}
        onChange={(v) => onChange({ source: v })}
        options={SOURCES.map((s) => ({ value: s, label: t(SOURCE_LABEL[s]) }))}
        style={{ width: 170 }}
        data-testid="catalogue-source-filter"
        aria-label={t('catalogue.col.source')}
      />
      <Select<ActiveFilter>
        allowClear
        placeholder={t('catalogue.stateAll')}
        value={state}
        onChange={(v) => onChange({ state: v })}
        options={[
          { value: 'active', label: t('catalogue.stateActive') },
          { value: 'retired', label: t('catalogue.retired') },
        ]}
        style={{ width: 210 }}
        data-testid="catalogue-state-filter"
        aria-label={t('catalogue.stateAll')}
      />
    </>
  );
}

/** Above both tables: the search, the table's own filter, where from and whether in use, and the add button. */
export function CatalogueToolbar({
  search,
  filter,
  source,
  state,
  onChange,
  add,
}: {
  search: { value: string; placeholder: string; testId: string };
  filter: ReactNode;
  source?: Source;
  state?: ActiveFilter;
  onChange: (next: Record<string, string | undefined>) => void;
  /** Absent when the person may not add. */
  add: { label: string; testId: string; onClick: () => void } | null;
}) {
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <SearchBox value={search.value} onChange={(q) => onChange({ q })} placeholder={search.placeholder} testId={search.testId} />
      {filter}
      <SourceStateFilters source={source} state={state} onChange={onChange} />
      <div style={{ flex: 1 }} />
      {add ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={add.onClick} data-testid={add.testId}>
          {add.label}
        </Button>
      ) : null}
    </Flex>
  );
}

/** The pages of both tables: 50 rows, the total in Vietnamese numbers. */
export const cataloguePagination = (t: T): TablePaginationConfig => ({
  defaultPageSize: 50,
  showSizeChanger: true,
  pageSizeOptions: [20, 50, 100],
  showTotal: (n) => t('common.total', { n: formatNumber(n) }),
  hideOnSinglePage: true,
});
