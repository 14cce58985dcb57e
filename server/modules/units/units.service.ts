import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { isAdmin } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.ts';
import { readableUnitPaths } from '../../lib/scope.ts';
import { foldForSearch } from '../../../shared/text.ts';
import type { RetireInput, UnitPatch, UnitSearchQuery, UnitTreeNode, VillageInput } from '../../../shared/contracts/units.ts';
import * as repo from './units.repository.ts';
import { unitAbilities, unitPolicy } from './units.policy.ts';
import { importUnits } from './units.import.ts';

// Agencies are another module: it is handed in narrowed to the one call needed here.
type Deps = {
  db: Db;
  ensureStandardAgencies: (tx: Db, actor: Actor, provinceId: string) => Promise<number>;
  /** How many agencies attached to a unit the actor may see (the agencies module's scope rules). */
  countReadableAgencies: (actor: Actor, unitId: string) => Promise<number>;
};

const summary = (u: repo.UnitRow & { childCount?: number }) => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
  level: u.level as 'province' | 'district' | 'commune' | 'village',
  edition: u.edition as '2025' | 'pre2025',
  parentId: u.parentId,
  validFrom: u.validFrom,
  validTo: u.validTo,
  official: u.official,
  parentName: u.parentName ?? null,
  provinceName: u.provinceName ?? null,
  ...(u.childCount !== undefined ? { childCount: u.childCount } : {}),
});

type TreeEntry = { root: repo.UnitRow; rows: Awaited<ReturnType<typeof repo.subtreeRows>>; full: UnitTreeNode };

/** Nests flat rows (ordered by name) under the root, keeping only those `keep` accepts. */
function nest(root: repo.UnitRow, rows: TreeEntry['rows'], keep: (path: string) => boolean): UnitTreeNode {
  const top: UnitTreeNode = { id: root.id, code: root.code, name: root.name, kind: root.kind, level: root.level, children: [] };
  const nodes = new Map<string, UnitTreeNode>([[root.id, top]]);
  for (const r of rows) if (keep(r.path)) nodes.set(r.id, { id: r.id, code: r.code, name: r.name, kind: r.kind, level: r.level });
  for (const r of rows) {
    const node = nodes.get(r.id);
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    if (node && parent) (parent.children ??= []).push(node);
  }
  return top;
}

export function createUnitsService({ db, ensureStandardAgencies, countReadableAgencies }: Deps) {
  // The unit tree is reference data read on every screen and changed rarely: subtrees are kept for a
  // minute and dropped at once by every write below. Another server process sees a change within a minute.
  const trees = new LRUCache<string, TreeEntry>({ max: 1_000, ttl: 60_000 });
  const changed = () => trees.clear();

  /** Load (or 404), then check visibility; a former unit is visible through the new units it went into. */
  async function loadReadable(actor: Actor, id: string) {
    const unit = await repo.findUnit(db, id);
    if (!unit) throw notFound('Đơn vị hành chính');
    if (unitPolicy.canRead(actor, unit)) return unit;
    const paths = readableUnitPaths(actor);
    if (unit.edition === 'pre2025' && paths !== 'all' && (await repo.formerUnitLeadsInto(db, unit.path, paths))) return unit;
    throw notFound('Đơn vị hành chính');
  }

  return {
    async listProvinces(actor: Actor, edition: '2025' | 'pre2025' = '2025') {
      const rows = await repo.listProvinces(db, edition, readableUnitPaths(actor));
      return rows.map(summary);
    },

    async get(actor: Actor, id: string) {
      const unit = await loadReadable(actor, id);
      const [ancestors, agencyCount] = await Promise.all([repo.ancestorsOf(db, unit.path), countReadableAgencies(actor, unit.id)]);
      return {
        ...summary(unit),
        ancestors: ancestors.map((a) => ({ id: a.id, name: a.name, code: a.code, level: a.level as 'province' })),
        agencyCount,
        abilities: unitAbilities(actor, unit),
      };
    },

    async children(actor: Actor, id: string, includeRetired = false) {
      const unit = await loadReadable(actor, id);
      const rows = await repo.listChildren(db, unit.id, readableUnitPaths(actor), includeRetired);
      return rows.map(summary);
    },

    /** Communes (and their villages) of a unit as one nested tree: what the unit browser and the bench read. */
    async tree(actor: Actor, id: string): Promise<UnitTreeNode> {
      let entry = trees.get(id);
      if (!entry) {
        const root = await repo.findUnit(db, id);
        if (!root) throw notFound('Đơn vị hành chính');
        const rows = await repo.subtreeRows(db, root.path, 2);
        entry = { root, rows, full: nest(root, rows, () => true) };
        trees.set(id, entry);
      }
      if (!unitPolicy.canRead(actor, entry.root)) await loadReadable(actor, id);
      const paths = readableUnitPaths(actor);
      if (paths === 'all' || paths.some((p) => entry.root.path.startsWith(p))) return entry.full;
      return nest(entry.root, entry.rows, (path) => paths.some((p) => path.startsWith(p) || p.startsWith(path)));
    },

    async search(actor: Actor, query: z.infer<typeof UnitSearchQuery>) {
      const withinUnit = query.within ? await loadReadable(actor, query.within) : undefined;
      const words = query.q ? foldForSearch(query.q).split(' ').filter(Boolean) : [];
      const rows = await repo.searchUnits(db, {
        words,
        edition: query.edition,
        scope: repo.visibleScope(readableUnitPaths(actor)),
        limit: query.limit,
        ...(query.level ? { levels: query.level } : {}),
        ...(withinUnit ? { withinPath: withinUnit.path } : {}),
      });
      return rows.map(summary);
    },

    async history(actor: Actor, id: string) {
      const unit = await loadReadable(actor, id);
      const [predecessors, successors] = await Promise.all([
        unit.edition === '2025' ? repo.predecessorsOf(db, unit.id) : Promise.resolve([]),
        unit.edition === 'pre2025' ? repo.successorsOf(db, unit.path) : Promise.resolve([]),
      ]);
      return {
        predecessors: predecessors.map((p) => ({ ...summary(p), mergeKind: p.mergeKind })),
        successors: successors.map((s) => ({ ...summary(s), mergeKind: s.mergeKind })),
      };
    },

    async addVillage(actor: Actor, communeId: string, input: z.infer<typeof VillageInput>) {
      const commune = await loadReadable(actor, communeId);
      if (!unitPolicy.canAddVillage(actor, commune)) {
        throw commune.level !== 'commune' ? invalid('Thôn, tổ dân phố chỉ thêm được vào một xã, phường, đặc khu.') : forbidden();
      }
      return db.transaction(async (tx) => {
        const code = await repo.nextVillageCode(tx, commune.path);
        const siblings = await repo.listChildren(tx, commune.id, 'all', false);
        if (siblings.some((s) => foldForSearch(s.name) === foldForSearch(input.name))) {
          throw conflict(`"${input.name}" đã có trong ${commune.name}.`);
        }
        const created = await repo.insertUnit(tx, {
          edition: '2025',
          level: 'village',
          code,
          name: input.name,
          kind: input.kind,
          parentId: commune.id,
          path: `${commune.path}${code}/`,
          validFrom: new Date().toISOString().slice(0, 10),
          official: false,
          search: foldForSearch(`${input.name} ${input.kind}`),
        });
        await recordAudit(tx, actor, { action: 'unit.create', entityType: 'adminUnit', entityId: created.id, after: created });
        return summary(created);
      }).finally(changed);
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof UnitPatch>) {
      const unit = await loadReadable(actor, id);
      if (!unitPolicy.canEdit(actor, unit)) throw forbidden('Chỉ sửa được thôn, tổ dân phố trong phạm vi của bạn; danh mục chính thức do quản trị hệ thống cập nhật.');
      return db.transaction(async (tx) => {
        const name = patch.name ?? unit.name;
        const kind = patch.kind ?? unit.kind;
        const updated = await repo.updateUnit(tx, unit.id, { name, kind, search: foldForSearch(`${name} ${unit.code}`) });
        await recordAudit(tx, actor, { action: 'unit.update', entityType: 'adminUnit', entityId: unit.id, before: unit, after: updated });
        return summary(updated);
      }).finally(changed);
    },

    /** A unit is never deleted: it gets an end date, and data that refers to it keeps its history. */
    async retire(actor: Actor, id: string, input: z.infer<typeof RetireInput>) {
      const unit = await loadReadable(actor, id);
      if (!unitPolicy.canEdit(actor, unit)) throw forbidden();
      if (unit.validTo) throw conflict(`${unit.name} đã hết hiệu lực từ ${unit.validTo}.`);
      if (unit.validFrom && input.validTo < unit.validFrom) throw invalid('Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.', [{ path: 'validTo', message: 'trước ngày bắt đầu hiệu lực' }]);
      return db.transaction(async (tx) => {
        const updated = await repo.updateUnit(tx, unit.id, { validTo: input.validTo });
        await recordAudit(tx, actor, { action: 'unit.retire', entityType: 'adminUnit', entityId: unit.id, before: unit, after: updated });
        return summary(updated);
      }).finally(changed);
    },

    /** `xhht units import`: the official list, then the standard agencies of every province loaded. */
    async importOfficial(actor: Actor, opts: { provinceCode?: string }) {
      if (!isAdmin(actor)) throw forbidden();
      return db.transaction(async (tx) => {
        const result = await importUnits(tx, opts);
        let agenciesCreated = 0;
        for (const provinceId of result.provinceIds) agenciesCreated += await ensureStandardAgencies(tx, actor, provinceId);
        const { provinceIds: _ids, ...counts } = result;
        await recordAudit(tx, actor, { action: 'unit.import', entityType: 'adminUnit', entityId: opts.provinceCode ?? null, after: { ...counts, agenciesCreated } });
        return { ...counts, agenciesCreated };
      }).finally(changed);
    },
  };
}
export type UnitsService = ReturnType<typeof createUnitsService>;
