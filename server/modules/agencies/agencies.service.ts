import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema/agencies.ts';
import { adminUnits } from '../../db/schema/units.ts';
import type { Actor } from '../../lib/actor.ts';
import { isAdmin } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.ts';
import { inSubtrees } from '../../lib/scope.ts';
import { foldForSearch } from '../../../shared/text.ts';
import type { AgencyKind } from '../../../shared/domain/agencies.ts';
import type { AgencyCreate, AgencyGroupQuery, AgencyListQuery, AgencyPatch } from '../../../shared/contracts/agencies.ts';
import * as repo from './agencies.repository.ts';
import { agencyAbilities, agencyPolicy, agencyReadScope } from './agencies.policy.ts';
import { agencySearchText, ensureStandardAgencies } from './agencies.catalogue.ts';

type Deps = {
  db: Db;
  /** Narrowed from the units module: the unit an agency is attached to, if the actor can see it. */
  findUnit: (db: Db, id: string) => Promise<{ id: string; path: string; level: string; edition: string } | undefined>;
};

function view(actor: Actor, a: repo.AgencyRow) {
  return {
    id: a.id,
    provinceId: a.provinceId,
    unitId: a.unitId,
    unitName: a.unitName,
    kind: a.kind as AgencyKind,
    name: a.name,
    shortName: a.shortName,
    abbreviations: a.abbreviations,
    isStandard: a.catalogueKey !== null,
    isStandingAgency: a.isStandingAgency,
    active: a.active,
    abilities: agencyAbilities(actor, a),
  };
}

/** SQL form of agencyPolicy.canRead, for lists and counts. */
function readScopeSql(actor: Actor) {
  const scope = agencyReadScope(actor);
  if (scope.all) return sql`true`;
  const own = scope.agencyIds.length ? sql`${agencies.id} IN (${sql.join(scope.agencyIds.map((id) => sql`${id}`), sql`, `)})` : sql`false`;
  return sql`(${inSubtrees(adminUnits.path, scope.unitPaths)} OR ${own})`;
}

export function createAgenciesService({ db, findUnit }: Deps) {
  async function load(actor: Actor, id: string) {
    const a = await repo.findAgency(db, id);
    if (!a || !agencyPolicy.canRead(actor, a)) throw notFound('Cơ quan, đơn vị');
    return a;
  }

  async function assertNoDuplicate(tx: Db, provinceId: string, name: string, exceptId?: string) {
    const same = await tx
      .select({ id: agencies.id })
      .from(agencies)
      .where(sql`${agencies.provinceId} = ${provinceId} AND lower(${agencies.name}) = lower(${name})`);
    if (same.some((s) => s.id !== exceptId)) throw conflict(`Đã có cơ quan "${name}" trong tỉnh này.`);
  }

  return {
    ensureStandardAgencies,

    async countReadable(actor: Actor, unitId: string) {
      return repo.countAgencies(db, { unitId, scope: readScopeSql(actor) });
    },

    async list(actor: Actor, q: z.infer<typeof AgencyListQuery>) {
      const scopeSql = readScopeSql(actor);
      const { items, total } = await repo.listAgencies(db, {
        words: q.q ? foldForSearch(q.q).split(' ').filter(Boolean) : [],
        includeInactive: q.includeInactive,
        scope: scopeSql,
        limit: q.limit,
        offset: q.offset,
        ...(q.provinceId ? { provinceId: q.provinceId } : {}),
        ...(q.unitId ? { unitId: q.unitId } : {}),
        ...(q.kind ? { kind: q.kind } : {}),
      });
      return { items: items.map((a) => view(actor, a)), total };
    },

    async get(actor: Actor, id: string) {
      return view(actor, await load(actor, id));
    },

    async create(actor: Actor, input: z.infer<typeof AgencyCreate>) {
      const unit = await findUnit(db, input.unitId);
      if (!unit || unit.edition !== '2025') throw invalid('Đơn vị hành chính không hợp lệ.', [{ path: 'unitId', message: 'không tồn tại hoặc đã hết hiệu lực' }]);
      if (!agencyPolicy.canManageIn(actor, unit.path)) throw forbidden('Chỉ điều phối viên của tỉnh hoặc quản trị hệ thống được thêm cơ quan.');
      const provincePath = unit.path.split('/').slice(0, 2).join('/') + '/';
      const [province] = await db.select({ id: adminUnits.id }).from(adminUnits).where(sql`${adminUnits.path} = ${provincePath}`);
      return db.transaction(async (tx) => {
        await assertNoDuplicate(tx, province!.id, input.name);
        const id = await repo.insertAgency(tx, {
          provinceId: province!.id,
          unitId: unit.id,
          kind: input.kind,
          name: input.name,
          shortName: input.shortName ?? null,
          abbreviations: input.abbreviations,
          search: agencySearchText({ name: input.name, shortName: input.shortName ?? null, abbreviations: input.abbreviations }),
        });
        const created = (await repo.findAgency(tx, id))!;
        await recordAudit(tx, actor, { action: 'agency.create', entityType: 'agency', entityId: id, after: created });
        return view(actor, created);
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof AgencyPatch>) {
      const before = await load(actor, id);
      if (!agencyPolicy.canManageIn(actor, before.unitPath)) throw forbidden('Chỉ điều phối viên của tỉnh hoặc quản trị hệ thống được sửa danh mục cơ quan.');
      if (patch.active === false && before.isStandingAgency && !isAdmin(actor)) throw conflict('Không thể ngừng hoạt động cơ quan thường trực (Sở GDĐT).');
      return db.transaction(async (tx) => {
        const name = patch.name ?? before.name;
        const shortName = patch.shortName === undefined ? before.shortName : patch.shortName;
        const abbreviations = patch.abbreviations ?? before.abbreviations;
        if (patch.name && patch.name !== before.name) await assertNoDuplicate(tx, before.provinceId, name, id);
        await repo.updateAgency(tx, id, {
          name,
          shortName,
          abbreviations,
          kind: patch.kind ?? before.kind,
          active: patch.active ?? before.active,
          search: agencySearchText({ name, shortName, abbreviations }),
        });
        const after = (await repo.findAgency(tx, id))!;
        await recordAudit(tx, actor, { action: 'agency.update', entityType: 'agency', entityId: id, before, after });
        return view(actor, after);
      });
    },

    /** The catalogue of a province (for the plan importer; the caller has checked the actor's access). */
    catalogue: (provinceId: string) => repo.catalogueRows(db, provinceId),
    /** The groups of a province with their members now (for plans and tracking; the caller has checked access). */
    groupsWithMembers: (provinceId: string) => repo.groupsWithMembers(db, provinceId),

    async groups(actor: Actor, q: z.infer<typeof AgencyGroupQuery>) {
      const readable = isAdmin(actor) ? 'all' : [...new Set(actor.grants.map((g) => g.provinceId).filter((p): p is string => !!p))];
      const provinceIds = q.provinceId ? (readable === 'all' || readable.includes(q.provinceId) ? [q.provinceId] : []) : readable;
      return repo.listGroups(db, { provinceIds, words: q.q ? foldForSearch(q.q).split(' ').filter(Boolean) : [] });
    },
  };
}
export type AgenciesService = ReturnType<typeof createAgenciesService>;
