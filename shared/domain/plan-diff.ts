// What changed between two versions of a plan (a plan and the plan it amends, or any two plans of a
// province): header fields, targets and tasks added, removed or changed. Pure: the server feeds it the two
// plans as read, the web shows the answer.
import { cleanText, foldForSearch } from '../text.ts';

export const HEADER_FIELDS = ['title', 'number', 'issuer', 'signer', 'issuedOn', 'periodStart', 'periodEnd'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];
export const TARGET_FIELDS = ['comparator', 'value', 'unit'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
export const TASK_FIELDS = ['code', 'title', 'leads', 'coordinators', 'schedule', 'deliverables'] as const;
export type TaskField = (typeof TASK_FIELDS)[number];
/** Every field a change may name (the web has a label for each). */
export const DIFF_FIELDS = [...HEADER_FIELDS, ...TARGET_FIELDS, ...TASK_FIELDS] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export type DiffValue = string | number | string[] | null;
/** One field that differs; for a list (agencies, deliverables) also which entries came and went. */
export type FieldChange<F extends DiffField = DiffField> = { field: F; before: DiffValue; after: DiffValue; added?: string[]; removed?: string[] };

export type DiffHeader = Record<HeaderField, string | number | null>;
export type DiffTarget = { indicator: string; comparator: string; value: number; unit: string; year: number | null };
/** An agency named in a task: `key` tells two of them apart (agency or group id, else the folded words), `name` is shown. */
export type DiffAgency = { key: string; name: string };
export type DiffTask = { code: string | null; title: string; leads: DiffAgency[]; coordinators: DiffAgency[]; schedule: string; deliverables: string[] };

export type Changed<T, F extends DiffField> = { before: T; after: T; changes: FieldChange<F>[] };
export type ListDiff<T, F extends DiffField> = { added: T[]; removed: T[]; changed: Changed<T, F>[]; unchanged: number };
export type PlanVersion<T extends DiffTarget, K extends DiffTask> = { header: DiffHeader; targets: readonly T[]; tasks: readonly K[] };
export type PlanDiffResult<T extends DiffTarget, K extends DiffTask> = {
  header: FieldChange<HeaderField>[];
  targets: ListDiff<T, TargetField>;
  tasks: ListDiff<K, TaskField>;
};

const text = (s: string | null | undefined) => cleanText(s ?? '');
/** "1.1." and "1.1", "II" and "ii" are the same number. */
export const normaliseCode = (c: string | null | undefined) => text(c).replace(/[.)\s]+$/u, '').toLowerCase();
export const targetKey = (t: Pick<DiffTarget, 'indicator' | 'year'>) => `${foldForSearch(t.indicator)}|${t.year ?? ''}`;
export const taskTitleKey = (t: Pick<DiffTask, 'title'>) => foldForSearch(t.title);

/**
 * Pairs items of two lists with equal keys, in document order (the first "1.1" with the first "1.1").
 * Items whose key is null take no part. Returns the pairs as index pairs.
 */
function pairBy<A, B>(before: readonly A[], after: readonly B[], keyA: (a: A) => string | null, keyB: (b: B) => string | null): [number, number][] {
  const waiting = new Map<string, number[]>();
  after.forEach((b, j) => {
    const k = keyB(b);
    if (k === null) return;
    const list = waiting.get(k);
    if (list) list.push(j);
    else waiting.set(k, [j]);
  });
  const pairs: [number, number][] = [];
  before.forEach((a, i) => {
    const k = keyA(a);
    const j = k === null ? undefined : waiting.get(k)?.shift();
    if (j !== undefined) pairs.push([i, j]);
  });
  return pairs;
}

function listChange<F extends DiffField>(field: F, before: DiffAgency[], after: DiffAgency[]): FieldChange<F> | null {
  const b = new Map(before.map((x) => [x.key, x.name]));
  const a = new Map(after.map((x) => [x.key, x.name]));
  const removed = [...b].filter(([k]) => !a.has(k)).map(([, n]) => n);
  const added = [...a].filter(([k]) => !b.has(k)).map(([, n]) => n);
  if (!removed.length && !added.length) return null;
  return { field, before: [...b.values()], after: [...a.values()], added, removed };
}

const asWords = (list: string[]) => list.map((s) => ({ key: foldForSearch(s), name: text(s) })).filter((x) => x.key);

function targetChanges(b: DiffTarget, a: DiffTarget): FieldChange<TargetField>[] {
  const out: FieldChange<TargetField>[] = [];
  if (b.comparator !== a.comparator) out.push({ field: 'comparator', before: b.comparator, after: a.comparator });
  if (Number(b.value) !== Number(a.value)) out.push({ field: 'value', before: b.value, after: a.value });
  if (text(b.unit).toLowerCase() !== text(a.unit).toLowerCase()) out.push({ field: 'unit', before: b.unit, after: a.unit });
  return out;
}

function taskChanges(b: DiffTask, a: DiffTask): FieldChange<TaskField>[] {
  const out: FieldChange<TaskField>[] = [];
  if (normaliseCode(b.code) !== normaliseCode(a.code)) out.push({ field: 'code', before: b.code, after: a.code });
  if (text(b.title) !== text(a.title)) out.push({ field: 'title', before: b.title, after: a.title });
  for (const f of ['leads', 'coordinators'] as const) {
    const c = listChange(f, b[f], a[f]);
    if (c) out.push(c);
  }
  if (text(b.schedule) !== text(a.schedule)) out.push({ field: 'schedule', before: b.schedule, after: a.schedule });
  const d = listChange('deliverables', asWords(b.deliverables), asWords(a.deliverables));
  if (d) out.push(d);
  return out;
}

function assemble<T, F extends DiffField>(before: readonly T[], after: readonly T[], pairs: [number, number][], changes: (b: T, a: T) => FieldChange<F>[]): ListDiff<T, F> {
  const matchedBefore = new Set(pairs.map(([i]) => i));
  const matchedAfter = new Set(pairs.map(([, j]) => j));
  const changed: Changed<T, F>[] = [];
  let unchanged = 0;
  // In the order of the newer version, as the reader of the new plan expects.
  for (const [i, j] of [...pairs].sort((x, y) => x[1] - y[1])) {
    const c = changes(before[i]!, after[j]!);
    if (c.length) changed.push({ before: before[i]!, after: after[j]!, changes: c });
    else unchanged++;
  }
  return {
    added: after.filter((_, j) => !matchedAfter.has(j)),
    removed: before.filter((_, i) => !matchedBefore.has(i)),
    changed,
    unchanged,
  };
}

/**
 * The differences from `before` (the earlier version) to `after`.
 * - Header: each of HEADER_FIELDS whose value differs (text compared with spaces collapsed).
 * - Targets: matched by indicator (case and diacritics ignored) and year; changed when the comparator,
 *   value or unit differ.
 * - Tasks: matched by number when both have one ("1.1" with "1.1."), then the rest by title (case and
 *   diacritics ignored; a renumbered task shows its new number); changed when the number, title, lead or
 *   coordinating agencies, timeline text or deliverables differ.
 */
export function diffPlans<T extends DiffTarget, K extends DiffTask>(before: PlanVersion<T, K>, after: PlanVersion<T, K>): PlanDiffResult<T, K> {
  const header: FieldChange<HeaderField>[] = [];
  for (const f of HEADER_FIELDS) {
    const b = before.header[f];
    const a = after.header[f];
    const same = typeof b === 'number' || typeof a === 'number' ? b === a : text(b as string | null) === text(a as string | null);
    if (!same) header.push({ field: f, before: b, after: a });
  }

  const targets = assemble(before.targets, after.targets, pairBy(before.targets, after.targets, targetKey, targetKey), targetChanges);

  const byCode = pairBy(
    before.tasks,
    after.tasks,
    (t) => normaliseCode(t.code) || null,
    (t) => normaliseCode(t.code) || null,
  );
  const codedBefore = new Set(byCode.map(([i]) => i));
  const codedAfter = new Set(byCode.map(([, j]) => j));
  const leftBefore = before.tasks.map((_, i) => i).filter((i) => !codedBefore.has(i));
  const leftAfter = after.tasks.map((_, j) => j).filter((j) => !codedAfter.has(j));
  const byTitle = pairBy(
    leftBefore,
    leftAfter,
    (i) => taskTitleKey(before.tasks[i]!) || null,
    (j) => taskTitleKey(after.tasks[j]!) || null,
  ).map(([x, y]): [number, number] => [leftBefore[x]!, leftAfter[y]!]);
  const tasks = assemble(before.tasks, after.tasks, [...byCode, ...byTitle], taskChanges);

  return { header, targets, tasks };
}

/** How many things changed in all (0: the two versions say the same). */
export const diffSize = (d: PlanDiffResult<DiffTarget, DiffTask>) =>
  d.header.length + d.targets.added.length + d.targets.removed.length + d.targets.changed.length + d.tasks.added.length + d.tasks.removed.length + d.tasks.changed.length;
