import { isAdmin, type Actor } from '../../lib/actor.ts';
import { grantedAgencyIds, readableUnitPaths } from '../../lib/scope.ts';
import type { AgencyRow } from './agencies.repository.ts';

// An agency officer sees their own agency; a commune officer the agencies attached within their commune;
// a coordinator, evaluator or viewer those of their province. The catalogue is edited by the coordinator.
export const agencyPolicy = {
  canRead(actor: Actor, a: Pick<AgencyRow, 'id' | 'unitPath'>) {
    if (isAdmin(actor)) return true;
    return actor.grants.some((g) =>
      g.agencyId ? g.agencyId === a.id : g.unitPath !== null && a.unitPath.startsWith(g.unitPath),
    );
  },
  canManageIn(actor: Actor, unitPath: string) {
    if (isAdmin(actor)) return true;
    return actor.grants.some((g) => g.role === 'coordinator' && g.unitPath !== null && unitPath.startsWith(g.unitPath));
  },
};

export function agencyAbilities(actor: Actor, a: AgencyRow) {
  const manage = agencyPolicy.canManageIn(actor, a.unitPath);
  return { edit: manage, deactivate: manage && a.active };
}

/** The subtrees (by unit) and single agencies an actor reads: the list query filters by both. */
export function agencyReadScope(actor: Actor) {
  const paths = readableUnitPaths(actor);
  if (paths === 'all') return { all: true as const };
  const unitPaths = actor.grants.filter((g) => !g.agencyId && g.unitPath).map((g) => g.unitPath!);
  return { all: false as const, unitPaths, agencyIds: grantedAgencyIds(actor) };
}

