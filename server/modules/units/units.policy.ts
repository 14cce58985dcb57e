import type { Actor } from '../../lib/actor.ts';
import { isAdmin } from '../../lib/actor.ts';
import { pathAllowed, pathVisible, readableUnitPaths, writableUnitPaths } from '../../lib/scope.ts';
import type { UnitRow } from './units.repository.ts';

// Who may do what with administrative units (issue 2): the official list is loaded by the administrator;
// villages and residential groups are entered by the commune (its officer) or the provincial coordinator.
export const unitPolicy = {
  canRead: (actor: Actor, unit: Pick<UnitRow, 'path'>) => pathVisible(readableUnitPaths(actor), unit.path),
  canAddVillage: (actor: Actor, unit: Pick<UnitRow, 'path' | 'level' | 'edition'>) =>
    unit.level === 'commune' && unit.edition === '2025' && pathAllowed(writableUnitPaths(actor), unit.path),
  canEdit: (actor: Actor, unit: Pick<UnitRow, 'path' | 'official'>) =>
    isAdmin(actor) || (!unit.official && pathAllowed(writableUnitPaths(actor), unit.path)),
};

export function unitAbilities(actor: Actor, unit: UnitRow) {
  return {
    addVillage: unitPolicy.canAddVillage(actor, unit),
    edit: unitPolicy.canEdit(actor, unit),
    retire: unitPolicy.canEdit(actor, unit) && unit.validTo === null,
  };
}
