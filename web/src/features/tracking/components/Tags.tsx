import type { CSSProperties } from 'react';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { ExclamationCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { OBLIGATION_STATUS_COLOR, OBLIGATION_STATUS_LABEL, PROGRESS_COLOR, PROGRESS_LABEL, STATE_COLOR, STATE_LABEL } from '../labels.ts';
import { assignmentsByRole, type Assignment, type ContributionState, type ObligationStatus, type Progress } from '../model.ts';

const tagStyle = { marginInlineEnd: 0 } as const;
/** A secondary line in a table cell kept to two lines (the whole text in its title): wraps, never widens the column. */
export const clamp2: CSSProperties = { display: '-webkit-box', WebkitBoxOrient: 'vertical', WebkitLineClamp: 2, overflow: 'hidden' };

export function ObligationStatusTag({ status }: { status: ObligationStatus }) {
  const t = useT();
  return (
    <Tag color={OBLIGATION_STATUS_COLOR[status]} style={tagStyle} data-testid="obligation-status" data-status={status}>
      {t(OBLIGATION_STATUS_LABEL[status])}
    </Tag>
  );
}

export function ProgressTag({ progress, testId = 'progress' }: { progress: Progress; testId?: string }) {
  const t = useT();
  return (
    <Tag color={PROGRESS_COLOR[progress]} style={tagStyle} data-testid={testId} data-progress={progress}>
      {t(PROGRESS_LABEL[progress])}
    </Tag>
  );
}

export function StateTag({ state }: { state: ContributionState }) {
  const t = useT();
  return (
    <Tag color={STATE_COLOR[state]} style={tagStyle} data-testid="contribution-state" data-state={state}>
      {t(STATE_LABEL[state])}
    </Tag>
  );
}

/** A due date (dd/mm/yyyy, or "no fixed date") with what the plan calls it ("Quý I/2026", "Hàng năm (báo cáo năm 2026)"). */
export function DueText({ dueDate, labels, compact = false }: { dueDate: string | null; labels: string[]; compact?: boolean }) {
  const t = useT();
  const shown = labels.filter(Boolean);
  return (
    <div data-testid="due" data-due={dueDate ?? 'open'}>
      <span style={{ whiteSpace: 'nowrap', fontWeight: dueDate ? 500 : undefined }}>{dueDate ? formatDate(dueDate) : t('tracking.noFixedDue')}</span>
      {shown.length ? (
        <Typography.Text type="secondary" style={compact ? { ...clamp2, fontSize: 12 } : { display: 'block', fontSize: 12 }} title={compact ? shown.join('; ') : undefined}>
          {shown.join('; ')}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** The agencies of one role of a task: a group as one tag with its size, agencies one by one, unresolved names in red. */
export function AssignmentList({ assignments, role, testId }: { assignments: Assignment[]; role: Assignment['role']; testId: string }) {
  const t = useT();
  const list = assignmentsByRole(assignments, role);
  if (!list.length) return <span>—</span>;
  return (
    <Flex gap={4} wrap data-testid={testId}>
      {list.map((a) =>
        a.group ? (
          <Tooltip key={a.key} title={t('tracking.task.groupHint', { name: a.name, n: formatNumber(a.count ?? 0) })}>
            <Tag color="blue" icon={<TeamOutlined />} style={{ ...tagStyle, whiteSpace: 'normal' }}>
              {t('tracking.task.groupMembers', { name: a.name, n: formatNumber(a.count ?? 0) })}
            </Tag>
          </Tooltip>
        ) : a.resolved ? (
          <Tag key={a.key} style={{ ...tagStyle, whiteSpace: 'normal' }}>
            {a.name}
          </Tag>
        ) : (
          <Tooltip key={a.key} title={t('tracking.task.unresolved')}>
            <Tag color="red" icon={<ExclamationCircleOutlined />} style={{ ...tagStyle, whiteSpace: 'normal' }}>
              {a.name}
            </Tag>
          </Tooltip>
        ),
      )}
    </Flex>
  );
}
