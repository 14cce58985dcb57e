// The roles of the platform and the kind of scope each is held within (issue 2, "People and access").
// A role is always held within a scope: a unit subtree or one agency; only the system administrator has none.
export const ROLES = [
  'systemAdmin',
  'coordinator',
  'agencyOfficer',
  'communeOfficer',
  'evaluator',
  'learningCentreStaff',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export type ScopeKind = 'none' | 'unit' | 'agency';

export const ROLE_SCOPE: Record<Role, ScopeKind> = {
  systemAdmin: 'none',
  coordinator: 'unit', // the province (Sở GDĐT is the standing agency of the whole province)
  agencyOfficer: 'agency',
  communeOfficer: 'unit', // a commune, ward or special zone
  evaluator: 'unit', // Hội Khuyến học evaluates within a province or commune
  learningCentreStaff: 'agency', // a community learning centre is an agency of kind learningCentre
  viewer: 'unit',
};

export const ROLE_LABEL_VI: Record<Role, string> = {
  systemAdmin: 'Quản trị hệ thống',
  coordinator: 'Điều phối viên tỉnh (Sở GDĐT)',
  agencyOfficer: 'Cán bộ cơ quan, đơn vị',
  communeOfficer: 'Cán bộ xã, phường',
  evaluator: 'Người đánh giá (Hội Khuyến học)',
  learningCentreStaff: 'Cán bộ Trung tâm HTCĐ',
  viewer: 'Người xem',
};

export const ROLE_LABEL_EN: Record<Role, string> = {
  systemAdmin: 'System administrator',
  coordinator: 'Provincial coordinator (DoET)',
  agencyOfficer: 'Agency officer',
  communeOfficer: 'Commune officer',
  evaluator: 'Evaluator (Study Promotion Association)',
  learningCentreStaff: 'Learning-centre staff',
  viewer: 'Viewer',
};

/** Roles a coordinator may hand out inside their own province; higher roles stay with the administrator. */
export const ROLES_GRANTABLE_BY_COORDINATOR: readonly Role[] = [
  'agencyOfficer',
  'communeOfficer',
  'evaluator',
  'learningCentreStaff',
  'viewer',
];

/** The unit levels a unit-scoped role may be held at (the server enforces it; pickers offer only these). */
export const ROLE_UNIT_LEVELS: Partial<Record<Role, readonly ('province' | 'commune')[]>> = {
  coordinator: ['province'],
  communeOfficer: ['commune'],
  evaluator: ['province', 'commune'],
  viewer: ['province', 'commune'],
};
