import { useEffect, useState } from 'react';
import { Input, Select } from 'antd';
import { useT } from '../../../lib/i18n-context.tsx';
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
