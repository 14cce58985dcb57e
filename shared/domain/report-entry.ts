import { BREAKDOWN_CATEGORIES, checkBreakdowns, checkRatio, checkValue, type Breakdown, type DataElement, type EntryIssue, type Indicator } from './indicators.ts';

// What one report's figures must satisfy before it is submitted (issue 4: "validation rules run as they type
// … and say exactly what is wrong"). The server runs this on save (to show) and on submit (errors block it);
// the entry grid runs the same checks while the officer types.

/** "sex=female|ethnicMinority=yes" → { sex: 'female', ethnicMinority: 'yes' }; '' → the total. */
export function parseBreakdownKey(key: string): Breakdown | undefined {
  if (!key) return undefined;
  return Object.fromEntries(key.split('|').map((p) => p.split('=') as [string, string]));
}

/** The cells the form shows for an element: the total, then one per category of each of its closed breakdowns. */
export function cellsOf(element: DataElement): string[] {
  const cells = [''];
  for (const dim of element.breakdowns) {
    if (dim === 'ageGroup') for (const band of element.ageGroups ?? []) cells.push(`ageGroup=${band}`);
    else for (const cat of BREAKDOWN_CATEGORIES[dim]) cells.push(`${dim}=${cat}`);
  }
  return cells;
}

export type Cell = { element: string; breakdown: string; value: number };

/** A numerator and denominator both on a form: the numerator cannot exceed the denominator. */
export type RatioCheck = { code: string; name: string; numerator: string; denominator: string };

/** The ratio indicators (of the whole figures, not one cell) whose two elements are both on the form, each pair once. */
export function ratioChecks(elementCodes: readonly string[], indicators: readonly Indicator[]): RatioCheck[] {
  const codes = new Set(elementCodes);
  const seen = new Set<string>();
  const out: RatioCheck[] = [];
  for (const i of indicators) {
    if (i.kind !== 'ratio' || i.breakdown || !codes.has(i.numerator) || !codes.has(i.denominator)) continue;
    const pair = `${i.numerator}/${i.denominator}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    out.push({ code: i.code, name: i.name, numerator: i.numerator, denominator: i.denominator });
  }
  return out;
}

/**
 * Every issue of a report's figures: each value on its own (negative, decimals in a count, far from the previous
 * period), the parts against their totals, and each ratio check of the form (`ratioChecks`: a numerator larger
 * than its denominator).
 */
export function reportIssues(elements: readonly DataElement[], checks: readonly RatioCheck[], values: readonly Cell[], previous: readonly Cell[] = [], opts: { maxChangeRatio?: number } = {}): EntryIssue[] {
  const byCode = new Map(elements.map((e) => [e.code, e]));
  const prev = new Map(previous.map((c) => [`${c.element}|${c.breakdown}`, c.value]));
  const issues: EntryIssue[] = [];
  for (const e of elements) {
    const rows = values.filter((v) => v.element === e.code);
    for (const r of rows) {
      const previousValue = prev.get(`${r.element}|${r.breakdown}`);
      const found = checkValue(e, r.value, { previous: r.breakdown === '' ? (previousValue ?? null) : null, ...(opts.maxChangeRatio !== undefined ? { maxChangeRatio: opts.maxChangeRatio } : {}) });
      issues.push(...found);
    }
    if (rows.length > 1) issues.push(...checkBreakdowns(e, rows.map((r) => ({ breakdown: parseBreakdownKey(r.breakdown), value: r.value }))));
  }
  const total = (code: string) => values.find((v) => v.element === code && v.breakdown === '')?.value;
  for (const ind of checks) {
    const n = byCode.get(ind.numerator);
    const d = byCode.get(ind.denominator);
    const nv = total(ind.numerator);
    const dv = total(ind.denominator);
    if (n && d && nv !== undefined && dv !== undefined) issues.push(...checkRatio({ element: n, value: nv }, { element: d, value: dv }));
  }
  // The same pair can appear in two indicators (a rate and its female share): say it once.
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.message) ? false : (seen.add(i.message), true)));
}
