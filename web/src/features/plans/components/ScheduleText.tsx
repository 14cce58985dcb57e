import { Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { Milestone, Schedule } from '../../../../../shared/contracts/plan-import.ts';
import { formatDate } from '../../../lib/format.ts';
import { useT, type T } from '../../../lib/i18n-context.tsx';

const MAX_SHOWN = 3;

function milestoneText(t: T, m: Milestone): string {
  const when = m.due ? formatDate(m.due) : t('plans.notFixed');
  return m.label ? `${m.label}: ${when}` : when;
}

/** The timeline as written in the plan, with the dated milestones read from it on a secondary line and in a tooltip. */
export function ScheduleText({ schedule, showRaw = true }: { schedule: Schedule; showRaw?: boolean }) {
  const t = useT();
  const ms = schedule.milestones;
  // No timeline in the document: nothing to read (the importer has said so in its warnings).
  if (!schedule.raw.trim() && !ms.length) return <div data-testid="schedule" data-kind={schedule.kind}>{showRaw ? '—' : null}</div>;
  const all = ms.map((m) => milestoneText(t, m));
  const short =
    ms.length === 0
      ? null
      : ms.length <= MAX_SHOWN
        ? all.join('; ')
        : `${ms.filter((m) => m.due).length ? `${formatDate(ms.find((m) => m.due)?.due)} → ${formatDate([...ms].reverse().find((m) => m.due)?.due)}` : all[0]} · ${t('plans.milestoneCount', { n: ms.length })}`;
  return (
    <div data-testid="schedule" data-kind={schedule.kind}>
      {showRaw ? <div>{schedule.raw || '—'}</div> : null}
      {schedule.kind === 'unknown' ? (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          <WarningOutlined /> {t('plans.scheduleUnknown')}
        </Typography.Text>
      ) : short ? (
        <Tooltip
          title={
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {all.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ul>
          }
        >
          <Typography.Text type="secondary" style={{ fontSize: 12, cursor: 'help' }} data-testid="schedule-milestones">
            <ClockCircleOutlined /> {short}
          </Typography.Text>
        </Tooltip>
      ) : null}
    </div>
  );
}
