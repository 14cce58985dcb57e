import { Empty, Flex, Skeleton, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useT } from '../../../lib/i18n-context.tsx';
import { useUrlState } from '../../../lib/url-state.ts';
import { usePlanDiff, type PlanDetail } from '../api.ts';
import { PlanDiffView } from './PlanDiffView.tsx';
import { PlanSelect } from './PlanSelect.tsx';

/**
 * "Thay đổi so với bản trước": the plan against the plan it amends, or against any other plan of the
 * province chosen in "So sánh với…" (kept in the URL as `against`).
 */
export function PlanChangesTab({ plan }: { plan: PlanDetail }) {
  const t = useT();
  const [params, update] = useUrlState();
  const asked = params.get('against') ?? undefined;
  const against = asked ?? plan.amendsPlanId ?? undefined;
  const diff = usePlanDiff(plan.id, asked, !!against);
  return (
    <Flex vertical gap={12} data-testid="plan-changes">
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('plans.compareWith')}</Typography.Text>
        <div style={{ width: 480, maxWidth: '100%' }}>
          <PlanSelect
            provinceId={plan.provinceId}
            exclude={[plan.id]}
            known={[plan.amendsPlan, plan.implementsPlan, ...plan.amendedBy, ...plan.implementedBy]}
            value={against ?? null}
            // Back to the amended plan when the choice is cleared.
            onChange={(id) => update({ against: id && id !== plan.amendsPlanId ? id : undefined })}
            allowClear={!!asked}
            data-testid="plan-compare-with"
          />
        </div>
      </Flex>
      {!against ? (
        <Empty description={t('plans.comparePrompt')} />
      ) : diff.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : diff.isError ? (
        <ErrorAlert error={diff.error} />
      ) : (
        <PlanDiffView diff={diff.data} />
      )}
    </Flex>
  );
}
