import { Tag, Typography } from 'antd';
import { TAG_STYLE, ValueTag } from '../../../components/ValueTag.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { INDICATOR_STATUS_COLOR, INDICATOR_STATUS_LABEL, STATE_COLOR, STATE_LABEL } from '../labels.ts';
import type { IndicatorStatus, OwedState } from '../model.ts';

export function ReportStateTag({ state, testId = 'report-state' }: { state: OwedState; testId?: string }) {
  return <ValueTag value={state} labels={STATE_LABEL} colors={STATE_COLOR} testId={testId} attr="state" />;
}

export function LateTag() {
  const t = useT();
  return (
    <Tag color="red" style={TAG_STYLE} data-testid="late-tag">
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
  return <ValueTag value={status} labels={INDICATOR_STATUS_LABEL} colors={INDICATOR_STATUS_COLOR} testId="indicator-status" attr="status" />;
}
