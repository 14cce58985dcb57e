import { useEffect, useState } from 'react';
import { AutoComplete, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useDebounced } from '../../../lib/useDebounced.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { KNOWN_ACTIONS, KNOWN_ENTITY_TYPES } from '../api.ts';

export type AuditFilterState = { actor: string; action: string; entityType: string; entityId: string; from: string; to: string };

/** Free-text filters apply once typing pauses; the others at once. Values are kept in the URL by the caller. */
export function AuditFilterBar({ value, onChange }: { value: AuditFilterState; onChange: (next: Partial<AuditFilterState>) => void }) {
  const t = useT();
  const [actor, setActor] = useState(value.actor);
  const [action, setAction] = useState(value.action);
  const [entityId, setEntityId] = useState(value.entityId);
  const typedActor = useDebounced(actor.trim(), 400);
  const typedAction = useDebounced(action.trim(), 400);
  const typedEntityId = useDebounced(entityId.trim(), 400);
  useEffect(() => {
    const next = { actor: typedActor, action: typedAction, entityId: typedEntityId };
    if (next.actor !== value.actor || next.action !== value.action || next.entityId !== value.entityId) onChange(next);
    // The URL follows what is typed; the reverse is set up once, from the initial value.
  }, [typedActor, typedAction, typedEntityId]);
  const range: [dayjs.Dayjs, dayjs.Dayjs] | null = value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="audit-filters">
      <Input allowClear placeholder={t('audit.actor')} value={actor} onChange={(e) => setActor(e.target.value)} style={{ width: 180 }} data-testid="audit-actor" />
      <AutoComplete
        allowClear
        placeholder={t('audit.action')}
        value={action}
        onChange={(v) => setAction(v ?? '')}
        options={KNOWN_ACTIONS.filter((a) => a.startsWith(action)).map((a) => ({ value: a }))}
        style={{ width: 200 }}
        data-testid="audit-action"
      />
      <Select
        allowClear
        placeholder={t('audit.entityType')}
        value={value.entityType || undefined}
        onChange={(v?: string) => onChange({ entityType: v ?? '' })}
        options={KNOWN_ENTITY_TYPES.map((v) => ({ value: v, label: v }))}
        style={{ width: 160 }}
        data-testid="audit-entity-type"
      />
      <Input allowClear placeholder={t('audit.entityId')} value={entityId} onChange={(e) => setEntityId(e.target.value)} style={{ width: 220 }} />
      <DatePicker.RangePicker
        format="DD/MM/YYYY"
        value={range}
        onChange={(r) => onChange({ from: r?.[0]?.format('YYYY-MM-DD') ?? '', to: r?.[1]?.format('YYYY-MM-DD') ?? '' })}
        data-testid="audit-dates"
      />
    </Flex>
  );
}
