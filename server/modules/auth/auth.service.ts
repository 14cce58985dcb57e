import { createHash, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { isAdmin, hasRole } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, invalid, unauthenticated } from '../../lib/errors.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../lib/password.ts';
import type { LoginInput, PasswordChangeInput } from '../../../shared/contracts/auth.ts';
import * as repo from './auth.repository.ts';

type Deps = { db: Db; clock: Clock; sessionTtlMs: number; login: { maxFailures: number; lockMs: number }; actorCacheMs?: number };

type CachedActor = Actor & { mustChangePassword: boolean; grantRows: repo.GrantRow[]; sessionExpiresAt: number };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function meView(actor: Actor, grants: repo.GrantRow[], mustChangePassword: boolean) {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    mustChangePassword,
    grants: grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: g.unitName, agencyId: g.agencyId, agencyName: g.agencyName, provinceId: g.provinceId })),
    // What the navigation shows; each endpoint still checks for itself.
    abilities: {
      manageUsers: isAdmin(actor) || hasRole(actor, 'coordinator'),
      viewAudit: isAdmin(actor),
      manageAgencies: isAdmin(actor) || hasRole(actor, 'coordinator'),
      // A coordinator imports into the province of their grant, the administrator into any (plans.service checks the province).
      importPlans: isAdmin(actor) || hasRole(actor, 'coordinator'),
    },
  };
}

export function createAuthService({ db, clock, sessionTtlMs, login, actorCacheMs = 10_000 }: Deps) {
  // Resolving a session costs two queries; every request needs it. Resolved actors are kept for a few
  // seconds, and dropped at once here on logout, password change, and (through forgetUser) on a change of
  // an account's roles or status. Another server process sees such a change within `actorCacheMs`.
  const cache = new LRUCache<string, CachedActor>({ max: 20_000, ttl: actorCacheMs });
  /** Drops what is cached of an account's sessions (its roles, status or password changed). */
  const forgetUser = (userId: string) => {
    for (const [k, a] of cache.entries()) if (a.id === userId) cache.delete(k);
  };

  return {
    /** An account as an actor, without a session: for the demo loader acting as the people of the demo. */
    async actorOfUsername(username: string): Promise<Actor | null> {
      const user = await repo.findUserByUsername(db, username);
      if (!user) return null;
      const grants = (await repo.grantsOf(db, [user.id])).get(user.id) ?? [];
      return { id: user.id, username: user.username, displayName: user.displayName, grants };
    },

    /** Resolves a session cookie to the acting person, or null when absent, expired or the account is disabled. */
    async actorFromToken(token: string | undefined): Promise<CachedActor | null> {
      if (!token || token.length > 200) return null;
      const key = hashToken(token);
      const hit = actorCacheMs > 0 ? cache.get(key) : undefined;
      if (hit) {
        if (hit.sessionExpiresAt > clock.now().getTime()) return hit;
        cache.delete(key);
        return null;
      }
      const s = await repo.findSession(db, key);
      if (!s || !s.active || s.expiresAt.getTime() <= clock.now().getTime()) return null;
      const grants = (await repo.grantsOf(db, [s.userId])).get(s.userId) ?? [];
      const actor: CachedActor = {
        id: s.userId,
        username: s.username,
        displayName: s.displayName,
        grants,
        grantRows: grants,
        mustChangePassword: s.mustChangePassword,
        sessionExpiresAt: s.expiresAt.getTime(),
      };
      if (actorCacheMs > 0) cache.set(key, actor);
      return actor;
    },

    forgetUser,

    /**
     * Password login. After `maxFailures` wrong passwords in a row the account is locked for `lockMs`
     * (the per-IP rate limit on the route slows guessing across accounts). Unknown usernames cost the same
     * time as known ones and get the same message, so the answer does not reveal which accounts exist.
     */
    async login(input: z.infer<typeof LoginInput>, meta: { ip?: string; userAgent?: string; requestId?: string }) {
      const username = input.username.trim().toLowerCase();
      const user = await repo.findUserByUsername(db, username);
      const now = clock.now();
      const wrong = new AppError('UNAUTHENTICATED', 'Tên đăng nhập hoặc mật khẩu không đúng.');
      if (!user) {
        await verifyPassword(await dummyHash(), input.password);
        throw wrong;
      }
      const actor: Actor = { id: user.id, username: user.username, displayName: user.displayName, grants: [], ...meta };
      if (user.lockedUntil && user.lockedUntil > now) {
        const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
        throw new AppError('RATE_LIMITED', `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau ${minutes} phút hoặc liên hệ quản trị.`);
      }
      const ok = await verifyPassword(user.passwordHash, input.password);
      if (!ok) {
        const failures = user.failedLogins + 1;
        const lock = failures >= login.maxFailures;
        await db.transaction(async (tx) => {
          await repo.updateUser(tx, user.id, { failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(now.getTime() + login.lockMs) : user.lockedUntil });
          await recordAudit(tx, actor, { action: lock ? 'auth.locked' : 'auth.loginFailed', entityType: 'user', entityId: user.id, after: { failures } });
        });
        if (lock) throw new AppError('RATE_LIMITED', `Đăng nhập sai ${failures} lần: tài khoản bị tạm khóa ${Math.round(login.lockMs / 60_000)} phút.`);
        throw wrong;
      }
      if (!user.active) throw new AppError('UNAUTHENTICATED', 'Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị hệ thống.');
      const token = randomBytes(32).toString('base64url');
      await db.transaction(async (tx) => {
        await repo.insertSession(tx, {
          tokenHash: hashToken(token),
          userId: user.id,
          expiresAt: new Date(now.getTime() + sessionTtlMs),
          ip: meta.ip ?? null,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
        });
        await repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
        await recordAudit(tx, actor, { action: 'auth.login', entityType: 'user', entityId: user.id });
      });
      return { token, expiresAt: new Date(now.getTime() + sessionTtlMs) };
    },

    async logout(actor: Actor, token: string) {
      cache.delete(hashToken(token));
      await db.transaction(async (tx) => {
        await repo.deleteSession(tx, hashToken(token));
        await recordAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.id });
      });
    },

    /** Changing one's password ends every other session of the account. */
    async changePassword(actor: Actor, token: string, input: z.infer<typeof PasswordChangeInput>) {
      const user = await repo.findUserById(db, actor.id);
      if (!user) throw unauthenticated();
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw invalid('Mật khẩu hiện tại không đúng.', [{ path: 'currentPassword', message: 'không đúng' }]);
      }
      if (input.currentPassword === input.newPassword) {
        throw invalid('Mật khẩu mới phải khác mật khẩu hiện tại.', [{ path: 'newPassword', message: 'trùng mật khẩu hiện tại' }]);
      }
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, user.id, { passwordHash, mustChangePassword: false });
        await repo.deleteSessionsOfUser(tx, user.id, hashToken(token));
        await recordAudit(tx, actor, { action: 'auth.passwordChanged', entityType: 'user', entityId: user.id });
      });
      forgetUser(user.id);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
