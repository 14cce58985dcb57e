import { Tag } from 'antd';
import { useT } from '../../../lib/i18n-context.tsx';
import { STATUS_COLOR, STATUS_LABEL } from '../labels.ts';
import type { PlanStatus } from '../model.ts';

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="plan-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(STATUS_LABEL[status])}
    </Tag>
  );
}
