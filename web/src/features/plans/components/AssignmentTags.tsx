import { useState } from 'react';
import { Flex, Tag, Tooltip } from 'antd';
import { ExclamationCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import type { AssignmentSummary } from '../model.ts';
import { ResolveAssignment, type Resolver } from './ResolveAssignment.tsx';

const SHOWN = 6;

/**
 * Agencies of one role of a task: a group as one tag with its size, agencies one by one (a long list folded).
 * With a `resolver` (the person may edit the plan), a name still unresolved offers "Chọn cơ quan".
 */
export function AssignmentTags({ summary, testId, resolver }: { summary: AssignmentSummary; testId: string; resolver?: Resolver | undefined }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const shown = open ? summary.agencies : summary.agencies.slice(0, SHOWN);
  const hidden = summary.agencies.length - shown.length;
  if (!summary.groups.length && !summary.agencies.length) return <span>—</span>;
  return (
    <Flex gap={4} wrap data-testid={testId}>
      {summary.groups.map((g) => (
        <Tooltip key={g.name} title={t('plans.groupMembersHint', { name: g.name, n: formatNumber(g.count) })}>
          <Tag color="blue" icon={<TeamOutlined />} style={{ marginInlineEnd: 0 }} data-testid="assignment-group">
            {t('plans.groupMembers', { name: g.name, n: formatNumber(g.count) })}
          </Tag>
        </Tooltip>
      ))}
      {shown.map((a) =>
        a.agencyId ? (
          <Tag key={a.key} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }} data-testid="assignment-agency">
            {a.name}
          </Tag>
        ) : (
          <Flex key={a.key} gap={4} align="center" wrap>
            <Tooltip title={t('plans.unresolvedAgency')}>
              <Tag color="red" icon={<ExclamationCircleOutlined />} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }} data-testid="assignment-unresolved">
                {a.name}
              </Tag>
            </Tooltip>
            {resolver ? <ResolveAssignment resolver={resolver} assignmentId={a.assignmentId} raw={a.name} /> : null}
          </Flex>
        ),
      )}
      {hidden > 0 || open ? (
        <Tag style={{ marginInlineEnd: 0, cursor: 'pointer', borderStyle: 'dashed' }} onClick={() => setOpen(!open)} data-testid="assignment-more">
          {open ? t('plans.less') : t('plans.more', { n: hidden })}
        </Tag>
      ) : null}
    </Flex>
  );
}
