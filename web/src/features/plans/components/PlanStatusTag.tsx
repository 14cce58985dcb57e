import { ValueTag } from '../../../components/ValueTag.tsx';
import { STATUS_COLOR, STATUS_LABEL } from '../labels.ts';
import type { PlanStatus } from '../model.ts';

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  return <ValueTag value={status} labels={STATUS_LABEL} colors={STATUS_COLOR} testId="plan-status" attr="status" />;
}
