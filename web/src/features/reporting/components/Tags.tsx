import { Tag, Typography } from 'antd';
import { formatDate } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { INDICATOR_STATUS_COLOR, INDICATOR_STATUS_LABEL, STATE_COLOR, STATE_LABEL } from '../labels.ts';
import type { IndicatorStatus, OwedState } from '../model.ts';

const tagStyle = { marginInlineEnd: 0 } as const;

export function ReportStateTag({ state, testId = 'report-state' }: { state: OwedState; testId?: string }) {
  const t = useT();
  return (
    <Tag color={STATE_COLOR[state]} style={tagStyle} data-testid={testId} data-state={state}>
      {t(STATE_LABEL[state])}
    </Tag>
  );
}

export function LateTag() {
  const t = useT();
  return (
    <Tag color="red" style={tagStyle} data-testid="late-tag">
      {t('reporting.late')}
    </Tag>
  );
}

/** A due date, dd/mm/yyyy, in red when it has passed and the report is not sent. */
export function DueDate({ date, late }: { date: string; late: boolean }) {
  return (
    <Typography.Text type={late ? 'danger' : undefined} strong={late} style={{ whiteSpace: 'nowrap' }} data-testid="due-date" data-late={late}>
      {formatDate(date)}
    </Typography.Text>
  );
}

export function IndicatorStatusTag({ status }: { status: IndicatorStatus }) {
  const t = useT();
  return (
    <Tag color={INDICATOR_STATUS_COLOR[status]} style={tagStyle} data-testid="indicator-status" data-status={status}>
      {t(INDICATOR_STATUS_LABEL[status])}
    </Tag>
  );
}
