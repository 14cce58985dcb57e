import { isAdmin, type Actor } from '../../lib/actor.ts';

// Plans are the province's own documents: everyone holding a role in the province reads them; the
// provincial coordinator (Sở GDĐT, the standing agency) and the administrator import and change them.
export const planPolicy = {
  canRead(actor: Actor, provincePath: string) {
    return isAdmin(actor) || actor.grants.some((g) => g.unitPath !== null && (g.unitPath.startsWith(provincePath) || provincePath.startsWith(g.unitPath)));
  },
  /** The tracking board: the coordinator, and those who read the whole province (viewers, evaluators at province level). */
  canOpenBoard(actor: Actor, provincePath: string) {
    return planPolicy.canManage(actor, provincePath) || actor.grants.some((g) => (g.role === 'viewer' || g.role === 'evaluator') && g.unitPath === provincePath);
  },
  canManage(actor: Actor, provincePath: string) {
    return isAdmin(actor) || actor.grants.some((g) => g.role === 'coordinator' && g.unitPath !== null && provincePath.startsWith(g.unitPath));
  },
};
