import { AGENCY_KIND_LABEL_VI, type AgencyKind } from '../../../shared/domain/agencies.ts';
import { ROLE_LABEL_EN, ROLE_LABEL_VI, type Role } from '../../../shared/domain/roles.ts';
import { UNIT_LEVEL_LABEL_VI, type UnitLevel } from '../../../shared/domain/units.ts';
import type { Lang } from './i18n.ts';

// Labels of domain values: Vietnamese from shared/domain (the source), English kept here for the toggle.
const AGENCY_KIND_LABEL_EN: Record<AgencyKind, string> = {
  peoplesCommittee: "People's Committee",
  peoplesCommitteeOffice: "People's Committee Office",
  department: 'Department',
  inspectorate: 'Inspectorate',
  police: 'Police',
  military: 'Military',
  media: 'Press, radio, television',
  fatherlandFront: 'Fatherland Front',
  massOrganisation: 'Mass organisation, association',
  studyPromotionAssociation: 'Study Promotion Association',
  university: 'University',
  college: 'College',
  school: 'School',
  continuingEducationCentre: 'Vocational and continuing education centre',
  learningCentre: 'Community learning centre',
  library: 'Library, museum',
  enterprise: 'Enterprise',
  other: 'Other',
};

const UNIT_LEVEL_LABEL_EN: Record<UnitLevel, string> = {
  province: 'Province, city',
  district: 'District (before 7/2025)',
  commune: 'Commune, ward, special zone',
  village: 'Village, residential group',
};

export const roleLabel = (lang: Lang, role: Role) => (lang === 'vi' ? ROLE_LABEL_VI : ROLE_LABEL_EN)[role] ?? role;
export const agencyKindLabel = (lang: Lang, kind: AgencyKind) =>
  (lang === 'vi' ? AGENCY_KIND_LABEL_VI : AGENCY_KIND_LABEL_EN)[kind] ?? kind;
export const unitLevelLabel = (lang: Lang, level: UnitLevel) =>
  (lang === 'vi' ? UNIT_LEVEL_LABEL_VI : UNIT_LEVEL_LABEL_EN)[level] ?? level;
