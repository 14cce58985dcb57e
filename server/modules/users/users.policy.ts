import type { Actor } from '../../lib/actor.ts';
import { isAdmin } from '../../lib/actor.ts';
import { ROLES_GRANTABLE_BY_COORDINATOR, type Role } from '../../../shared/domain/roles.ts';

type TargetGrant = { role: Role; unitPath: string | null };

// Accounts: the administrator manages all of them; a coordinator manages the accounts of their province
// whose every role is one a coordinator may hand out (issue 2: "a role is held within a scope").
function coordinatorPaths(actor: Actor): string[] {
  return actor.grants.filter((g) => g.role === 'coordinator' && g.unitPath).map((g) => g.unitPath!);
}

export const userPolicy = {
  canList: (actor: Actor) => isAdmin(actor) || coordinatorPaths(actor).length > 0,
  canSee(actor: Actor, grants: TargetGrant[]) {
    if (isAdmin(actor)) return true;
    const paths = coordinatorPaths(actor);
    return grants.some((g) => g.unitPath !== null && paths.some((p) => g.unitPath!.startsWith(p)));
  },
  canGrant(actor: Actor, grant: TargetGrant) {
    if (isAdmin(actor)) return true;
    const paths = coordinatorPaths(actor);
    return ROLES_GRANTABLE_BY_COORDINATOR.includes(grant.role) && grant.unitPath !== null && paths.some((p) => grant.unitPath!.startsWith(p));
  },
  canManage(actor: Actor, grants: TargetGrant[]) {
    return isAdmin(actor) || (grants.length > 0 && grants.every((g) => userPolicy.canGrant(actor, g)));
  },
  coordinatorPaths,
};
