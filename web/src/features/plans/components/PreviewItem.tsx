import type { ReactNode } from 'react';
import { Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useT, type T } from '../../../lib/i18n-context.tsx';
import type { MessageKey } from '../../../lib/i18n.ts';
import type { ItemIssue } from '../model.ts';

// Field names of the commit input (server error paths) → their labels in the edit forms.
const FIELD_LABEL: Record<string, MessageKey> = {
  indicator: 'import.indicator',
  text: 'import.indicator',
  comparator: 'import.comparator',
  value: 'import.value',
  unit: 'import.unit',
  year: 'import.year',
  group: 'import.group',
  code: 'import.code',
  section: 'import.section',
  title: 'import.taskTitle',
  schedule: 'plans.timeline',
  deliverables: 'plans.deliverables',
  leads: 'plans.leads',
  coordinators: 'plans.coordinators',
};

function issueText(t: T, i: ItemIssue): string {
  const label = FIELD_LABEL[i.field];
  const where = i.raw ? `${label ? t(label) : i.field} “${i.raw}”` : label ? t(label) : i.field;
  return where ? `${where}: ${i.message}` : i.message;
}

type Props = {
  testId: string;
  line: number | null;
  selected: boolean;
  issues: ItemIssue[] | undefined;
  onSelect: () => void;
  onEdit: () => void;
  onRemove: () => void;
  children: ReactNode;
};

/** The frame of a target or task of the preview: its source line, edit and remove, and what the server refused. */
export function PreviewItem({ testId, line, selected, issues, onSelect, onEdit, onRemove, children }: Props) {
  const t = useT();
  const cls = ['plan-preview-item', selected ? 'is-selected' : '', issues?.length ? 'has-error' : ''].filter(Boolean).join(' ');
  return (
    <div className={cls} onClick={onSelect} data-testid={testId} data-line={line ?? undefined}>
      <Flex gap={8} align="start">
        <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
        <Flex gap={4} align="center" onClick={(e) => e.stopPropagation()}>
          {line ? (
            <Tag style={{ marginInlineEnd: 0, cursor: 'pointer' }} onClick={onSelect} data-testid="item-line">
              {t('plans.line', { n: line })}
            </Tag>
          ) : null}
          <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={onEdit} data-testid="item-edit" />
          <Popconfirm title={t('import.removeConfirm')} okText={t('import.remove')} cancelText={t('common.cancel')} onConfirm={onRemove}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('import.remove')} data-testid="item-remove" />
          </Popconfirm>
        </Flex>
      </Flex>
      {issues?.length ? (
        <ul style={{ margin: '4px 0 0', paddingLeft: 18 }} data-testid="item-issues">
          {issues.map((i, n) => (
            <li key={n}>
              <Typography.Text type="danger">{issueText(t, i)}</Typography.Text>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
