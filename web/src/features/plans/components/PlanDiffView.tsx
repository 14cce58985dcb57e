import { useState, type ReactNode } from 'react';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { COMPARATOR_LABEL, type Comparator } from '../../../lib/labels.ts';
import type { PlanDiff } from '../api.ts';
import { DIFF_FIELD_LABEL } from '../labels.ts';
import { planLabel } from '../model.ts';
import { TargetValue } from './TargetValue.tsx';

type Change = PlanDiff['header'][number];
type DiffTarget = PlanDiff['targets']['added'][number];
type DiffTask = PlanDiff['tasks']['added'][number];
type Kind = 'added' | 'removed' | 'changed';

// Added in green, removed in red (struck through), changed in blue with before → after.
const LOOK: Record<Kind, { color: string; border: string; background: string }> = {
  added: { color: 'success', border: '#52c41a', background: '#f6ffed' },
  removed: { color: 'error', border: '#ff4d4f', background: '#fff1f0' },
  changed: { color: 'processing', border: '#1677ff', background: '#ffffff' },
};
const PAGE = 50;

function Item({ kind, children, testId }: { kind: Kind; children: ReactNode; testId: string }) {
  return (
    <div data-testid={testId} data-kind={kind} style={{ borderLeft: `3px solid ${LOOK[kind].border}`, background: LOOK[kind].background, padding: '6px 10px', borderRadius: 4 }}>
      {children}
    </div>
  );
}

/** A list shown fifty at a time (a new version may add or drop hundreds of tasks). */
function Capped<T>({ items, render }: { items: T[]; render: (item: T, i: number) => ReactNode }) {
  const t = useT();
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      {items.slice(0, shown).map(render)}
      {items.length > shown ? (
        <Button type="link" style={{ alignSelf: 'start', padding: 0 }} onClick={() => setShown(shown + PAGE)} data-testid="diff-more">
          {t('plans.diffMore', { n: formatNumber(items.length - shown) })}
        </Button>
      ) : null}
    </>
  );
}

/** One value of a change, as the reader knows it: a date in dd/mm/yyyy, a comparator in words, a list joined. */
function Value({ change, side }: { change: Change; side: 'before' | 'after' }) {
  const t = useT();
  const v = change[side];
  if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) return <Typography.Text type="secondary">—</Typography.Text>;
  if (Array.isArray(v)) {
    // The entries that went (before) or came (after) are marked; the others are shown plain.
    const marked = new Set(side === 'before' ? (change.removed ?? []) : (change.added ?? []));
    return (
      <Flex gap={4} wrap>
        {v.map((x) => (
          <Tag key={x} color={marked.has(x) ? (side === 'before' ? 'error' : 'success') : undefined} style={{ marginInlineEnd: 0, whiteSpace: 'normal', textDecoration: marked.has(x) && side === 'before' ? 'line-through' : undefined }}>
            {x}
          </Tag>
        ))}
      </Flex>
    );
  }
  const text = change.field === 'issuedOn' ? formatDate(String(v)) : change.field === 'comparator' && String(v) in COMPARATOR_LABEL ? t(COMPARATOR_LABEL[v as Comparator]) : typeof v === 'number' ? formatNumber(v) : v;
  return side === 'before' ? (
    <Typography.Text delete type="danger">
      {text}
    </Typography.Text>
  ) : (
    <Typography.Text type="success" strong>
      {text}
    </Typography.Text>
  );
}

/** "Field: before → after" lines of a changed item. */
function Changes({ changes }: { changes: Change[] }) {
  const t = useT();
  return (
    <Flex vertical gap={4} style={{ marginTop: 4 }}>
      {changes.map((c) => (
        <Flex key={c.field} gap={8} align="baseline" wrap data-testid="diff-change" data-field={c.field}>
          <Typography.Text type="secondary" style={{ minWidth: 110 }}>
            {t(DIFF_FIELD_LABEL[c.field])}:
          </Typography.Text>
          <Value change={c} side="before" />
          <ArrowRightOutlined style={{ color: '#8c8c8c' }} aria-label="→" />
          <Value change={c} side="after" />
        </Flex>
      ))}
    </Flex>
  );
}

function TargetLine({ target, kind }: { target: DiffTarget; kind: Kind }) {
  return (
    <Flex justify="space-between" gap={12} wrap>
      <Typography.Text delete={kind === 'removed'}>{target.indicator}</Typography.Text>
      {kind === 'changed' ? null : <TargetValue comparator={target.comparator} value={target.value} unit={target.unit} year={target.year} />}
    </Flex>
  );
}

function TaskLine({ task, kind }: { task: DiffTask; kind: Kind }) {
  const t = useT();
  return (
    <div>
      <Typography.Text delete={kind === 'removed'}>
        {task.code ? <Typography.Text strong>{task.code}. </Typography.Text> : null}
        {task.title}
      </Typography.Text>
      {kind !== 'changed' && (task.leads.length || task.schedule) ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {task.leads.length ? `${t('plans.leads')}: ${task.leads.join('; ')}` : ''}
            {task.leads.length && task.schedule ? ' · ' : ''}
            {task.schedule ? `${t('plans.timeline')}: ${task.schedule}` : ''}
          </Typography.Text>
        </div>
      ) : null}
    </div>
  );
}

function Section<T extends { id: string }>({
  title,
  list,
  render,
  testId,
}: {
  title: string;
  list: { added: T[]; removed: T[]; changed: { before: T; after: T; changes: Change[] }[]; unchanged: number };
  render: (item: T, kind: Kind) => ReactNode;
  testId: string;
}) {
  const t = useT();
  const counts = (
    <Flex gap={4} wrap>
      <Tag color="success">{t('plans.diffAdded', { n: formatNumber(list.added.length) })}</Tag>
      <Tag color="error">{t('plans.diffRemoved', { n: formatNumber(list.removed.length) })}</Tag>
      <Tag color="processing">{t('plans.diffChanged', { n: formatNumber(list.changed.length) })}</Tag>
      <Tag>{t('plans.diffUnchanged', { n: formatNumber(list.unchanged) })}</Tag>
    </Flex>
  );
  const empty = !list.added.length && !list.removed.length && !list.changed.length;
  return (
    <Card size="small" title={title} extra={counts} data-testid={testId}>
      {empty ? (
        <Typography.Text type="secondary">{t('plans.diffNothing')}</Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          <Capped
            items={list.changed}
            render={(c) => (
              <Item key={`c-${c.after.id}`} kind="changed" testId="diff-changed">
                {render(c.after, 'changed')}
                <Changes changes={c.changes} />
              </Item>
            )}
          />
          <Capped
            items={list.added}
            render={(x) => (
              <Item key={`a-${x.id}`} kind="added" testId="diff-added">
                {render(x, 'added')}
              </Item>
            )}
          />
          <Capped
            items={list.removed}
            render={(x) => (
              <Item key={`r-${x.id}`} kind="removed" testId="diff-removed">
                {render(x, 'removed')}
              </Item>
            )}
          />
        </Flex>
      )}
    </Card>
  );
}

/** What changed from one version of a plan to another: header fields, targets and tasks. */
export function PlanDiffView({ diff }: { diff: PlanDiff }) {
  const t = useT();
  const nothing = diff.header.length + diff.targets.added.length + diff.targets.removed.length + diff.targets.changed.length + diff.tasks.added.length + diff.tasks.removed.length + diff.tasks.changed.length === 0;
  return (
    <Flex vertical gap={16} data-testid="plan-diff">
      <Typography.Text>
        {t('plans.diffFrom')} <Link to={`/plans/${diff.from.id}`}>{planLabel(diff.from)}</Link>
      </Typography.Text>
      {nothing ? <Empty description={t('plans.diffNone')} /> : null}
      {diff.header.length ? (
        <Card size="small" title={t('plans.diffHeader')} data-testid="diff-header">
          <Item kind="changed" testId="diff-changed">
            <Changes changes={diff.header} />
          </Item>
        </Card>
      ) : null}
      {nothing ? null : (
        <>
          <Section title={t('plans.diffTargets')} list={diff.targets} testId="diff-targets" render={(x, kind) => <TargetLine target={x} kind={kind} />} />
          <Section title={t('plans.diffTasks')} list={diff.tasks} testId="diff-tasks" render={(x, kind) => <TaskLine task={x} kind={kind} />} />
        </>
      )}
    </Flex>
  );
}
