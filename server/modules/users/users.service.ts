import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { isAdmin } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, forbidden, invalid, notFound, type FieldIssue } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/password.ts';
import { inSubtrees } from '../../lib/scope.ts';
import { foldForSearch } from '../../../shared/text.ts';
import { ROLE_SCOPE, ROLE_UNIT_LEVELS, type Role } from '../../../shared/domain/roles.ts';
import type { GrantInput, GrantsReplace, PasswordReset, UserCreate, UserListQuery, UserPatch } from '../../../shared/contracts/users.ts';
import * as repo from './users.repository.ts';
import { userPolicy } from './users.policy.ts';

type GrantRow = {
  role: Role;
  unitId: string | null;
  unitPath: string | null;
  unitName: string | null;
  agencyId: string | null;
  agencyName: string | null;
  provinceId: string | null;
};
type Deps = {
  db: Db;
  clock: Clock;
  /** Narrowed from the auth module: grants of accounts with their scope paths. */
  grantsOf: (db: Db, userIds: string[]) => Promise<Map<string, GrantRow[]>>;
  /** Narrowed from the auth module: sessions of an account must be resolved again after a change. */
  forgetSessions: (userId: string) => void;
};

export function createUsersService({ db, clock, grantsOf, forgetSessions }: Deps) {
  function view(actor: Actor, u: repo.UserRow, grants: GrantRow[]) {
    const manage = userPolicy.canManage(actor, grants);
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      email: u.email,
      active: u.active,
      locked: !!u.lockedUntil && u.lockedUntil > clock.now(),
      mustChangePassword: u.mustChangePassword,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      createdAt: u.createdAt.toISOString(),
      grants: grants.map(({ unitPath: _p, ...g }) => g),
      abilities: { edit: manage && u.id !== actor.id, resetPassword: manage && u.id !== actor.id, editRoles: manage && u.id !== actor.id },
    };
  }

  async function load(actor: Actor, id: string) {
    if (!userPolicy.canList(actor)) throw forbidden();
    const u = await repo.findUser(db, id);
    const grants = u ? ((await grantsOf(db, [u.id])).get(u.id) ?? []) : [];
    if (!u || !userPolicy.canSee(actor, grants)) throw notFound('Tài khoản');
    return { u, grants };
  }

  /** Checks each requested grant: scope of the right kind and level, inside what the actor may hand out. */
  async function resolveGrants(tx: Db, actor: Actor, input: z.infer<typeof GrantInput>[]) {
    const targets = await repo.scopeTargets(
      tx,
      input.map((g) => g.unitId).filter((x): x is string => !!x),
      input.map((g) => g.agencyId).filter((x): x is string => !!x),
    );
    const issues: FieldIssue[] = [];
    const out: { role: Role; scopeUnitId: string | null; scopeAgencyId: string | null; unitPath: string | null }[] = [];
    input.forEach((g, i) => {
      const at = `grants.${i}`;
      const kind = ROLE_SCOPE[g.role];
      if (kind === 'none') {
        if (g.unitId || g.agencyId) issues.push({ path: at, message: 'quản trị hệ thống không gắn với phạm vi' });
        out.push({ role: g.role, scopeUnitId: null, scopeAgencyId: null, unitPath: null });
      } else if (kind === 'unit') {
        const unit = g.unitId ? targets.units.get(g.unitId) : undefined;
        if (!unit || g.agencyId) return issues.push({ path: `${at}.unitId`, message: 'vai trò này cần một đơn vị hành chính (không phải cơ quan)' });
        if (unit.edition !== '2025' || unit.validTo) return issues.push({ path: `${at}.unitId`, message: 'đơn vị đã hết hiệu lực' });
        if (!(ROLE_UNIT_LEVELS[g.role] as readonly string[] | undefined)?.includes(unit.level)) return issues.push({ path: `${at}.unitId`, message: `vai trò này không gắn được ở cấp ${unit.level}` });
        out.push({ role: g.role, scopeUnitId: unit.id, scopeAgencyId: null, unitPath: unit.path });
      } else {
        const agency = g.agencyId ? targets.agencies.get(g.agencyId) : undefined;
        if (!agency || g.unitId) return issues.push({ path: `${at}.agencyId`, message: 'vai trò này cần một cơ quan, đơn vị' });
        if (!agency.active) return issues.push({ path: `${at}.agencyId`, message: 'cơ quan đã ngừng hoạt động' });
        if (g.role === 'learningCentreStaff' && agency.kind !== 'learningCentre') return issues.push({ path: `${at}.agencyId`, message: 'cần một Trung tâm học tập cộng đồng' });
        out.push({ role: g.role, scopeUnitId: null, scopeAgencyId: agency.id, unitPath: agency.path });
      }
      return undefined;
    });
    if (issues.length) throw invalid('Vai trò và phạm vi không hợp lệ.', issues);
    const refused = out.filter((g) => !userPolicy.canGrant(actor, g));
    if (refused.length) throw forbidden('Bạn chỉ được cấp các vai trò trong phạm vi tỉnh của mình (không gồm quản trị và điều phối viên).');
    const seen = new Set<string>();
    return out.filter((g) => {
      const key = `${g.role}|${g.scopeUnitId}|${g.scopeAgencyId}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  }

  return {
    async list(actor: Actor, q: z.infer<typeof UserListQuery>) {
      if (!userPolicy.canList(actor)) throw forbidden();
      const scope = isAdmin(actor) ? 'all' : inSubtrees(sql`coalesce(u.path, au.path)`, userPolicy.coordinatorPaths(actor));
      const { items, total } = await repo.listUsers(db, { words: q.q ? foldForSearch(q.q).split(' ') : [], scope, limit: q.limit, offset: q.offset });
      const grants = await grantsOf(db, items.map((u) => u.id));
      return { items: items.map((u) => view(actor, u, grants.get(u.id) ?? [])), total };
    },

    async get(actor: Actor, id: string) {
      const { u, grants } = await load(actor, id);
      return view(actor, u, grants);
    },

    async create(actor: Actor, input: z.infer<typeof UserCreate>, opts: { mustChangePassword?: boolean } = {}) {
      if (!userPolicy.canList(actor)) throw forbidden();
      const passwordHash = await hashPassword(input.password);
      const id = await db.transaction(async (tx) => {
        if (await repo.usernameTaken(tx, input.username)) {
          throw conflict(`Tên đăng nhập "${input.username}" đã có người dùng.`);
        }
        const grants = await resolveGrants(tx, actor, input.grants);
        const id = await repo.insertUser(tx, {
          username: input.username,
          displayName: input.displayName,
          email: input.email ?? null,
          passwordHash,
          // A password set by someone else is changed at first login, unless the system seeds a demo account.
          mustChangePassword: opts.mustChangePassword ?? true,
          search: foldForSearch(`${input.username} ${input.displayName} ${input.email ?? ''}`),
        });
        await repo.replaceGrants(tx, id, grants.map(({ unitPath: _p, ...g }) => g));
        await recordAudit(tx, actor, {
          action: 'user.create',
          entityType: 'user',
          entityId: id,
          after: { username: input.username, displayName: input.displayName, email: input.email ?? null, grants: grants.map(({ unitPath: _p, ...g }) => g) },
        });
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof UserPatch>) {
      const { u, grants } = await load(actor, id);
      if (!userPolicy.canManage(actor, grants)) throw forbidden();
      if (u.id === actor.id && patch.active === false) throw conflict('Không thể tự vô hiệu hóa tài khoản của mình.');
      await db.transaction(async (tx) => {
        const displayName = patch.displayName ?? u.displayName;
        const email = patch.email === undefined ? u.email : patch.email;
        await repo.updateUser(tx, u.id, {
          displayName,
          email,
          active: patch.active ?? u.active,
          ...(patch.unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
          search: foldForSearch(`${u.username} ${displayName} ${email ?? ''}`),
        });
        // A disabled account loses its open sessions at once.
        if (patch.active === false) await repo.deleteSessions(tx, u.id);
        const after = await repo.findUser(tx, u.id);
        await recordAudit(tx, actor, { action: 'user.update', entityType: 'user', entityId: u.id, before: u, after });
      });
      forgetSessions(u.id);
      return this.get(actor, id);
    },

    async replaceGrants(actor: Actor, id: string, input: z.infer<typeof GrantsReplace>) {
      const { u, grants: before } = await load(actor, id);
      if (!userPolicy.canManage(actor, before)) throw forbidden();
      if (u.id === actor.id) throw conflict('Không thể tự sửa vai trò của mình.');
      await db.transaction(async (tx) => {
        const grants = await resolveGrants(tx, actor, input.grants);
        await repo.replaceGrants(tx, u.id, grants.map(({ unitPath: _p, ...g }) => g));
        await recordAudit(tx, actor, {
          action: 'user.grants',
          entityType: 'user',
          entityId: u.id,
          before: before.map(({ unitPath: _p, ...g }) => g),
          after: grants.map(({ unitPath: _p, ...g }) => g),
        });
      });
      forgetSessions(u.id);
      return this.get(actor, id);
    },

    async resetPassword(actor: Actor, id: string, input: z.infer<typeof PasswordReset>) {
      const { u, grants } = await load(actor, id);
      if (!userPolicy.canManage(actor, grants) || u.id === actor.id) throw forbidden();
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, u.id, { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null });
        await repo.deleteSessions(tx, u.id);
        await recordAudit(tx, actor, { action: 'user.passwordReset', entityType: 'user', entityId: u.id });
      });
      forgetSessions(u.id);
    },

    /** For the CLI (`xhht user create`) and the demo: same checks, acting as the system. */
    async createOrUpdateByUsername(actor: Actor, input: z.infer<typeof UserCreate>, opts: { mustChangePassword?: boolean } = {}) {
      const existing = await db.execute(sql`SELECT id FROM users WHERE username = ${input.username}`);
      const row = (existing as { rows: { id: string }[] }).rows[0];
      if (!row) return this.create(actor, input, opts);
      return this.replaceGrants(actor, row.id, { grants: input.grants });
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
