import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n-context.tsx';
import type { MessageKey } from '../../../lib/i18n.ts';
import type { PlanDetail, PlanRef } from '../api.ts';
import { planLabel } from '../model.ts';
import { PlanStatusTag } from './PlanStatusTag.tsx';

function PlanLink({ plan }: { plan: PlanRef }) {
  return (
    <Flex gap={6} align="center" wrap data-testid="plan-link" data-plan-id={plan.id}>
      <Link to={`/plans/${plan.id}`}>{planLabel(plan)}</Link>
      <PlanStatusTag status={plan.status} />
    </Flex>
  );
}

/** "Thực hiện kế hoạch X", "Sửa đổi kế hoạch Y", "Được thay thế bởi Z" and the plans carrying this one out. */
export function PlanLinks({ plan }: { plan: PlanDetail }) {
  const t = useT();
  const rows: { key: string; label: MessageKey; plans: PlanRef[] }[] = [
    { key: 'implements', label: 'plans.implementsPlan', plans: plan.implementsPlan ? [plan.implementsPlan] : [] },
    { key: 'amends', label: 'plans.amendsPlan', plans: plan.amendsPlan ? [plan.amendsPlan] : [] },
    { key: 'amendedBy', label: 'plans.amendedBy', plans: plan.amendedBy },
    { key: 'implementedBy', label: 'plans.implementedBy', plans: plan.implementedBy },
  ];
  const shown = rows.filter((r) => r.plans.length);
  if (!shown.length) return null;
  return (
    <Flex vertical gap={8} style={{ marginTop: 12 }} data-testid="plan-links">
      {shown.map((r) => (
        <div key={r.key} data-testid={`plan-links-${r.key}`}>
          <Typography.Text type="secondary">{t(r.label)}:</Typography.Text>
          <Flex vertical gap={4} style={{ marginTop: 2, paddingLeft: 12 }}>
            {r.plans.map((p) => (
              <PlanLink key={p.id} plan={p} />
            ))}
          </Flex>
        </div>
      ))}
    </Flex>
  );
}
