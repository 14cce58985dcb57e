import type { CSSProperties } from 'react';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { ExclamationCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { TAG_STYLE, ValueTag } from '../../../components/ValueTag.tsx';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { OBLIGATION_STATUS_COLOR, OBLIGATION_STATUS_LABEL, PROGRESS_COLOR, PROGRESS_LABEL, STATE_COLOR, STATE_LABEL } from '../labels.ts';
import { assignmentsByRole, type Assignment, type ContributionState, type ObligationStatus, type Progress } from '../model.ts';

/** A secondary line in a table cell kept to two lines (the whole text in its title): wraps, never widens the column. */
export const clamp2: CSSProperties = { display: '-webkit-box', WebkitBoxOrient: 'vertical', WebkitLineClamp: 2, overflow: 'hidden' };

export function ObligationStatusTag({ status }: { status: ObligationStatus }) {
  return <ValueTag value={status} labels={OBLIGATION_STATUS_LABEL} colors={OBLIGATION_STATUS_COLOR} testId="obligation-status" attr="status" />;
}

export function ProgressTag({ progress, testId = 'progress' }: { progress: Progress; testId?: string }) {
  return <ValueTag value={progress} labels={PROGRESS_LABEL} colors={PROGRESS_COLOR} testId={testId} attr="progress" />;
}

export function StateTag({ state }: { state: ContributionState }) {
  return <ValueTag value={state} labels={STATE_LABEL} colors={STATE_COLOR} testId="contribution-state" attr="state" />;
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
            <Tag color="blue" icon={<TeamOutlined />} style={{ ...TAG_STYLE, whiteSpace: 'normal' }}>
              {t('tracking.task.groupMembers', { name: a.name, n: formatNumber(a.count ?? 0) })}
            </Tag>
          </Tooltip>
        ) : a.resolved ? (
          <Tag key={a.key} style={{ ...TAG_STYLE, whiteSpace: 'normal' }}>
            {a.name}
          </Tag>
        ) : (
          <Tooltip key={a.key} title={t('tracking.task.unresolved')}>
            <Tag color="red" icon={<ExclamationCircleOutlined />} style={{ ...TAG_STYLE, whiteSpace: 'normal' }}>
              {a.name}
            </Tag>
          </Tooltip>
        ),
      )}
    </Flex>
  );
}
