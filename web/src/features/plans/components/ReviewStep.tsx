import { useMemo, useState } from 'react';
import { Alert, Empty, Flex, Switch, Tag, Typography, type FormInstance } from 'antd';
import { useT } from '../../../lib/i18n-context.tsx';
import { groupBySection, nameKey, refState, resolveRef, unresolvedByName, withHeader, type Draft, type DraftTarget, type DraftTask, type MappedErrors, type Resolution, type Role } from '../model.ts';
import type { HeaderValues } from './DraftHeaderForm.tsx';
import { DraftHeaderForm } from './DraftHeaderForm.tsx';
import { EditTargetDrawer } from './EditTargetDrawer.tsx';
import { EditTaskDrawer } from './EditTaskDrawer.tsx';
import { PreviewItem } from './PreviewItem.tsx';
import { PreviewTask } from './PreviewTask.tsx';
import { SourcePanel, type Focus } from './SourcePanel.tsx';
import { TargetValue } from './TargetValue.tsx';
import { WarningList } from './WarningList.tsx';

type Props = {
  draft: Draft;
  form: FormInstance<HeaderValues>;
  errors: MappedErrors | null;
  canCreate: boolean;
  onChange: (next: Draft, touched?: string) => void;
};

/** Step 2: the preview next to the document's text; every item can be checked, corrected or removed. */
export function ReviewStep({ draft, form, errors, canCreate, onChange }: Props) {
  const t = useT();
  const [selected, setSelected] = useState<string | null>(null);
  const [focus, setFocus] = useState<Focus>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [onlyUnresolved, setOnlyUnresolved] = useState(false);
  const counts = useMemo(() => unresolvedByName(draft), [draft]);
  const sections = useMemo(() => groupBySection(draft.tasks).map((s) => s.section).filter((s): s is string => !!s), [draft.tasks]);

  const showLine = (line: number | null) => line && setFocus((f) => ({ line, seq: (f?.seq ?? 0) + 1 }));
  const select = (key: string, line: number | null) => {
    setSelected(key);
    showLine(line);
  };
  const twins = (raw: string, resolved: boolean) => (counts.get(nameKey(raw)) ?? 0) + (resolved ? 1 : 0);
  const resolve = (task: DraftTask) => (role: Role, index: number, r: Resolution, everywhere: boolean) =>
    onChange(resolveRef(draft, { taskKey: task.key, role, index }, r, everywhere), task.key);
  const saveTarget = (x: DraftTarget) => onChange({ ...draft, targets: draft.targets.map((o) => (o.key === x.key ? x : o)) }, x.key);
  const saveTask = (x: DraftTask) => onChange({ ...draft, tasks: draft.tasks.map((o) => (o.key === x.key ? x : o)) }, x.key);
  const remove = (key: string) =>
    onChange({ ...draft, targets: draft.targets.filter((o) => o.key !== key), tasks: draft.tasks.filter((o) => o.key !== key) }, key);

  const hasUnresolved = (x: DraftTask) => [...x.leads, ...x.coordinators].some((r) => refState(r) === 'unresolved');
  const tasks = onlyUnresolved ? draft.tasks.filter(hasUnresolved) : draft.tasks;
  const editingTarget = draft.targets.find((x) => x.key === editing);
  const editingTask = draft.tasks.find((x) => x.key === editing);

  return (
    <>
      <DraftHeaderForm form={form} initial={draft.plan} filename={draft.filename} lineCount={draft.lines.length} errors={errors?.plan} onChange={(plan) => onChange(withHeader(draft, plan))} />
      {errors ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="import-errors"
          title={t('import.fixErrors')}
          description={
            errors.other.length ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {errors.other.map((d) => (
                  <li key={d.path + d.message}>
                    {d.path}: {d.message}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <WarningList warnings={draft.warnings} onLine={showLine} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }} data-testid="import-legend">
        <Tag color="green" style={{ marginInlineEnd: 0 }}>{t('import.legendMatched')}</Tag>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t('import.legendGroup')}</Tag>
        <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('import.legendUnresolved')}</Tag>
        <Flex gap={6} align="center" style={{ marginLeft: 'auto' }}>
          <Switch size="small" checked={onlyUnresolved} onChange={setOnlyUnresolved} aria-label={t('import.onlyUnresolved')} data-testid="import-only-unresolved" />
          <span>{t('import.onlyUnresolved')}</span>
        </Flex>
      </Flex>
      <div className="plan-review">
        <Flex vertical gap={8} data-testid="import-items" style={{ minWidth: 0 }}>
          {!draft.targets.length && !draft.tasks.length ? <Empty description={t('import.noItems')} /> : null}
          {draft.targets.length && !onlyUnresolved ? (
            <>
              <Typography.Title level={5} style={{ margin: '4px 0' }}>
                {t('import.targets', { n: draft.targets.length })}
              </Typography.Title>
              {draft.targets.map((x, i) => (
                <PreviewItem
                  key={x.key}
                  testId={`preview-target-${i}`}
                  line={x.line}
                  selected={selected === x.key}
                  issues={errors?.items[x.key]}
                  onSelect={() => select(x.key, x.line)}
                  onEdit={() => setEditing(x.key)}
                  onRemove={() => remove(x.key)}
                >
                  <div>{x.indicator}</div>
                  <TargetValue comparator={x.comparator} value={x.value} unit={x.unit} year={x.year} />
                </PreviewItem>
              ))}
            </>
          ) : null}
          {draft.tasks.length ? (
            <Typography.Title level={5} style={{ margin: '8px 0 4px' }}>
              {t('import.tasks', { n: draft.tasks.length })}
            </Typography.Title>
          ) : null}
          {tasks.map((x, i) => (
            <div key={x.key}>
              {x.section && x.section !== tasks[i - 1]?.section ? (
                <Typography.Text strong type="secondary" style={{ display: 'block', margin: '8px 0 4px' }}>
                  {x.section}
                </Typography.Text>
              ) : null}
              <PreviewItem
                testId={`preview-task-${draft.tasks.indexOf(x)}`}
                line={x.line}
                selected={selected === x.key}
                issues={errors?.items[x.key]}
                onSelect={() => select(x.key, x.line)}
                onEdit={() => setEditing(x.key)}
                onRemove={() => remove(x.key)}
              >
                <PreviewTask task={x} provinceId={draft.provinceId} canCreate={canCreate} twins={twins} onResolve={resolve(x)} />
              </PreviewItem>
            </div>
          ))}
        </Flex>
        <SourcePanel lines={draft.lines} focus={focus} />
      </div>
      {editingTarget ? <EditTargetDrawer target={editingTarget} onSave={(x) => (saveTarget(x), setEditing(null))} onClose={() => setEditing(null)} /> : null}
      {editingTask ? (
        <EditTaskDrawer task={editingTask} plan={draft.plan} sections={sections} onSave={(x) => (saveTask(x), setEditing(null))} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
