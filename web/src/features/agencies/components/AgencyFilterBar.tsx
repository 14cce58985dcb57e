import { useEffect, useState } from 'react';
import { Flex, Input, Select, Switch, Tag } from 'antd';
import { AGENCY_KINDS, type AgencyKind } from '../../../../../shared/domain/agencies.ts';
import { useI18n } from '../../../lib/i18n-context.tsx';
import { agencyKindLabel } from '../../../lib/labels.ts';
import { useDebounced } from '../../../lib/useDebounced.ts';
import { useUnitName } from '../api.ts';

export type FilterState = { q: string; kind?: AgencyKind; unitId?: string; includeInactive: boolean };

export function AgencyFilterBar({ value, onChange }: { value: FilterState; onChange: (next: Partial<FilterState>) => void }) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(value.q);
  const q = useDebounced(text, 300);
  useEffect(() => {
    if (q.trim() !== value.q) onChange({ q: q.trim() });
    // Only the typed text drives this effect: the URL follows what is typed, once typing pauses.
  }, [q]);
  const unitName = useUnitName(value.unitId);
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('agencies.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ width: 320, maxWidth: '100%' }}
        data-testid="agency-search"
      />
      <Select<AgencyKind>
        allowClear
        placeholder={t('agencies.kindFilter')}
        value={value.kind}
        onChange={(kind) => onChange({ kind })}
        style={{ width: 240, maxWidth: '100%' }}
        options={AGENCY_KINDS.map((k) => ({ value: k, label: agencyKindLabel(lang, k) }))}
        data-testid="agency-kind-filter"
      />
      <Flex gap={6} align="center">
        <Switch size="small" checked={value.includeInactive} onChange={(v) => onChange({ includeInactive: v })} aria-label={t('agencies.includeInactive')} />
        <span>{t('agencies.includeInactive')}</span>
      </Flex>
      {value.unitId ? (
        <Tag closable color="blue" onClose={() => onChange({ unitId: undefined })} data-testid="agency-unit-filter">
          {t('agencies.attachedTo', { name: unitName.data ?? '…' })}
        </Tag>
      ) : null}
    </Flex>
  );
}
