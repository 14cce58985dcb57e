import { LRUCache } from 'lru-cache';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit.ts';
import { conflict, forbidden, invalid, isUniqueViolation, notFound, type FieldIssue } from '../../lib/errors.ts';
import type {
  CatalogueView,
  DataElementCreate,
  DataElementPatch,
  DataElementView,
  IndicatorCreate,
  IndicatorFormula,
  IndicatorPatch,
  IndicatorView,
} from '../../../shared/contracts/catalogue.ts';
import {
  CATALOGUE_ELEMENTS,
  CATALOGUE_INDICATORS,
  catalogueFrom,
  elementsOfIndicator,
  formulaIssues,
  type Catalogue,
  type CatalogueIndicator,
  type TargetMatch,
} from '../../../shared/domain/indicator-catalogue.ts';
import type { BreakdownDimension, DataElement, ReportingLevel } from '../../../shared/domain/indicators.ts';
import type { TargetGroup } from '../../../shared/domain/indicators.ts';
import { foldForSearch } from '../../../shared/text.ts';
import * as repo from './reporting.catalogue.repository.ts';
import { templatesOf, findUnit } from './reporting.repository.ts';
import { templatePolicy } from './reporting.templates.policy.ts';

// A province's catalogue of data elements and indicators (issue 4, "Definitions"; decision 0010). Seeded from the
// starter catalogue the first time the province needs it; the coordinator then renames, adds, retires. Codes
// never change (figures and templates refer to them); an element's shape (level, value type, breakdowns) changes
// only while nothing has been reported for it, so figures already reported keep their meaning.

type Deps = { db: Db };

const formulaOfStarter = (i: CatalogueIndicator): IndicatorFormula =>
  i.kind === 'ratio' ? { kind: 'ratio', numerator: i.numerator, denominator: i.denominator } : { kind: 'count', element: i.element, unit: i.unit };

function toElement(r: repo.ElementRow): DataElement {
  return {
    code: r.code,
    name: r.name,
    level: r.level as ReportingLevel,
    valueType: r.valueType as DataElement['valueType'],
    breakdowns: r.breakdowns as BreakdownDimension[],
    ...(r.ageGroups.length ? { ageGroups: r.ageGroups } : {}),
  };
}

function toIndicator(r: repo.IndicatorRow): CatalogueIndicator {
  const f = r.formula as IndicatorFormula;
  const common = {
    code: r.code,
    name: r.name,
    group: r.targetGroup as TargetGroup,
    ...(r.breakdown ? { breakdown: r.breakdown as Record<string, string> } : {}),
    ...(r.targetText ? { targetIndicatorText: r.targetText } : {}),
    ...(r.match ? { match: r.match as TargetMatch } : {}),
    ...(r.countedUnit === 'commune' ? { countedUnit: 'commune' as const } : {}),
  };
  return f.kind === 'ratio' ? { ...common, kind: 'ratio', numerator: f.numerator, denominator: f.denominator, unit: '%', factor: 100 } : { ...common, kind: 'count', element: f.element, unit: f.unit };
}

/** "Số thư viện cộng đồng" → "soThuVienCongDong": a code made from a name, as DHIS2 and the XLSX form carry it. */
export function codeFromName(name: string): string {
  const words = foldForSearch(name).split(' ').filter(Boolean);
  const code = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('').replace(/[^a-zA-Z0-9]/g, '');
  const start = /^[a-zA-Z]/.test(code) ? code : `x${code}`;
  return start.slice(0, 50) || 'soLieu';
}

/** Equal as stored values; object keys in any order (PostgreSQL's jsonb reorders them). */
const stable = (v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, stable((v as Record<string, unknown>)[k])])) : Array.isArray(v) ? v.map(stable) : (v ?? null);
const same = (a: unknown, b: unknown) => JSON.stringify(stable(a)) === JSON.stringify(stable(b));

function uniqueCode(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

function ageGroupIssues(breakdowns: readonly string[], ageGroups: readonly string[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (new Set(breakdowns).size !== breakdowns.length) issues.push({ path: 'breakdowns', message: 'một phân tổ được chọn hai lần' });
  if (breakdowns.includes('ageGroup') && ageGroups.length === 0) issues.push({ path: 'ageGroups', message: 'phân tổ theo nhóm tuổi cần ít nhất một nhóm tuổi (ví dụ 15-35)' });
  if (!breakdowns.includes('ageGroup') && ageGroups.length) issues.push({ path: 'ageGroups', message: 'chỉ nhập nhóm tuổi khi phân tổ theo nhóm tuổi' });
  if (new Set(ageGroups).size !== ageGroups.length) issues.push({ path: 'ageGroups', message: 'có nhóm tuổi trùng nhau' });
  if (ageGroups.some((g) => /[|=]/.test(g))) issues.push({ path: 'ageGroups', message: 'nhóm tuổi không được chứa ký tự "|" hoặc "="' });
  return issues;
}

export function createCatalogueService({ db }: Deps) {
  // Every save and indicator table reads the province's catalogue: kept a minute in the process, dropped at once
  // on an edit here (another server process sees the edit within the minute, as for templates).
  // The promise is kept, so that requests arriving together at a cold start read (and seed) once.
  const cache = new LRUCache<string, Promise<Catalogue>>({ max: 100, ttl: 60_000 });

  async function rows(provinceId: string) {
    let [elements, indicators] = await Promise.all([repo.elementsOf(db, provinceId), repo.indicatorsOf(db, provinceId)]);
    if (elements.length === 0 && indicators.length === 0) {
      await repo.seed(
        db,
        CATALOGUE_ELEMENTS.map((e, i) => ({ provinceId, code: e.code, name: e.name, level: e.level, valueType: e.valueType, breakdowns: [...e.breakdowns], ageGroups: [...(e.ageGroups ?? [])], source: 'starter', position: i + 1 })),
        CATALOGUE_INDICATORS.map((ind, i) => ({
          provinceId,
          code: ind.code,
          name: ind.name,
          targetGroup: ind.group,
          formula: formulaOfStarter(ind),
          breakdown: ind.breakdown ?? null,
          targetText: ind.targetIndicatorText ?? null,
          match: ind.match ?? null,
          countedUnit: ind.countedUnit ?? null,
          source: 'starter',
          position: i + 1,
        })),
      );
      [elements, indicators] = await Promise.all([repo.elementsOf(db, provinceId), repo.indicatorsOf(db, provinceId)]);
    }
    return { elements, indicators };
  }

  /** The province's catalogue as the computations use it (no actor: the caller has checked access). */
  function catalogueOf(provinceId: string): Promise<Catalogue> {
    const hit = cache.get(provinceId);
    if (hit) return hit;
    const loading = rows(provinceId).then(
      (r) => catalogueFrom(r.elements.map(toElement), r.indicators.filter((i) => i.active).map(toIndicator), r.elements.filter((e) => e.active).map((e) => e.code)),
      (e: unknown) => {
        cache.delete(provinceId);
        throw e;
      },
    );
    cache.set(provinceId, loading);
    return loading;
  }

  async function province(actor: Actor, provinceId: string) {
    const unit = await findUnit(db, provinceId);
    if (!unit || unit.level !== 'province' || !templatePolicy.inScope(actor, unit.path)) throw notFound('Tỉnh, thành phố');
    if (!templatePolicy.canRead(actor, unit.path)) throw forbidden('Danh mục chỉ số dành cho điều phối viên tỉnh (Sở GDĐT) và người theo dõi cấp tỉnh.');
    return unit;
  }
  function mustManage(actor: Actor, provincePath: string) {
    if (!templatePolicy.inScope(actor, provincePath)) throw notFound('Danh mục chỉ số');
    if (!templatePolicy.canManage(actor, provincePath)) throw forbidden('Chỉ điều phối viên tỉnh (Sở GDĐT) mới sửa được danh mục chỉ số.');
  }

  async function usage(provinceId: string) {
    const [{ elements, indicators }, templates, counts] = await Promise.all([rows(provinceId), templatesOf(db, provinceId), repo.valueCounts(db, provinceId)]);
    const names = await repo.editorNames(db, [...new Set([...elements, ...indicators].map((x) => x.updatedBy).filter((x): x is string => !!x))]);
    return { elements, indicators, templates, counts, names };
  }
  type Usage = Awaited<ReturnType<typeof usage>>;

  function elementView(r: repo.ElementRow, u: Pick<Usage, 'templates' | 'indicators' | 'counts' | 'names'>): DataElementView {
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      level: r.level as ReportingLevel,
      valueType: r.valueType as DataElement['valueType'],
      breakdowns: r.breakdowns as BreakdownDimension[],
      ageGroups: r.ageGroups,
      source: r.source as 'starter' | 'province',
      active: r.active,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
      updatedByName: r.updatedBy ? (u.names.get(r.updatedBy) ?? null) : null,
      valueCount: u.counts.get(r.code) ?? 0,
      usedBy: {
        templates: u.templates.filter((t) => t.elements.includes(r.code)).map((t) => ({ id: t.id, name: t.name })),
        indicators: u.indicators.filter((i) => i.active && elementsOfIndicator(toIndicator(i)).includes(r.code)).map((i) => ({ code: i.code, name: i.name })),
      },
    };
  }

  function indicatorView(r: repo.IndicatorRow, names: ReadonlyMap<string, string>): IndicatorView {
    const formula = r.formula as IndicatorFormula;
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      group: r.targetGroup as TargetGroup,
      formula,
      unit: formula.kind === 'ratio' ? '%' : formula.unit,
      breakdown: (r.breakdown as Record<string, string> | null) ?? null,
      targetText: r.targetText,
      autoMatch: r.match !== null,
      source: r.source as 'starter' | 'province',
      active: r.active,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
      updatedByName: r.updatedBy ? (names.get(r.updatedBy) ?? null) : null,
    };
  }

  /** Checks a formula against the province's catalogue; field paths as the contract names them. */
  async function checkFormula(provinceId: string, formula: IndicatorFormula, breakdown: Record<string, string> | null) {
    const c = await catalogueOf(provinceId);
    const issues = formulaIssues({ ...formula, breakdown }, c.elementByCode, c.activeElements);
    if (issues.length) throw invalid(`Công thức chưa đúng: ${issues.map((i) => i.message).join('; ')}`, issues);
  }

  const staleElement = () => conflict('Số liệu này vừa được người khác sửa. Hãy tải lại để xem bản mới rồi sửa lại.');
  const staleIndicator = () => conflict('Chỉ số này vừa được người khác sửa. Hãy tải lại để xem bản mới rồi sửa lại.');

  return {
    catalogueOf,

    async view(actor: Actor, provinceId: string): Promise<CatalogueView> {
      const unit = await province(actor, provinceId);
      const u = await usage(provinceId);
      return {
        province: { id: unit.id, name: unit.name },
        elements: u.elements.map((e) => elementView(e, u)),
        indicators: u.indicators.map((i) => indicatorView(i, u.names)),
        abilities: { manage: templatePolicy.canManage(actor, unit.path) },
      };
    },

    async createElement(actor: Actor, input: DataElementCreate): Promise<DataElementView> {
      const unit = await findUnit(db, input.provinceId);
      if (!unit || unit.level !== 'province') throw notFound('Tỉnh, thành phố');
      mustManage(actor, unit.path);
      const issues = ageGroupIssues(input.breakdowns, input.ageGroups);
      if (issues.length) throw invalid(`Số liệu chưa lưu được: ${issues.map((i) => i.message).join('; ')}`, issues);
      const { elements } = await rows(unit.id);
      const taken = new Set(elements.map((e) => e.code));
      if (input.code && taken.has(input.code)) throw invalid(`Mã “${input.code}” đã có trong danh mục.`, [{ path: 'code', message: 'mã đã được dùng' }]);
      if (elements.some((e) => foldForSearch(e.name) === foldForSearch(input.name))) throw invalid('Đã có số liệu cùng tên trong danh mục.', [{ path: 'name', message: 'trùng tên với một số liệu đã có' }]);
      const code = input.code ?? uniqueCode(codeFromName(input.name), taken);
      let created: repo.ElementRow;
      try {
        created = await db.transaction(async (tx) => {
          const row = await repo.insertElement(tx, {
            provinceId: unit.id,
            code,
            name: input.name,
            level: input.level,
            valueType: input.valueType,
            breakdowns: input.breakdowns,
            ageGroups: input.ageGroups,
            source: 'province',
            position: await repo.nextPosition(tx, 'data_elements', unit.id),
            updatedBy: actor.id,
          });
          await recordAudit(tx, actor, { action: 'dataElement.create', entityType: 'dataElement', entityId: row.id, after: { code, name: row.name, level: row.level, valueType: row.valueType, breakdowns: row.breakdowns, ageGroups: row.ageGroups } });
          return row;
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw invalid(`Mã “${code}” vừa được dùng cho một số liệu khác.`, [{ path: 'code', message: 'mã đã được dùng' }]);
        throw e;
      }
      cache.delete(unit.id);
      return elementView(created, { ...(await usage(unit.id)) });
    },

    async updateElement(actor: Actor, id: string, patch: DataElementPatch): Promise<DataElementView> {
      const found = await repo.findElement(db, id);
      if (!found) throw notFound('Số liệu');
      mustManage(actor, found.provincePath);
      const before = found.element;
      if (patch.version !== before.version) throw staleElement();
      const provinceId = before.provinceId;
      const u = await usage(provinceId);
      const shapeChanges = (['level', 'valueType', 'breakdowns', 'ageGroups'] as const).filter((k) => patch[k] !== undefined && JSON.stringify(patch[k]) !== JSON.stringify(before[k]));
      const count = u.counts.get(before.code) ?? 0;
      if (shapeChanges.length && count > 0) {
        throw conflict(`“${before.name}” đã có ${count.toLocaleString('vi-VN')} số liệu được báo cáo: không đổi được cấp báo cáo, kiểu số liệu hay phân tổ (số liệu cũ sẽ sai nghĩa). Hãy thêm một số liệu mới và ngừng sử dụng số liệu này.`);
      }
      const view = elementView(before, u);
      if (patch.level !== undefined && patch.level !== before.level && (view.usedBy.templates.length || view.usedBy.indicators.length)) {
        throw conflict(`“${before.name}” đang được dùng (${[...view.usedBy.templates.map((t) => `mẫu “${t.name}”`), ...view.usedBy.indicators.map((i) => `chỉ số “${i.name}”`)].join(', ')}): không đổi được cấp báo cáo.`);
      }
      if (patch.active === false && before.active) {
        const activeTemplates = u.templates.filter((t) => t.active && t.elements.includes(before.code));
        if (activeTemplates.length || view.usedBy.indicators.length) {
          throw conflict(`Chưa ngừng sử dụng được “${before.name}”: ${[...activeTemplates.map((t) => `mẫu báo cáo “${t.name}”`), ...view.usedBy.indicators.map((i) => `chỉ số “${i.name}”`)].join(', ')} đang dùng số liệu này. Hãy bỏ nó khỏi các mẫu và chỉ số trước.`);
        }
      }
      const breakdowns = patch.breakdowns ?? before.breakdowns;
      const ageGroups = patch.ageGroups ?? (patch.breakdowns && !patch.breakdowns.includes('ageGroup') ? [] : before.ageGroups);
      const issues = ageGroupIssues(breakdowns, ageGroups);
      if (issues.length) throw invalid(`Số liệu chưa lưu được: ${issues.map((i) => i.message).join('; ')}`, issues);
      if (patch.name !== undefined && u.elements.some((e) => e.id !== id && foldForSearch(e.name) === foldForSearch(patch.name!))) throw invalid('Đã có số liệu cùng tên trong danh mục.', [{ path: 'name', message: 'trùng tên với một số liệu đã có' }]);
      const values = {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.level !== undefined ? { level: patch.level } : {}),
        ...(patch.valueType !== undefined ? { valueType: patch.valueType } : {}),
        breakdowns,
        ageGroups,
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      };
      // Nothing different from what is stored: nothing is written, no version spent, no audit record.
      if ((Object.keys(values) as (keyof typeof values)[]).every((k) => same(values[k], before[k]))) return view;
      const after = await db.transaction(async (tx) => {
        const row = await repo.updateElement(tx, id, patch.version, { ...values, updatedBy: actor.id });
        if (!row) throw staleElement();
        await recordAudit(tx, actor, {
          action: 'dataElement.update',
          entityType: 'dataElement',
          entityId: id,
          before: { name: before.name, level: before.level, valueType: before.valueType, breakdowns: before.breakdowns, ageGroups: before.ageGroups, active: before.active, version: before.version },
          after: { name: row.name, level: row.level, valueType: row.valueType, breakdowns: row.breakdowns, ageGroups: row.ageGroups, active: row.active, version: row.version },
        });
        return row;
      });
      cache.delete(provinceId);
      return elementView(after, await usage(provinceId));
    },

    async createIndicator(actor: Actor, input: IndicatorCreate): Promise<IndicatorView> {
      const unit = await findUnit(db, input.provinceId);
      if (!unit || unit.level !== 'province') throw notFound('Tỉnh, thành phố');
      mustManage(actor, unit.path);
      await checkFormula(unit.id, input.formula, input.breakdown);
      const { indicators } = await rows(unit.id);
      const taken = new Set(indicators.map((i) => i.code));
      if (input.code && taken.has(input.code)) throw invalid(`Mã “${input.code}” đã có trong danh mục.`, [{ path: 'code', message: 'mã đã được dùng' }]);
      const code = input.code ?? uniqueCode(codeFromName(input.name), taken);
      let created: repo.IndicatorRow;
      try {
        created = await db.transaction(async (tx) => {
          const row = await repo.insertIndicator(tx, {
            provinceId: unit.id,
            code,
            name: input.name,
            targetGroup: input.group,
            formula: input.formula,
            breakdown: input.breakdown,
            targetText: input.targetText || null,
            match: null,
            countedUnit: null,
            source: 'province',
            position: await repo.nextPosition(tx, 'indicators', unit.id),
            updatedBy: actor.id,
          });
          await recordAudit(tx, actor, { action: 'indicator.create', entityType: 'indicator', entityId: row.id, after: { code, name: row.name, group: row.targetGroup, formula: row.formula, breakdown: row.breakdown, targetText: row.targetText } });
          return row;
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw invalid(`Mã “${code}” vừa được dùng cho một chỉ số khác.`, [{ path: 'code', message: 'mã đã được dùng' }]);
        throw e;
      }
      cache.delete(unit.id);
      return indicatorView(created, await repo.editorNames(db, [actor.id]));
    },

    async updateIndicator(actor: Actor, id: string, patch: IndicatorPatch): Promise<IndicatorView> {
      const found = await repo.findIndicator(db, id);
      if (!found) throw notFound('Chỉ số');
      mustManage(actor, found.provincePath);
      const before = found.indicator;
      if (patch.version !== before.version) throw staleIndicator();
      const formula = patch.formula ?? (before.formula as IndicatorFormula);
      const breakdown = patch.breakdown !== undefined ? patch.breakdown : ((before.breakdown as Record<string, string> | null) ?? null);
      // A retired indicator may keep a formula over retired elements; re-activating or changing it checks again.
      if (patch.formula !== undefined || patch.breakdown !== undefined || (patch.active === true && !before.active)) await checkFormula(before.provinceId, formula, breakdown);
      const values = {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.group !== undefined ? { targetGroup: patch.group } : {}),
        ...(patch.formula !== undefined ? { formula: patch.formula } : {}),
        ...(patch.breakdown !== undefined ? { breakdown: patch.breakdown } : {}),
        ...(patch.targetText !== undefined ? { targetText: patch.targetText || null } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      };
      if ((Object.keys(values) as (keyof typeof values)[]).every((k) => same(values[k], before[k]))) return indicatorView(before, await repo.editorNames(db, before.updatedBy ? [before.updatedBy] : []));
      const after = await db.transaction(async (tx) => {
        const row = await repo.updateIndicator(tx, id, patch.version, { ...values, updatedBy: actor.id });
        if (!row) throw staleIndicator();
        await recordAudit(tx, actor, {
          action: 'indicator.update',
          entityType: 'indicator',
          entityId: id,
          before: { name: before.name, group: before.targetGroup, formula: before.formula, breakdown: before.breakdown, targetText: before.targetText, active: before.active, version: before.version },
          after: { name: row.name, group: row.targetGroup, formula: row.formula, breakdown: row.breakdown, targetText: row.targetText, active: row.active, version: row.version },
        });
        return row;
      });
      cache.delete(before.provinceId);
      return indicatorView(after, await repo.editorNames(db, [actor.id]));
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
