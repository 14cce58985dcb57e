import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { isAdmin, type Actor } from '../../lib/actor.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import type { IndicatorQuery } from '../../../shared/contracts/reporting.ts';
import { CATALOGUE_ELEMENTS, CATALOGUE_INDICATORS, linkTargets } from '../../../shared/domain/indicator-catalogue.ts';
import { evaluate, EVALUATION_REASON_VI, type DataValue } from '../../../shared/domain/indicators.ts';
import { parseBreakdownKey } from '../../../shared/domain/report-entry.ts';
import { periodFromKey, periodLabel, type PeriodKind } from '../../../shared/domain/reporting-periods.ts';
import * as repo from './reporting.repository.ts';

export type PlanTarget = { planId: string; planNumber: string | null; planTitle: string; indicator: string; comparator: string; value: number; unit: string; year: number | null; scope: string; text: string };
type Deps = {
  db: Db;
  /** The province's templates (seeded on first use by the reporting service). */
  templates: (provinceId: string) => Promise<repo.TemplateRow[]>;
  /** Who owes a template (communes of the province, or its provincial agencies). */
  reportersOf: (t: repo.TemplateRow, provincePath: string) => Promise<{ unitId: string; agencyId: string | null; name: string }[]>;
  /** Narrowed from the plans module: the targets of the province's plans in force. */
  targetsInForce: (provinceId: string) => Promise<PlanTarget[]>;
};

const ELEMENTS = new Map(CATALOGUE_ELEMENTS.map((e) => [e.code, e]));
/** The elements some indicator reads: the only figures an indicator table needs to fetch. */
const INDICATOR_ELEMENTS = [...new Set(CATALOGUE_INDICATORS.flatMap((i) => (i.kind === 'ratio' ? [i.numerator, i.denominator] : [i.element])))];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Indicators computed on each read from reported figures (issue 4, "Results"; decision 0008). */
export function createIndicatorService({ db, templates, reportersOf, targetsInForce }: Deps) {
  return {
    /**
     * Indicators of a unit for a period, computed now from approved figures (and submitted ones when asked,
     * shown as provisional): sums of the parts first, then the ratio (shared/domain/indicators.ts evaluate).
     */
    async indicators(actor: Actor, q: z.infer<typeof IndicatorQuery>) {
      const unit = await repo.findUnit(db, q.unitId);
      if (!unit || (unit.level !== 'province' && unit.level !== 'commune')) throw notFound('Đơn vị hành chính');
      const provincePath = unit.path.split('/').slice(0, 2).join('/') + '/';
      const readable = isAdmin(actor) || actor.grants.some((g) => g.unitPath !== null && (unit.path.startsWith(g.unitPath) || (g.role === 'agencyOfficer' && g.unitPath === provincePath && unit.level === 'province')));
      if (!readable) throw notFound('Đơn vị hành chính');
      const province = unit.level === 'province' ? unit : await repo.unitByPath(db, provincePath);
      if (!province) throw notFound('Tỉnh, thành phố');
      const provinceId = province.id;
      const ts = await templates(provinceId);
      const kind = (ts[0]?.periodKind ?? 'annualWindow') as PeriodKind;
      let period;
      try {
        period = periodFromKey(kind, q.periodKey);
      } catch {
        throw invalid('Kỳ báo cáo không hợp lệ.', [{ path: 'periodKey', message: 'không phải một kỳ báo cáo' }]);
      }
      const provisional = q.provisional === 'true';
      const { rows, latestAt } = await repo.valuesForIndicators(db, { templateIds: ts.map((t) => t.id), periodKey: q.periodKey, path: unit.path, states: provisional ? ['approved', 'submitted'] : ['approved'], elements: INDICATOR_ELEMENTS });
      // A commune's figures are keyed by the commune; an agency's (and the province's) by the agency.
      const values: DataValue[] = rows.map((r) => ({ element: r.element, unitId: r.agencyId ?? r.unitId, value: r.value, ...(r.breakdown ? { breakdown: parseBreakdownKey(r.breakdown)! } : {}) }));
      const communes = unit.level === 'commune' ? [{ id: unit.id, name: unit.name }] : (await repo.communesOf(db, unit.path)).map((c) => ({ id: c.id, name: c.name }));
      const agencyTemplate = ts.find((t) => t.code === 'xhht-co-quan');
      const provinceTemplate = ts.find((t) => t.code === 'xhht-tinh');
      const agencyIds = unit.level === 'province' && agencyTemplate ? (await reportersOf(agencyTemplate, unit.path)).map((r) => r.agencyId!) : [];
      const provinceReporters = unit.level === 'province' && provinceTemplate ? (await reportersOf(provinceTemplate, unit.path)).map((r) => r.agencyId!) : [];
      const unitsFor = (level: string) => (level === 'commune' ? communes.map((c) => c.id) : level === 'agency' ? agencyIds : provinceReporters);
      // Each indicator reads only its own elements' values (evaluate scans what it is given).
      const byElement = new Map<string, DataValue[]>();
      for (const v of values) {
        const list = byElement.get(v.element);
        if (list) list.push(v);
        else byElement.set(v.element, [v]);
      }
      const valuesOf = (ind: (typeof CATALOGUE_INDICATORS)[number]) => (ind.kind === 'ratio' ? [...(byElement.get(ind.numerator) ?? []), ...(byElement.get(ind.denominator) ?? [])] : (byElement.get(ind.element) ?? []));
      // Progress against the plans' targets (issue 4, "Results"): each target linked to the indicator it measures.
      const links = linkTargets(await targetsInForce(provinceId));
      const year = Number(q.periodKey.slice(0, 4));
      const indicators = CATALOGUE_INDICATORS.map((ind) => {
        const level = ELEMENTS.get(ind.kind === 'ratio' ? ind.numerator : ind.element)?.level ?? 'commune';
        const r = evaluate(ind, valuesOf(ind), unitsFor(level), ELEMENTS);
        const targets = links
          .filter((l) => l.code === ind.code && (unit.level === 'province' || l.target.scope === 'eachCommune'))
          .map(({ target: t }) => ({
            planId: t.planId,
            planNumber: t.planNumber,
            text: t.text,
            comparator: t.comparator,
            value: t.value,
            year: t.year,
            // Met when the value reaches the target; judged only for the milestone year or after it.
            met: r.value === null || t.year === null || year < t.year ? null : t.comparator === 'moreThan' ? r.value > t.value : r.value >= t.value,
          }));
        return { code: ind.code, name: ind.name, group: ind.group, unit: ind.unit, value: r.value, numerator: r.numerator, denominator: r.denominator, status: r.status, unitsReporting: r.unitsReporting, unitsExpected: r.unitsExpected, reason: r.reason ? EVALUATION_REASON_VI[r.reason] : null, targets };
      });
      const communeIndicators = CATALOGUE_INDICATORS.filter((ind) => ELEMENTS.get(ind.kind === 'ratio' ? ind.numerator : ind.element)?.level === 'commune');
      const wanted = new Set(communeIndicators.flatMap((ind) => (ind.kind === 'ratio' ? [ind.numerator, ind.denominator] : [ind.element])));
      const byUnit = new Map<string, DataValue[]>();
      for (const v of values) {
        if (!wanted.has(v.element)) continue;
        const list = byUnit.get(v.unitId);
        if (list) list.push(v);
        else byUnit.set(v.unitId, [v]);
      }
      const perCommune =
        unit.level === 'province'
          ? communes.map((c) => ({ unitId: c.id, name: c.name, values: Object.fromEntries(communeIndicators.map((ind) => [ind.code, evaluate(ind, byUnit.get(c.id) ?? [], [c.id], ELEMENTS).value])) }))
          : [];
      return { unit: { id: unit.id, name: unit.name, level: unit.level }, periodKey: q.periodKey, periodLabel: periodLabel(period), provisional, latestAt: iso(latestAt), indicators, rows: perCommune };
    },
  };
}
