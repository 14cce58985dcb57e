import { memo, useMemo, useRef, type KeyboardEvent } from 'react';
import { Tooltip } from 'antd';
import { ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { useT } from '../../../lib/i18n-context.tsx';
import { COLUMN_LABEL } from '../labels.ts';
import { cellKey, formatCell, hasCell, moveTarget, normaliseCell, type ElementView, type GridColumn, type GridIssue, type Move, type Severity } from '../model.ts';
import './entry-grid.css';

type Props = {
  elements: readonly ElementView[];
  columns: readonly GridColumn[];
  cells: Readonly<Record<string, string>>;
  previous: ReadonlyMap<string, number>;
  issues: readonly GridIssue[];
  marks: { cells: ReadonlyMap<string, Severity>; elements: ReadonlyMap<string, Severity> };
  readOnly: boolean;
  onCell: (key: string, text: string) => void;
};

/**
 * The figures of a report as a grid: one row per data element, one column for the total and one per breakdown
 * category. Plain inputs (hundreds of them stay fast); Enter, Shift+Enter and the arrows move between cells,
 * Tab goes along the row. Last period's approved figure is shown small under each cell.
 */
export function EntryGrid({ elements, columns, cells, previous, issues, marks, readOnly, onCell }: Props) {
  const t = useT();
  const body = useRef<HTMLTableSectionElement>(null);
  const enabled = useMemo(() => elements.map((e) => columns.map((c) => hasCell(e, c))), [elements, columns]);
  const messages = useMemo(() => {
    const byCell = new Map<string, string[]>();
    const byElement = new Map<string, string[]>();
    for (const i of issues) {
      if (i.cell) byCell.set(i.cell, [...(byCell.get(i.cell) ?? []), i.message]);
      byElement.set(i.element, [...(byElement.get(i.element) ?? []), i.message]);
    }
    return { byCell, byElement };
  }, [issues]);
  const labels = useMemo(() => columns.map((c) => (COLUMN_LABEL[c.breakdown] ? t(COLUMN_LABEL[c.breakdown]!) : c.breakdown)), [columns, t]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const input = e.target as HTMLInputElement;
    if (input.tagName !== 'INPUT' || input.dataset.r === undefined) return;
    const from = { row: Number(input.dataset.r), col: Number(input.dataset.c) };
    const len = input.value.length;
    const start = input.selectionStart ?? 0;
    const end = input.selectionEnd ?? 0;
    let move: Move | null = null;
    if (e.key === 'Enter') move = e.shiftKey ? 'up' : 'down';
    else if (e.key === 'ArrowDown') move = 'down';
    else if (e.key === 'ArrowUp') move = 'up';
    // Left and right move the caret inside a number, and leave the cell from its edge (or when all is selected).
    else if (e.key === 'ArrowLeft' && start === 0 && (end === 0 || end === len)) move = 'left';
    else if (e.key === 'ArrowRight' && end === len && (start === len || start === 0)) move = 'right';
    if (!move) return;
    const to = moveTarget(enabled, from, move);
    e.preventDefault();
    if (!to) return;
    body.current?.querySelector<HTMLInputElement>(`input[data-r="${to.row}"][data-c="${to.col}"]`)?.focus();
  };

  return (
    <div className="reg-wrap" data-testid="entry-grid">
      <table className="reg">
        <thead>
          <tr>
            <th className="reg-name">{t('reporting.grid.element')}</th>
            {labels.map((l, i) => (
              <th key={columns[i]!.breakdown} data-testid={`grid-col-${columns[i]!.breakdown || 'total'}`}>
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body} onKeyDown={onKeyDown}>
          {elements.map((e, r) => {
            const keys = columns.map((c, ci) => (enabled[r]![ci] ? cellKey(e.code, c.breakdown) : null));
            return (
              <GridRow
                key={e.code}
                row={r}
                element={e}
                labels={labels}
                keys={keys}
                texts={keys.map((k) => (k ? (cells[k] ?? '') : ''))}
                prevs={keys.map((k) => (k ? previous.get(k) : undefined))}
                sevs={keys.map((k) => (k ? marks.cells.get(k) : undefined))}
                titles={keys.map((k) => (k ? (messages.byCell.get(k) ?? []).join('\n') : ''))}
                rowSeverity={marks.elements.get(e.code)}
                rowMessages={(messages.byElement.get(e.code) ?? []).join('\n')}
                readOnly={readOnly}
                onCell={onCell}
                prevLabel={t('reporting.grid.previous')}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type RowProps = {
  row: number;
  element: ElementView;
  labels: readonly string[];
  keys: readonly (string | null)[];
  texts: readonly string[];
  prevs: readonly (number | undefined)[];
  sevs: readonly (Severity | undefined)[];
  titles: readonly string[];
  rowSeverity: Severity | undefined;
  rowMessages: string;
  readOnly: boolean;
  onCell: (key: string, text: string) => void;
  prevLabel: string;
};

const sameList = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** One element's row; redrawn only when one of its own cells (text, mark) changes. */
const GridRow = memo(
  function GridRow({ row, element, labels, keys, texts, prevs, sevs, titles, rowSeverity, rowMessages, readOnly, onCell, prevLabel }: RowProps) {
    return (
      <tr className={rowSeverity ? `reg-row-${rowSeverity}` : undefined} data-testid="grid-row" data-element={element.code} data-severity={rowSeverity ?? 'ok'}>
        <th className="reg-name" scope="row">
          <small>{row + 1}.</small>
          {element.name}
          {rowSeverity ? (
            <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{rowMessages}</span>}>
              {rowSeverity === 'error' ? (
                <ExclamationCircleFilled style={{ color: '#ff4d4f', marginLeft: 6 }} aria-label={rowMessages} />
              ) : (
                <WarningFilled style={{ color: '#faad14', marginLeft: 6 }} aria-label={rowMessages} />
              )}
            </Tooltip>
          ) : null}
        </th>
        {keys.map((k, c) =>
          k ? (
            <td key={k} className="reg-cell">
              <input
                type="text"
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                data-r={row}
                data-c={c}
                data-testid={`cell-${k}`}
                aria-label={`${element.name} — ${labels[c]}`}
                aria-invalid={sevs[c] === 'error' || undefined}
                className={sevs[c] ? `reg-${sevs[c]}` : undefined}
                title={titles[c] || undefined}
                value={texts[c]}
                readOnly={readOnly}
                onFocus={(e) => e.currentTarget.select()}
                onChange={(e) => onCell(k, e.currentTarget.value)}
                onBlur={(e) => {
                  const normal = normaliseCell(e.currentTarget.value);
                  if (normal !== e.currentTarget.value && !readOnly) onCell(k, normal);
                }}
              />
              {prevs[c] !== undefined ? (
                <div className="reg-prev" title={`${prevLabel}: ${formatCell(prevs[c]!)}`} data-testid={`prev-${k}`}>
                  {formatCell(prevs[c]!)}
                </div>
              ) : null}
            </td>
          ) : (
            <td key={`none-${c}`} className="reg-cell reg-none" aria-hidden />
          ),
        )}
      </tr>
    );
  },
  (a, b) =>
    a.row === b.row &&
    a.element === b.element &&
    a.readOnly === b.readOnly &&
    a.onCell === b.onCell &&
    a.rowSeverity === b.rowSeverity &&
    a.rowMessages === b.rowMessages &&
    a.prevLabel === b.prevLabel &&
    sameList(a.labels, b.labels) &&
    sameList(a.keys, b.keys) &&
    sameList(a.texts, b.texts) &&
    sameList(a.prevs, b.prevs) &&
    sameList(a.sevs, b.sevs) &&
    sameList(a.titles, b.titles),
);
