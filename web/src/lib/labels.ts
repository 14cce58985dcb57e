import type { COMPARATORS } from '../../../shared/contracts/plan-import.ts';
import { AGENCY_KIND_LABEL_EN, AGENCY_KIND_LABEL_VI, type AgencyKind } from '../../../shared/domain/agencies.ts';
import type { TargetGroup } from '../../../shared/domain/indicators.ts';
import { ROLE_LABEL_EN, ROLE_LABEL_VI, type Role } from '../../../shared/domain/roles.ts';
import { UNIT_LEVEL_LABEL_EN, UNIT_LEVEL_LABEL_VI, type UnitLevel } from '../../../shared/domain/units.ts';
import type { Lang, MessageKey } from './i18n.ts';

// Labels of domain values, in both languages, from shared/domain (the one source).
export const roleLabel = (lang: Lang, role: Role) => (lang === 'vi' ? ROLE_LABEL_VI : ROLE_LABEL_EN)[role] ?? role;
export const agencyKindLabel = (lang: Lang, kind: AgencyKind) =>
  (lang === 'vi' ? AGENCY_KIND_LABEL_VI : AGENCY_KIND_LABEL_EN)[kind] ?? kind;
export const unitLevelLabel = (lang: Lang, level: UnitLevel) =>
  (lang === 'vi' ? UNIT_LEVEL_LABEL_VI : UNIT_LEVEL_LABEL_EN)[level] ?? level;

export type Comparator = (typeof COMPARATORS)[number];

// A plan's targets are edited in plans and read beside the indicators in reporting: one wording for both,
// as message keys (the dictionary holds the words in both languages).
export const TARGET_GROUP_LABEL: Record<TargetGroup, MessageKey> = {
  literacy: 'plans.groupLiteracy',
  competences: 'plans.groupCompetences',
  institutions: 'plans.groupInstitutions',
  learningModels: 'plans.groupLearningModels',
  other: 'plans.groupOther',
};

/** How a plan's target is worded ("ít nhất 50%"): the plans' own words. */
export const COMPARATOR_LABEL: Record<Comparator, MessageKey> = {
  atLeast: 'plans.cmpAtLeast',
  moreThan: 'plans.cmpMoreThan',
  aimFor: 'plans.cmpAimFor',
  exact: 'plans.cmpExact',
};
