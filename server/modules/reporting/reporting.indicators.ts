import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { isAdmin, type Actor } from '../../lib/actor.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import type { IndicatorQuery, TrajectoryQuery } from '../../../shared/contracts/reporting.ts';
import { elementsOfIndicator as elementsOf, indicatorLevel, linkTargetsWith, type Catalogue, type CatalogueIndicator, type TargetLink } from '../../../shared/domain/indicator-catalogue.ts';
import { evaluate, EVALUATION_REASON_VI, type DataValue } from '../../../shared/domain/indicators.ts';
import { parseBreakdownKey } from '../../../shared/domain/report-entry.ts';
import { periodFromKey, periodLabel, type PeriodKind } from '../../../shared/domain/reporting-periods.ts';
import * as repo from './reporting.repository.ts';

export type PlanTarget = { id: string; planId: string; planNumber: string | null; planTitle: string; indicator: string; comparator: string; value: number; unit: string; year: number | null; scope: string; text: string };
type Deps = {
  db: Db;
  /** The province's templates (seeded on first use by the reporting service). */
  templates: (provinceId: string) => Promise<repo.TemplateRow[]>;
  /** Who owes a template (communes of the province, or its provincial agencies). */
  reportersOf: (t: repo.TemplateRow, provincePath: string) => Promise<{ unitId: string; agencyId: string | null; name: string }[]>;
  /** Narrowed from the plans module: the targets of the province's plans in force. */
  targetsInForce: (provinceId: string) => Promise<PlanTarget[]>;
  /** The province's catalogue (reporting.catalogue.service.ts). */
  catalogueOf: (provinceId: string) => Promise<Catalogue>;
  /** The coordinator's links of plan targets to indicators, over the automatic ones. */
  linksOf: (provinceId: string) => Promise<ReadonlyMap<string, string | null>>;
};
type Unit = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The default span of a trajectory: QĐ 1373/QĐ-TTg's period, 2021-2030. An earlier plan in force, or a later
 * milestone, widens it; nothing narrows it.
 */
const PROJECT_START = 2021;
const PROJECT_END = 2030;
/** A bound on the years one request evaluates (years × indicators × units), not a domain rule. */
const MAX_TRAJECTORY_YEARS = 31;

/**
 * Met when the value reaches the target (more than it, for "trên"); judged only for the milestone year or after
 * it, since a value before the milestone says nothing yet about the target.
 */
function isMet(value: number | null, target: { comparator: string; value: number; year: number | null }, year: number): boolean | null {
  if (value === null || target.year === null || year < target.year) return null;
  return target.comparator === 'moreThan' ? value > target.value : value >= target.value;
}

/**
 * The targets linked to an indicator that concern the unit: all of them for the province, only those set for
 * each commune ("mỗi xã") for a commune, since a province-wide share says nothing of one commune.
 */
function targetsFor(links: readonly TargetLink<PlanTarget>[], code: string, level: string): PlanTarget[] {
  return links.filter((l) => l.code === code && (level === 'province' || l.target.scope === 'eachCommune')).map((l) => l.target);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * The period of a yearly template kind that stands for a year, read the way the indicator table reads a key's
 * year (its first four digits: "2025-2026" is 2025). A quarter does not stand for a year: null.
 */
function periodKeyOfYear(kind: PeriodKind, year: number): string | null {
  if (kind === 'calendarYear' || kind === 'annualWindow') return String(year);
  if (kind === 'schoolYear') return `${year}-${year + 1}`;
  return null;
}

/** Indicators computed on each read from reported figures (issue 4, "Results"; decision 0008). */
export function createIndicatorService({ db, templates, reportersOf, targetsInForce, catalogueOf, linksOf }: Deps) {
  /**
   * The unit whose indicators are asked for, and its province, when the actor may read them: a grant over the
   * unit's subtree, or an agency officer of the province reading the province. Otherwise not found, so that a
   * unit outside the actor's scope is not revealed (docs/decisions/0004).
   */
  async function readableUnit(actor: Actor, unitId: string): Promise<{ unit: Unit; province: Unit }> {
    const unit = await repo.findUnit(db, unitId);
    if (!unit || (unit.level !== 'province' && unit.level !== 'commune')) throw notFound('Đơn vị hành chính');
    const provincePath = unit.path.split('/').slice(0, 2).join('/') + '/';
    const readable = isAdmin(actor) || actor.grants.some((g) => g.unitPath !== null && (unit.path.startsWith(g.unitPath) || (g.role === 'agencyOfficer' && g.unitPath === provincePath && unit.level === 'province')));
    if (!readable) throw notFound('Đơn vị hành chính');
    const province = unit.level === 'province' ? unit : await repo.unitByPath(db, provincePath);
    if (!province) throw notFound('Tỉnh, thành phố');
    return { unit, province };
  }

  /**
   * Who is expected to report the figures of each level under the unit: its communes (the commune itself), and
   * for a province its agencies and its standing agency. A commune's figures are keyed by the commune; an
   * agency's (and the province's) by the agency.
   */
  async function expectedReporters(unit: Unit, ts: repo.TemplateRow[]) {
    const communes = unit.level === 'commune' ? [{ id: unit.id, name: unit.name }] : (await repo.communesOf(db, unit.path)).map((c) => ({ id: c.id, name: c.name }));
    const agencyTemplate = ts.find((t) => t.code === 'xhht-co-quan');
    const provinceTemplate = ts.find((t) => t.code === 'xhht-tinh');
    const agencyIds = unit.level === 'province' && agencyTemplate ? (await reportersOf(agencyTemplate, unit.path)).map((r) => r.agencyId!) : [];
    const provinceReporters = unit.level === 'province' && provinceTemplate ? (await reportersOf(provinceTemplate, unit.path)).map((r) => r.agencyId!) : [];
    const unitsFor = (level: string) => (level === 'commune' ? communes.map((c) => c.id) : level === 'agency' ? agencyIds : provinceReporters);
    return { communes, unitsFor };
  }

  const periodKind = (ts: repo.TemplateRow[]) => (ts[0]?.periodKind ?? 'annualWindow') as PeriodKind;
  const toDataValue = (r: { element: string; unitId: string; agencyId: string | null; breakdown: string; value: number }): DataValue => ({
    element: r.element,
    unitId: r.agencyId ?? r.unitId,
    value: r.value,
    ...(r.breakdown ? { breakdown: parseBreakdownKey(r.breakdown)! } : {}),
  });

  return {
    /**
     * Indicators of a unit for a period, computed now from approved figures (and submitted ones when asked,
     * shown as provisional): sums of the parts first, then the ratio (shared/domain/indicators.ts evaluate).
     */
    async indicators(actor: Actor, q: z.infer<typeof IndicatorQuery>) {
      const { unit, province } = await readableUnit(actor, q.unitId);
      const ts = await templates(province.id);
      let period;
      try {
        period = periodFromKey(periodKind(ts), q.periodKey);
      } catch {
        throw invalid('Kỳ báo cáo không hợp lệ.', [{ path: 'periodKey', message: 'không phải một kỳ báo cáo' }]);
      }
      const provisional = q.provisional === 'true';
      const [catalogue, targets, overrides] = await Promise.all([catalogueOf(province.id), targetsInForce(province.id), linksOf(province.id)]);
      const elements = catalogue.elementByCode;
      const levelOf = (ind: CatalogueIndicator) => indicatorLevel(ind, elements);
      // The elements some indicator reads: the only figures an indicator table needs to fetch.
      const indicatorElements = [...new Set(catalogue.indicators.flatMap(elementsOf))];
      const { rows, latestAt } = await repo.valuesForIndicators(db, { templateIds: ts.map((t) => t.id), periodKey: q.periodKey, path: unit.path, states: provisional ? ['approved', 'submitted'] : ['approved'], elements: indicatorElements });
      const values = rows.map(toDataValue);
      const { communes, unitsFor } = await expectedReporters(unit, ts);
      // Each indicator reads only its own elements' values (evaluate scans what it is given).
      const byElement = groupBy(values, (v) => v.element);
      const valuesOf = (ind: CatalogueIndicator) => elementsOf(ind).flatMap((e) => byElement.get(e) ?? []);
      // Progress against the plans' targets (issue 4, "Results"): each target linked to the indicator it measures.
      const links = linkTargetsWith(targets, catalogue.indicators, overrides);
      const year = Number(q.periodKey.slice(0, 4));
      const indicators = catalogue.indicators.map((ind) => {
        const r = evaluate(ind, valuesOf(ind), unitsFor(levelOf(ind)), elements);
        const targets = targetsFor(links, ind.code, unit.level).map((t) => ({ planId: t.planId, planNumber: t.planNumber, text: t.text, comparator: t.comparator, value: t.value, year: t.year, met: isMet(r.value, t, year) }));
        return { code: ind.code, name: ind.name, group: ind.group, unit: ind.unit, level: levelOf(ind), value: r.value, numerator: r.numerator, denominator: r.denominator, status: r.status, unitsReporting: r.unitsReporting, unitsExpected: r.unitsExpected, reason: r.reason ? EVALUATION_REASON_VI[r.reason] : null, targets };
      });
      const communeIndicators = catalogue.indicators.filter((ind) => levelOf(ind) === 'commune');
      const wanted = new Set(communeIndicators.flatMap(elementsOf));
      const byUnit = groupBy(
        values.filter((v) => wanted.has(v.element)),
        (v) => v.unitId,
      );
      const perCommune =
        unit.level === 'province'
          ? communes.map((c) => ({ unitId: c.id, name: c.name, values: Object.fromEntries(communeIndicators.map((ind) => [ind.code, evaluate(ind, byUnit.get(c.id) ?? [], [c.id], elements).value])) }))
          : [];
      return { unit: { id: unit.id, name: unit.name, level: unit.level }, periodKey: q.periodKey, periodLabel: periodLabel(period), provisional, latestAt: iso(latestAt), indicators, rows: perCommune };
    },

    /**
     * The trajectory of a unit's indicators across years toward its plans' targets: one point per year, each
     * computed as that year's indicator table computes it (evaluate: sum, then divide; a year without figures is
     * a null point, never zero), with every year's figures read in one query, and each linked target judged on
     * its milestone year.
     */
    async trajectory(actor: Actor, q: z.infer<typeof TrajectoryQuery>) {
      const { unit, province } = await readableUnit(actor, q.unitId);
      const [ts, targets, firstPlanYear, catalogue, overrides] = await Promise.all([
        templates(province.id),
        targetsInForce(province.id),
        q.fromYear === undefined ? repo.firstPlanYearInForce(db, province.id) : null,
        catalogueOf(province.id),
        linksOf(province.id),
      ]);
      const elements = catalogue.elementByCode;
      const levelOf = (ind: CatalogueIndicator) => indicatorLevel(ind, elements);
      const asked = q.indicator === undefined ? catalogue.indicators : catalogue.indicators.filter((i) => i.code === q.indicator);
      if (asked.length === 0) throw invalid('Không có chỉ số này trong danh mục.', [{ path: 'indicator', message: `không có chỉ số “${q.indicator}”` }]);
      const links = linkTargetsWith(targets, catalogue.indicators, overrides);
      const linked = new Map(asked.map((ind) => [ind.code, targetsFor(links, ind.code, unit.level)]));
      const milestones = [...linked.values()].flat().flatMap((t) => (t.year === null ? [] : [t.year]));
      const fromYear = q.fromYear ?? Math.min(PROJECT_START, firstPlanYear ?? PROJECT_START);
      const toYear = q.toYear ?? Math.max(PROJECT_END, ...milestones);
      if (fromYear > toYear) throw invalid('Năm bắt đầu phải trước hoặc bằng năm kết thúc.', [{ path: 'fromYear', message: `sau năm kết thúc ${toYear}` }]);
      if (toYear - fromYear + 1 > MAX_TRAJECTORY_YEARS) throw invalid(`Chỉ xem được tối đa ${MAX_TRAJECTORY_YEARS} năm một lần.`, [{ path: 'toYear', message: `quá ${MAX_TRAJECTORY_YEARS} năm kể từ ${fromYear}` }]);
      const kind = periodKind(ts);
      const years = Array.from({ length: toYear - fromYear + 1 }, (_, k) => fromYear + k);
      const keys = years.map((y) => periodKeyOfYear(kind, y));
      if (keys.some((k) => k === null)) throw invalid('Mẫu báo cáo của tỉnh theo quý: chưa xem được diễn biến theo năm.', [{ path: 'unitId', message: 'các mẫu báo cáo của tỉnh không theo năm' }]);
      const periodKeys = keys as string[];
      const provisional = q.provisional === 'true';
      const [rows, { unitsFor }] = await Promise.all([
        repo.valuesForIndicatorsByPeriod(db, { templateIds: ts.map((t) => t.id), periodKeys, path: unit.path, states: provisional ? ['approved', 'submitted'] : ['approved'], elements: [...new Set(asked.flatMap(elementsOf))] }),
        expectedReporters(unit, ts),
      ]);
      // By period, then by element: each point reads only its year's figures of its own elements.
      const read = rows.map((r) => ({ ...toDataValue(r), periodKey: r.periodKey, submitted: r.state === 'submitted', at: new Date(r.updatedAt) }));
      const byPeriod = new Map([...groupBy(read, (v) => v.periodKey)].map(([k, list]) => [k, groupBy(list, (v) => v.element)]));
      const latest = (list: readonly { at: Date }[]) => list.reduce<Date | null>((m, v) => (m === null || v.at > m ? v.at : m), null);

      const indicators = asked.map((ind) => {
        const points = years.map((year, k) => {
          const byElement = byPeriod.get(periodKeys[k]!);
          const values = elementsOf(ind).flatMap((e) => byElement?.get(e) ?? []);
          const r = evaluate(ind, values, unitsFor(levelOf(ind)), elements);
          return {
            year,
            periodKey: periodKeys[k]!,
            value: r.value,
            numerator: r.numerator,
            denominator: r.denominator,
            status: r.status,
            unitsReporting: r.unitsReporting,
            unitsExpected: r.unitsExpected,
            reason: r.reason ? EVALUATION_REASON_VI[r.reason] : null,
            provisional: values.some((v) => v.submitted),
            latestAt: iso(latest(values)),
          };
        });
        const targets = linked.get(ind.code)!.map((t) => {
          const atMilestone = t.year === null ? undefined : points.find((p) => p.year === t.year);
          const later = t.year === null ? undefined : points.findLast((p) => p.year >= t.year! && p.value !== null);
          return {
            planId: t.planId,
            planNumber: t.planNumber,
            text: t.text,
            comparator: t.comparator,
            value: t.value,
            year: t.year,
            met: atMilestone ? isMet(atMilestone.value, t, atMilestone.year) : null,
            latest: later ? { year: later.year, met: isMet(later.value, t, later.year)! } : null,
          };
        });
        return { code: ind.code, name: ind.name, group: ind.group, unit: ind.unit, level: levelOf(ind), points, targets };
      });
      return { unit: { id: unit.id, name: unit.name, level: unit.level }, fromYear, toYear, provisional, latestAt: iso(latest(read)), indicators };
    },
  };
}
