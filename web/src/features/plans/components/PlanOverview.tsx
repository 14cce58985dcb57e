import { Card, Descriptions } from 'antd';
import { formatDate } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import type { PlanDetail } from '../api.ts';
import { periodText } from '../model.ts';
import { PlanLinks } from './PlanLinks.tsx';
import { PlanStatusTag } from './PlanStatusTag.tsx';

export function PlanOverview({ plan }: { plan: PlanDetail }) {
  const t = useT();
  return (
    <Card style={{ marginBottom: 16 }} data-testid="plan-overview">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'number', label: t('plans.number'), children: <span data-testid="plan-number" style={{ whiteSpace: 'nowrap' }}>{plan.number ?? '—'}</span> },
          { key: 'issuer', label: t('plans.issuer'), children: plan.issuer ?? '—' },
          { key: 'issuedOn', label: t('plans.issuedOn'), children: formatDate(plan.issuedOn) || '—' },
          { key: 'period', label: t('plans.period'), children: periodText(plan.periodStart, plan.periodEnd) || '—' },
          { key: 'status', label: t('plans.status'), children: <PlanStatusTag status={plan.status} /> },
          ...(plan.signer ? [{ key: 'signer', label: t('plans.signer'), children: plan.signer }] : []),
          ...(plan.sourceFilename ? [{ key: 'source', label: t('plans.sourceFile'), children: plan.sourceFilename }] : []),
        ]}
      />
      <PlanLinks plan={plan} />
    </Card>
  );
}
