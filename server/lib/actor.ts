import type { Role } from '../../shared/domain/roles.ts';

/** One role held within one scope, with the unit paths needed to decide scope without another query. */
export type Grant = {
  role: Role;
  unitId: string | null;
  /** Path of the scope unit, or of the unit the scope agency is attached to. */
  unitPath: string | null;
  agencyId: string | null;
  /** Province of the scope (for agencies: the agency's province). */
  provinceId: string | null;
};

export type Actor = {
  id: string;
  username: string;
  displayName: string;
  grants: Grant[];
  requestId?: string;
  ip?: string;
};

/** The system itself (CLI, demo loader, imports): recorded in the audit log under this name. */
export function systemActor(name = 'xhht-cli'): Actor {
  return { id: '00000000-0000-0000-0000-000000000000', username: name, displayName: name, grants: [{ role: 'systemAdmin', unitId: null, unitPath: null, agencyId: null, provinceId: null }] };
}

export const isSystemActor = (a: Actor) => a.id === '00000000-0000-0000-0000-000000000000';
export const isAdmin = (a: Actor) => a.grants.some((g) => g.role === 'systemAdmin');
export const hasRole = (a: Actor, ...roles: Role[]) => a.grants.some((g) => roles.includes(g.role));
