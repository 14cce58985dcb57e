import { isAdmin, type Actor } from '../../lib/actor.ts';
import { pathVisible, readableUnitPaths } from '../../lib/scope.ts';

// Who may see and change a province's report templates and the proposals a plan makes for them (issue 4):
// - the provincial coordinator (Sở GDĐT, which receives the reports) and the administrator change them;
// - province-level viewers and evaluators read them, as they read every report of the province;
// - anyone else holding a role in the province is refused (403); outside it, the record does not exist (404).
export const templatePolicy = {
  inScope: (actor: Actor, provincePath: string) => pathVisible(readableUnitPaths(actor), provincePath),
  canManage: (actor: Actor, provincePath: string) =>
    isAdmin(actor) || actor.grants.some((g) => g.role === 'coordinator' && g.unitPath !== null && provincePath.startsWith(g.unitPath)),
  canRead: (actor: Actor, provincePath: string) =>
    templatePolicy.canManage(actor, provincePath) || actor.grants.some((g) => (g.role === 'viewer' || g.role === 'evaluator') && g.unitPath === provincePath),
};
