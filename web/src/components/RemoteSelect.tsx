import { useState } from 'react';
import { Select, Spin } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebounced } from '../lib/useDebounced.ts';
import { useT } from '../lib/i18n-context.tsx';

export type RemoteOption = { value: string; label: string; description?: string };

type Props = {
  /** Distinguishes the cache of one kind of search from another (units, agencies, with their filters). */
  cacheKey: readonly unknown[];
  search: (q: string, signal: AbortSignal) => Promise<RemoteOption[]>;
  value?: string | null;
  /** The chosen value, with its option (label) when one was picked. */
  onChange?: (value: string | null, option?: RemoteOption) => void;
  /** Label of the current value while it is not among the search results (editing an existing record). */
  initialLabel?: string | null;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  'data-testid'?: string;
};

/** A Select whose options come from the server as the person types (debounced). */
export function RemoteSelect({ cacheKey, search, value, onChange, initialLabel, placeholder, disabled, id, ...rest }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const [chosen, setChosen] = useState<RemoteOption | null>(null);
  const results = useQuery({
    queryKey: ['remote-select', ...cacheKey, q],
    queryFn: ({ signal }) => search(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const options = [...(results.data ?? [])];
  const current = chosen?.value === value ? chosen : value && initialLabel ? { value, label: initialLabel } : null;
  if (current && !options.some((o) => o.value === current.value)) options.unshift(current);
  return (
    <Select<string>
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      allowClear
      disabled={disabled}
      placeholder={placeholder ?? t('common.typeToSearch')}
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent={results.isFetching ? <Spin size="small" /> : t('common.noResults')}
      options={options.map((o) => ({
        value: o.value,
        title: o.label,
        label: o.description ? (
          <span>
            {o.label} <span style={{ color: '#888' }}>· {o.description}</span>
          </span>
        ) : (
          o.label
        ),
      }))}
      optionLabelProp="title"
      onChange={(v) => {
        const option = options.find((o) => o.value === v);
        setChosen(option ?? null);
        onChange?.(v ?? null, option);
      }}
      style={{ width: '100%' }}
    />
  );
}
