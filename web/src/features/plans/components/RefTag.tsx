import { useState } from 'react';
import { Popover, Tag, Tooltip } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { useT } from '../../../lib/i18n-context.tsx';
import { refState, type DraftRef, type Resolution } from '../model.ts';
import { ResolveRefPanel } from './ResolveRefPanel.tsx';

const LOOK = {
  matched: { color: 'green', icon: <CheckCircleOutlined /> },
  group: { color: 'blue', icon: <TeamOutlined /> },
  unresolved: { color: 'red', icon: <ExclamationCircleOutlined /> },
} as const;

type Props = {
  value: DraftRef;
  provinceId: string;
  twins: number;
  canCreate: boolean;
  onResolve: (r: Resolution, everywhere: boolean) => void;
};

/** An agency as named in the plan: green when matched, blue for a group, red when unresolved; a click opens the resolver. */
export function RefTag({ value, provinceId, twins, canCreate, onResolve }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const state = refState(value);
  const hint = state === 'matched' ? t('import.matchedTo', { name: value.agencyName ?? '' }) : state === 'group' ? t('import.groupOf', { name: value.groupName ?? '' }) : t('plans.unresolvedAgency');
  const tag = (
    <Tag
      color={LOOK[state].color}
      icon={LOOK[state].icon}
      style={{ marginInlineEnd: 0, cursor: 'pointer', whiteSpace: 'normal' }}
      data-testid="ref-tag"
      data-state={state}
      role="button"
      tabIndex={0}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setOpen(true)}
    >
      {value.raw}
    </Tag>
  );
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Popover
        trigger="click"
        open={open}
        onOpenChange={setOpen}
        destroyOnHidden
        content={
          <ResolveRefPanel
            provinceId={provinceId}
            value={value}
            twins={twins}
            canCreate={canCreate}
            onResolve={(r, everywhere) => {
              setOpen(false);
              onResolve(r, everywhere);
            }}
          />
        }
      >
        <Tooltip title={open ? undefined : hint}>{tag}</Tooltip>
      </Popover>
    </span>
  );
}
