import { isAdmin, type Actor } from '../../lib/actor.ts';

// Who may do what (issue 4, reminders):
// - notifications are each person's own: another's is "not found", even for the administrator;
// - sending reminders now, for a template and period, is the provincial coordinator's (Sở GDĐT), like the
//   completeness board it sits on; others holding a role in the province are refused (403), people of another
//   province do not see the template (404).
export const remindersPolicy = {
  coordinates: (actor: Actor, provincePath: string) =>
    isAdmin(actor) || actor.grants.some((g) => g.role === 'coordinator' && g.unitPath !== null && provincePath.startsWith(g.unitPath)),

  /** Holds a role within the province (or above it): may know the template exists. */
  inProvince: (actor: Actor, provincePath: string) =>
    isAdmin(actor) || actor.grants.some((g) => g.unitPath !== null && (provincePath.startsWith(g.unitPath) || g.unitPath.startsWith(provincePath))),
};
