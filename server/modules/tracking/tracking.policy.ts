import { isAdmin, type Actor } from '../../lib/actor.ts';
import { pathVisible, readableUnitPaths } from '../../lib/scope.ts';
import type { TrackingActorKind } from '../../../shared/domain/task-tracking.ts';

// Who may do what on a plan's tasks (issue 3, "Tracking"):
// - everyone holding a role in the province reads the tasks and their counts;
// - an agency reports only for itself: an agency officer for their agency, a commune officer for their
//   commune's People's Committee (the agency that "UBND các xã, phường" names);
// - the reports themselves are read by their agency, by the task's lead agencies (who consolidate them),
//   by the provincial coordinator and by province-level viewers; another commune's report is not shown;
// - the lead agency (named directly, not through a group: a commune does not consolidate a province-wide
//   task) and the coordinator review reports and set the consolidated status.
export const trackingPolicy = {
  readsProvince: (actor: Actor, provincePath: string) => pathVisible(readableUnitPaths(actor), provincePath),

  isCoordinator: (actor: Actor, provincePath: string) =>
    isAdmin(actor) || actor.grants.some((g) => g.role === 'coordinator' && g.unitPath !== null && provincePath.startsWith(g.unitPath)),

  /** Reads every report of the province without acting on them: province-level viewers and evaluators. */
  isProvinceReader: (actor: Actor, provincePath: string) =>
    actor.grants.some((g) => (g.role === 'viewer' || g.role === 'evaluator') && g.unitPath === provincePath),

  kinds(actor: Actor, provincePath: string, acting: { contributor: boolean; lead: boolean }): TrackingActorKind[] {
    const kinds: TrackingActorKind[] = [];
    if (acting.contributor) kinds.push('contributor');
    if (acting.lead) kinds.push('lead');
    if (trackingPolicy.isCoordinator(actor, provincePath)) kinds.push('coordinator');
    return kinds;
  },
};
