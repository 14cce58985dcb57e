import type {
  DataElementCreateBody,
  DataElementPatch,
  DataElementView,
  IndicatorCreateBody,
  IndicatorFormula,
  IndicatorPatch,
  IndicatorView,
  TargetLinkInput,
  TargetLinkView,
} from '../../../../shared/contracts/catalogue.ts';
import { BREAKDOWN_DIMENSIONS, BREAKDOWN_LABELS_VI, CATEGORY_LABELS_VI, type BreakdownDimension, type ReportingLevel, type TargetGroup } from '../../../../shared/domain/indicators.ts';
import { cleanText, compareVi, foldForSearch, matchesSearch } from '../../../../shared/text.ts';
import type { Lang, MessageKey, Params } from '../../lib/i18n.ts';

// Pure helpers of the catalogue page: labels, the formula in words, search, and what an edit sends.

export type Translate = (key: MessageKey, params?: Params) => string;
export type ValueType = DataElementView['valueType'];
export type Source = DataElementView['source'];
export type LinkMode = TargetLinkView['mode'];

export const ELEMENT_LEVEL_LABEL: Record<ReportingLevel, MessageKey> = {
  commune: 'catalogue.level.commune',
  agency: 'catalogue.level.agency',
  province: 'catalogue.level.province',
};
export const VALUE_TYPE_LABEL: Record<ValueType, MessageKey> = { count: 'catalogue.valueType.count', number: 'catalogue.valueType.number' };
export const SOURCE_LABEL: Record<Source, MessageKey> = { starter: 'catalogue.source.starter', province: 'catalogue.source.province' };
export const SOURCE_COLOR: Record<Source, string> = { starter: 'default', province: 'geekblue' };
export const LINK_MODE_LABEL: Record<LinkMode, MessageKey> = { auto: 'catalogue.links.mode.auto', manual: 'catalogue.links.mode.manual', none: 'catalogue.links.mode.none' };
export const LINK_MODE_COLOR: Record<LinkMode, string> = { auto: 'blue', manual: 'purple', none: 'default' };

const BREAKDOWN_LABELS_EN: Record<BreakdownDimension, string> = { sex: 'sex', ethnicMinority: 'ethnic minority', ageGroup: 'age group' };
const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** "Giới tính", "Nhóm tuổi": the domain's words (shared/domain/indicators.ts) in Vietnamese. */
export const breakdownLabel = (lang: Lang, d: BreakdownDimension) => capitalize((lang === 'vi' ? BREAKDOWN_LABELS_VI : BREAKDOWN_LABELS_EN)[d] ?? d);

/** The order the domain lists the dimensions in: a form's ticks compare equal whatever order they were made in. */
export const canonicalBreakdowns = (list: readonly BreakdownDimension[]): BreakdownDimension[] =>
  BREAKDOWN_DIMENSIONS.filter((d) => list.includes(d));

// ---------------------------------------------------------------------------------------------------
// Names and the formula in words

export type NameOf = (code: string) => string;

/** An element's name by its code; a code the catalogue lacks is shown as it is rather than hidden. */
export function namesOf(items: readonly { code: string; name: string }[]): NameOf {
  const map = new Map(items.map((x) => [x.code, x.name]));
  return (code) => map.get(code) ?? code;
}

/** The one cell an indicator counts ("Nữ", "Nữ, Dân tộc thiểu số"), or null when it counts every figure. */
export function cellInWords(breakdown: Readonly<Record<string, string>> | null | undefined): string | null {
  if (!breakdown) return null;
  const parts = Object.keys(breakdown)
    .sort()
    .map((k) => CATEGORY_LABELS_VI[breakdown[k]!] ?? breakdown[k]!);
  return parts.length ? parts.join(', ') : null;
}

/** "Tỷ lệ = A / B × 100" or "Tổng của A", with the elements' names. */
export function formulaInWords(formula: IndicatorFormula, nameOf: NameOf, t: Translate, breakdown?: Readonly<Record<string, string>> | null): string {
  const words =
    formula.kind === 'ratio'
      ? t('catalogue.formula.ratio', { numerator: nameOf(formula.numerator), denominator: nameOf(formula.denominator) })
      : t('catalogue.formula.count', { element: nameOf(formula.element) });
  const cell = cellInWords(breakdown);
  return cell ? t('catalogue.formula.onlyCell', { formula: words, cell }) : words;
}

/** The codes of the elements a formula reads. */
export const formulaElements = (f: IndicatorFormula): string[] => (f.kind === 'ratio' ? [f.numerator, f.denominator] : [f.element]);

// ---------------------------------------------------------------------------------------------------
// Search and filters

export const SOURCES = ['starter', 'province'] as const satisfies readonly Source[];
export const STATES = ['active', 'retired'] as const;
export type ActiveFilter = (typeof STATES)[number];

/** A filter's value from the URL, or nothing when it is not one of the list (an old or edited link). */
export const oneOf = <V extends string>(list: readonly V[], s: string | null): V | undefined => ((list as readonly string[]).includes(s ?? '') ? (s as V) : undefined);
export type ElementFilter = { q?: string; level?: ReportingLevel; source?: Source; state?: ActiveFilter };
export type IndicatorFilter = { q?: string; group?: TargetGroup; source?: Source; state?: ActiveFilter };

const stateMatches = (active: boolean, state: ActiveFilter | undefined) => !state || (state === 'active' ? active : !active);

/** Name and code, with or without diacritics ("nang luc" finds "năng lực"), every word anywhere. */
export function filterElements(rows: readonly DataElementView[], f: ElementFilter): DataElementView[] {
  const q = f.q?.trim() ?? '';
  return rows.filter(
    (e) =>
      (!f.level || e.level === f.level) &&
      (!f.source || e.source === f.source) &&
      stateMatches(e.active, f.state) &&
      (!q || matchesSearch(foldForSearch(`${e.name} ${e.code}`), q)),
  );
}

/** Name, code, target words and the names of the elements of the formula. */
export function filterIndicators(rows: readonly IndicatorView[], f: IndicatorFilter, nameOf: NameOf): IndicatorView[] {
  const q = f.q?.trim() ?? '';
  return rows.filter(
    (i) =>
      (!f.group || i.group === f.group) &&
      (!f.source || i.source === f.source) &&
      stateMatches(i.active, f.state) &&
      (!q || matchesSearch(foldForSearch([i.name, i.code, i.targetText ?? '', ...formulaElements(i.formula).map(nameOf)].join(' ')), q)),
  );
}

/** A searchable Select's filter that ignores diacritics, as the tables' search does. */
export const optionMatches = (input: string, label: unknown): boolean => typeof label === 'string' && matchesSearch(foldForSearch(label), input);

export type Option = { value: string; label: string };

/**
 * The elements a form may pick: the active ones (of `level`, when given), sorted by name, plus those the record
 * already uses though retired or of another level, so that the choice shows and can be taken off.
 */
export function elementOptions(elements: readonly DataElementView[], opts: { level?: ReportingLevel; keep?: readonly { code: string; name: string }[] } = {}): Option[] {
  const offered = elements.filter((e) => e.active && (!opts.level || e.level === opts.level));
  const codes = new Set(offered.map((e) => e.code));
  const kept = (opts.keep ?? []).filter((k) => !codes.has(k.code));
  return [...offered.map((e) => ({ value: e.code, label: e.name })).sort((a, b) => compareVi(a.label, b.label)), ...kept.map((k) => ({ value: k.code, label: k.name }))];
}

// ---------------------------------------------------------------------------------------------------
// Element form

export type ElementFormValues = { name: string; code?: string; level: ReportingLevel; valueType: ValueType; breakdowns: BreakdownDimension[]; ageGroups: string[] };

export const elementFormValues = (e?: DataElementView): Partial<ElementFormValues> =>
  e
    ? { name: e.name, code: e.code, level: e.level, valueType: e.valueType, breakdowns: [...e.breakdowns], ageGroups: [...e.ageGroups] }
    : { valueType: 'count', breakdowns: [], ageGroups: [] };

/** Age bands only mean something with the age breakdown; blank ones are dropped. */
function ageGroupsOf(v: Pick<ElementFormValues, 'breakdowns' | 'ageGroups'>): string[] {
  return (v.breakdowns ?? []).includes('ageGroup') ? (v.ageGroups ?? []).map(cleanText).filter(Boolean) : [];
}

export function elementCreateBody(provinceId: string, v: ElementFormValues): DataElementCreateBody {
  const code = v.code?.trim();
  return {
    provinceId,
    ...(code ? { code } : {}),
    name: cleanText(v.name),
    level: v.level,
    valueType: v.valueType,
    breakdowns: canonicalBreakdowns(v.breakdowns ?? []),
    ageGroups: ageGroupsOf(v),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Only what changed, with the version the form was opened at (the server refuses a stale one, and refuses a
 * change of shape once figures exist: sending an untouched field would trip that). Null when nothing changed.
 */
export function elementPatch(e: DataElementView, v: ElementFormValues): DataElementPatch | null {
  const patch: Omit<DataElementPatch, 'version'> = {};
  const name = cleanText(v.name);
  if (name !== e.name) patch.name = name;
  if (v.level !== e.level) patch.level = v.level;
  if (v.valueType !== e.valueType) patch.valueType = v.valueType;
  const breakdowns = canonicalBreakdowns(v.breakdowns ?? []);
  if (!sameList(breakdowns, canonicalBreakdowns(e.breakdowns))) patch.breakdowns = breakdowns;
  const ageGroups = ageGroupsOf(v);
  if (!sameList(ageGroups, e.ageGroups)) patch.ageGroups = ageGroups;
  return Object.keys(patch).length ? { version: e.version, ...patch } : null;
}

// ---------------------------------------------------------------------------------------------------
// Indicator form

export type FormulaFormValues = { kind: IndicatorFormula['kind']; numerator?: string; denominator?: string; element?: string; unit?: string };
export type IndicatorFormValues = { name: string; code?: string; group: TargetGroup; formula: FormulaFormValues; targetText?: string | null };

export const indicatorFormValues = (i?: IndicatorView): Partial<IndicatorFormValues> =>
  i
    ? { name: i.name, code: i.code, group: i.group, formula: { ...i.formula }, targetText: i.targetText ?? '' }
    : { formula: { kind: 'ratio' }, targetText: '' };

/** The formula of the kind chosen: the fields of the other kind, still in the form, are not sent. */
export function formulaOf(f: FormulaFormValues): IndicatorFormula {
  return f.kind === 'ratio'
    ? { kind: 'ratio', numerator: f.numerator ?? '', denominator: f.denominator ?? '' }
    : { kind: 'count', element: f.element ?? '', unit: cleanText(f.unit ?? '') };
}

const targetTextOf = (s: string | null | undefined) => {
  const text = s?.trim() ?? '';
  return text ? text : null;
};

export function indicatorCreateBody(provinceId: string, v: IndicatorFormValues): IndicatorCreateBody {
  const code = v.code?.trim();
  return { provinceId, ...(code ? { code } : {}), name: cleanText(v.name), group: v.group, formula: formulaOf(v.formula), targetText: targetTextOf(v.targetText) };
}

const sameFormula = (a: IndicatorFormula, b: IndicatorFormula) =>
  a.kind === 'ratio' ? b.kind === 'ratio' && a.numerator === b.numerator && a.denominator === b.denominator : b.kind === 'count' && a.element === b.element && a.unit === b.unit;

/** Only what changed, with the version; null when nothing did. The breakdown is not edited here, so never sent. */
export function indicatorPatch(i: IndicatorView, v: IndicatorFormValues): IndicatorPatch | null {
  const patch: Omit<IndicatorPatch, 'version'> = {};
  const name = cleanText(v.name);
  if (name !== i.name) patch.name = name;
  if (v.group !== i.group) patch.group = v.group;
  const formula = formulaOf(v.formula);
  if (!sameFormula(formula, i.formula)) patch.formula = formula;
  const targetText = targetTextOf(v.targetText);
  if (targetText !== (i.targetText ?? null)) patch.targetText = targetText;
  return Object.keys(patch).length ? { version: i.version, ...patch } : null;
}

// ---------------------------------------------------------------------------------------------------
// Server issues on form fields

export type Issue = { path: string; message: string };

/**
 * Which field shows each of the server's issues: the field of that path, else the list field it is an item or a
 * part of ("breakdowns.1" on "breakdowns"). Issues no field can show are returned for an alert.
 */
export function placeIssues(fields: readonly string[], issues: readonly Issue[]): { byField: [string, string[]][]; unmatched: Issue[] } {
  const byField = new Map<string, string[]>();
  const unmatched: Issue[] = [];
  for (const d of issues) {
    const field = fields.includes(d.path) ? d.path : fields.filter((f) => d.path.startsWith(`${f}.`)).sort((a, b) => b.length - a.length)[0];
    if (field) byField.set(field, [...(byField.get(field) ?? []), d.message]);
    else unmatched.push(d);
  }
  return { byField: [...byField], unmatched };
}

// ---------------------------------------------------------------------------------------------------
// Target links

// Indicator codes are letters and digits, so these never collide with one.
export const LINK_AUTO = '@auto';
export const LINK_NONE = '@none';
const MANUAL = 'code:';

/** The Select value of a target's link. */
export function linkValue(x: Pick<TargetLinkView, 'mode' | 'code'>): string {
  if (x.mode === 'auto') return LINK_AUTO;
  if (x.mode === 'none' || !x.code) return LINK_NONE;
  return MANUAL + x.code;
}

/** What the Select's value asks the server for. */
export function linkInput(value: string): TargetLinkInput {
  if (value === LINK_AUTO) return { mode: 'auto' };
  if (value.startsWith(MANUAL)) return { mode: 'manual', code: value.slice(MANUAL.length) };
  return { mode: 'none' };
}

export type OptionGroup = { label: string; title: string; options: Option[] };

/**
 * The choices for one target: back to its words, the candidates its words match, every other active indicator,
 * or none. An indicator it is linked to by hand though since retired stays listed, so the Select can name it.
 */
export function linkOptions(x: Pick<TargetLinkView, 'mode' | 'code' | 'candidates'>, indicators: readonly IndicatorView[], t: Translate): (Option | OptionGroup)[] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const option = (code: string): Option => ({ value: MANUAL + code, label: byCode.get(code)?.name ?? code });
  const candidates = x.candidates.filter((c) => byCode.get(c)?.active);
  const others = indicators
    .filter((i) => i.active && !candidates.includes(i.code))
    .map((i) => option(i.code))
    .sort((a, b) => compareVi(a.label, b.label));
  const current = x.mode === 'manual' && x.code && !candidates.includes(x.code) && !others.some((o) => o.value === MANUAL + x.code) ? [option(x.code)] : [];
  const groups: OptionGroup[] = [
    { label: t('catalogue.links.candidates'), title: 'candidates', options: candidates.map(option) },
    { label: t('catalogue.links.others'), title: 'others', options: [...current, ...others] },
  ].filter((g) => g.options.length);
  return [{ value: LINK_AUTO, label: t('catalogue.links.auto') }, ...groups, { value: LINK_NONE, label: t('catalogue.links.none') }];
}
