// Kinds of agency (sở, ban, ngành; Hội Khuyến học; đoàn thể; schools; learning centres; enterprises; media).
export const AGENCY_KINDS = [
  'peoplesCommittee',
  'peoplesCommitteeOffice',
  'department',
  'inspectorate',
  'police',
  'military',
  'media',
  'fatherlandFront',
  'massOrganisation',
  'studyPromotionAssociation',
  'university',
  'college',
  'school',
  'continuingEducationCentre',
  'learningCentre',
  'library',
  'enterprise',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABEL_VI: Record<AgencyKind, string> = {
  peoplesCommittee: 'Ủy ban nhân dân',
  peoplesCommitteeOffice: 'Văn phòng UBND',
  department: 'Sở, ban, ngành',
  inspectorate: 'Thanh tra',
  police: 'Công an',
  military: 'Quân sự',
  media: 'Báo chí, phát thanh, truyền hình',
  fatherlandFront: 'Mặt trận Tổ quốc',
  massOrganisation: 'Đoàn thể, hội',
  studyPromotionAssociation: 'Hội Khuyến học',
  university: 'Trường đại học',
  college: 'Trường cao đẳng',
  school: 'Trường học',
  continuingEducationCentre: 'Trung tâm GDNN-GDTX',
  learningCentre: 'Trung tâm học tập cộng đồng',
  library: 'Thư viện, bảo tàng',
  enterprise: 'Doanh nghiệp',
  other: 'Khác',
};

export const AGENCY_KIND_LABEL_EN: Record<AgencyKind, string> = {
  peoplesCommittee: "People's Committee",
  peoplesCommitteeOffice: "People's Committee Office",
  department: 'Department',
  inspectorate: 'Inspectorate',
  police: 'Police',
  military: 'Military command',
  media: 'Press, radio and television',
  fatherlandFront: 'Fatherland Front',
  massOrganisation: 'Mass organisation',
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

// A group named in plans ("Các sở, ban, ngành", "UBND các xã, phường") is either an explicit list of
// agencies or a rule over the catalogue, so that a new commune committee joins its group by itself.
export const AGENCY_GROUP_RULES = ['communePeoplesCommittees', 'provincialDepartments', 'provincialAgencies', 'massOrganisations'] as const;
export type AgencyGroupRule = (typeof AGENCY_GROUP_RULES)[number];
