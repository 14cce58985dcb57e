import { Alert, Button, Flex, Table, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { COLUMN_LABEL } from '../labels.ts';
import { breakdownLabelVi, diffValues, type EntryValues, type ElementView, type OutlineSection } from '../model.ts';

/**
 * The figures on the server differ from the person's (a save refused as stale, or figures kept on this device
 * typed on an older version): the other person's figures beside the person's, cell by cell, and the choice of
 * which to keep. When the report can no longer be edited, the person's figures stay visible (to copy) and
 * only "use the figures on the server" is offered.
 */
export function ConflictPanel({
  message,
  fromDevice,
  theirs,
  theirsBy,
  theirsAt,
  mine,
  elements,
  outline,
  editable,
  onKeepMine,
  onTakeTheirs,
}: {
  message: string | null;
  fromDevice: string | null;
  theirs: EntryValues;
  theirsBy: string | null;
  theirsAt: string | null;
  mine: EntryValues;
  elements: readonly ElementView[];
  outline: readonly OutlineSection[];
  editable: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const t = useT();
  const diff = diffValues(theirs, mine, { elements: elements.map((e) => e.code), sections: outline.map((s) => s.key) });
  const nameOf = new Map(elements.map((e) => [e.code, e.name]));
  const titleOf = new Map(outline.map((s) => [s.key, s.title]));
  const col = (b: string) => (COLUMN_LABEL[b] ? t(COLUMN_LABEL[b]!) : breakdownLabelVi(b));
  const empty = <Typography.Text type="secondary">—</Typography.Text>;
  const rows = [
    ...diff.cells.map((c) => ({ key: c.key, what: `${nameOf.get(c.element) ?? c.element} — ${col(c.breakdown)}`, theirs: c.theirs, mine: c.mine, long: false })),
    ...diff.sections.map((s) => ({ key: `section:${s.key}`, what: titleOf.get(s.key) ?? s.key, theirs: s.theirs, mine: s.mine, long: true })),
  ];
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="conflict-panel"
      title={fromDevice ? t('reporting.conflict.deviceTitle', { at: fromDevice }) : t('reporting.conflict.title')}
      description={
        <Flex vertical gap={8}>
          {message ? <span data-testid="conflict-message">{message}</span> : null}
          <span>
            {t('reporting.conflict.theirsBy', { name: theirsBy ?? '—', at: formatDateTime(theirsAt) })} {editable ? t('reporting.conflict.explain') : t('reporting.conflict.locked')}
          </span>
          <Table
            size="small"
            rowKey="key"
            pagination={rows.length > 12 ? { pageSize: 12, size: 'small', hideOnSinglePage: true } : false}
            dataSource={rows}
            data-testid="conflict-diff"
            locale={{ emptyText: t('reporting.conflict.noDiff') }}
            columns={[
              { title: t('reporting.conflict.what'), dataIndex: 'what', render: (v: string) => <span style={{ whiteSpace: 'normal' }}>{v}</span> },
              {
                title: t('reporting.conflict.theirs'),
                dataIndex: 'theirs',
                width: '28%',
                render: (v: string, r) => (v ? <Typography.Text style={{ whiteSpace: r.long ? 'pre-wrap' : 'nowrap' }} data-testid="conflict-theirs">{r.long && v.length > 400 ? `${v.slice(0, 400)}…` : v}</Typography.Text> : empty),
              },
              {
                title: t('reporting.conflict.mine'),
                dataIndex: 'mine',
                width: '28%',
                render: (v: string, r) => (v ? <Typography.Text strong copyable={r.long} style={{ whiteSpace: r.long ? 'pre-wrap' : 'nowrap' }} data-testid="conflict-mine">{v}</Typography.Text> : empty),
              },
            ]}
          />
          <Flex gap={8} wrap justify="flex-end">
            <Button onClick={onTakeTheirs} data-testid="conflict-take-theirs">
              {t('reporting.conflict.takeTheirs')}
            </Button>
            {editable ? (
              <Button type="primary" onClick={onKeepMine} data-testid="conflict-keep-mine">
                {t('reporting.conflict.keepMine')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
      }
    />
  );
}
