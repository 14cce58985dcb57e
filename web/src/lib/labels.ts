import { AGENCY_KIND_LABEL_EN, AGENCY_KIND_LABEL_VI, type AgencyKind } from '../../../shared/domain/agencies.ts';
import { ROLE_LABEL_EN, ROLE_LABEL_VI, type Role } from '../../../shared/domain/roles.ts';
import { UNIT_LEVEL_LABEL_EN, UNIT_LEVEL_LABEL_VI, type UnitLevel } from '../../../shared/domain/units.ts';
import type { Lang } from './i18n.ts';

// Labels of domain values, in both languages, from shared/domain (the one source).
export const roleLabel = (lang: Lang, role: Role) => (lang === 'vi' ? ROLE_LABEL_VI : ROLE_LABEL_EN)[role] ?? role;
export const agencyKindLabel = (lang: Lang, kind: AgencyKind) =>
  (lang === 'vi' ? AGENCY_KIND_LABEL_VI : AGENCY_KIND_LABEL_EN)[kind] ?? kind;
export const unitLevelLabel = (lang: Lang, level: UnitLevel) =>
  (lang === 'vi' ? UNIT_LEVEL_LABEL_VI : UNIT_LEVEL_LABEL_EN)[level] ?? level;
