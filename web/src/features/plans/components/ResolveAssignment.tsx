import { useState } from 'react';
import { App, Flex, Popover, Spin, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useAgencyGroups, useResolveAssignment } from '../api.ts';
import { nameKey, type Resolution } from '../model.ts';
import { ResolveRefPanel } from './ResolveRefPanel.tsx';

/** What resolving a name of a committed plan needs: the plan, its province, and the unresolved names by their words. */
export type Resolver = { planId: string; provinceId: string; canCreate: boolean; twins: Map<string, number> };

/**
 * "Chọn cơ quan" next to a name of a committed plan still unresolved: the same picker as the import's review
 * (an agency of the province, a group, or a new agency), written at once; with "apply to all", every place
 * the plan writes the same words.
 */
export function ResolveAssignment({ resolver, assignmentId, raw }: { resolver: Resolver; assignmentId: string; raw: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const groups = useAgencyGroups(open ? resolver.provinceId : undefined);
  const resolve = useResolveAssignment(resolver.planId);
  const twins = resolver.twins.get(nameKey(raw)) ?? 1;

  const onResolve = (r: Resolution, everywhere: boolean) => {
    if (!r) return;
    const target = 'agencyId' in r ? { agencyId: r.agencyId } : { groupId: groups.data?.find((g) => g.name === r.groupName)?.id };
    if (!target.agencyId && !target.groupId) return;
    resolve.mutate(
      { assignmentId, ...target, applyToSameName: everywhere },
      {
        onSuccess: (res) => {
          setOpen(false);
          message.success(t('plans.resolvedN', { n: formatNumber(res.resolved) }));
        },
      },
    );
  };

  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={(v) => (resolve.isPending ? null : setOpen(v))}
      destroyOnHidden
      content={
        <Spin spinning={resolve.isPending}>
          <Flex vertical gap={8}>
            <ResolveRefPanel
              provinceId={resolver.provinceId}
              value={{ raw, agencyId: null, agencyName: null, groupName: null }}
              twins={twins}
              canCreate={resolver.canCreate}
              onResolve={onResolve}
            />
            <ErrorAlert error={resolve.error} />
          </Flex>
        </Spin>
      }
    >
      <Typography.Link style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-testid="assignment-resolve">
        <EditOutlined /> {t('plans.chooseAgency')}
      </Typography.Link>
    </Popover>
  );
}
