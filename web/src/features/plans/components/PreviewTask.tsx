import { Flex, Typography } from 'antd';
import { useT } from '../../../lib/i18n-context.tsx';
import type { DraftTask, Resolution, Role } from '../model.ts';
import { RefTag } from './RefTag.tsx';
import { ScheduleText } from './ScheduleText.tsx';

type Props = {
  task: DraftTask;
  provinceId: string;
  canCreate: boolean;
  twins: (raw: string, resolved: boolean) => number;
  onResolve: (role: Role, index: number, r: Resolution, everywhere: boolean) => void;
};

/** A task read from the document, its agencies as tags to check or resolve. */
export function PreviewTask({ task, provinceId, canCreate, twins, onResolve }: Props) {
  const t = useT();
  // In the preview the title is what gets edited; the description is shown under it when it says more.
  const extra = task.description && task.description !== task.title ? task.description : null;
  const refs = (role: Role) =>
    task[role].length ? (
      <Flex gap={4} wrap data-testid={`task-${role}`}>
        {task[role].map((r, i) => (
          <RefTag
            key={`${i}-${r.raw}`}
            value={r}
            provinceId={provinceId}
            twins={twins(r.raw, !!(r.agencyId || r.groupName))}
            canCreate={canCreate}
            onResolve={(res, everywhere) => onResolve(role, i, res, everywhere)}
          />
        ))}
      </Flex>
    ) : (
      <span>—</span>
    );
  return (
    <Flex vertical gap={4}>
      <div>
        {task.code ? <Typography.Text strong>{task.code} </Typography.Text> : null}
        <Typography.Text>{task.title}</Typography.Text>
      </div>
      {extra ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 3 }}>
          {extra}
        </Typography.Paragraph>
      ) : null}
      <Flex gap={6} align="baseline" wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12, width: 70, flex: 'none' }}>
          {t('plans.leads')}
        </Typography.Text>
        <div style={{ flex: 1, minWidth: 0 }}>{refs('leads')}</div>
      </Flex>
      <Flex gap={6} align="baseline" wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12, width: 70, flex: 'none' }}>
          {t('plans.coordinators')}
        </Typography.Text>
        <div style={{ flex: 1, minWidth: 0 }}>{refs('coordinators')}</div>
      </Flex>
      {task.deliverables.length ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('plans.deliverables')}: {task.deliverables.join('; ')}
        </Typography.Text>
      ) : null}
      <Flex gap={6} align="baseline">
        <Typography.Text type="secondary" style={{ fontSize: 12, width: 70, flex: 'none' }}>
          {t('plans.timeline')}
        </Typography.Text>
        <div style={{ flex: 1, minWidth: 0, fontSize: 13 }}>
          <ScheduleText schedule={task.schedule} />
        </div>
      </Flex>
    </Flex>
  );
}
