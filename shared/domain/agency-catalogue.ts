import type { AgencyGroupRule, AgencyKind } from './agencies.ts';

// The agencies every province has after the 2025 reorganisation (NQ 60-NQ/TW, the merged departments),
// with the abbreviations plans use. `{t}` is "tỉnh" or "thành phố", `{P}` the province's proper name.
// A province edits and extends this list; these entries only seed it.
export type CatalogueEntry = { key: string; kind: AgencyKind; name: string; shortName?: string; abbreviations: string[]; standing?: boolean };

export const STANDARD_AGENCIES: CatalogueEntry[] = [
  { key: 'ubnd', kind: 'peoplesCommittee', name: 'Ủy ban nhân dân {t} {P}', shortName: 'UBND {t}', abbreviations: ['UBND {t}', 'UBND {t} {P}', 'Chủ tịch UBND {t}', 'Ủy ban nhân dân {t}'] },
  { key: 'vp-ubnd', kind: 'peoplesCommitteeOffice', name: 'Văn phòng Ủy ban nhân dân {t}', shortName: 'Văn phòng UBND {t}', abbreviations: ['VP UBND {t}', 'Văn phòng UBND', 'VPUBND'] },
  { key: 'so-gddt', kind: 'department', name: 'Sở Giáo dục và Đào tạo', shortName: 'Sở GDĐT', abbreviations: ['Sở GD&ĐT', 'Sở GD-ĐT', 'Sở GD và ĐT', 'SGDĐT', 'GDĐT', 'Sở Giáo dục'], standing: true },
  { key: 'so-noi-vu', kind: 'department', name: 'Sở Nội vụ', shortName: 'Sở NV', abbreviations: ['SNV'] },
  { key: 'so-tai-chinh', kind: 'department', name: 'Sở Tài chính', shortName: 'Sở TC', abbreviations: ['STC'] },
  { key: 'so-tu-phap', kind: 'department', name: 'Sở Tư pháp', shortName: 'Sở TP', abbreviations: ['STP'] },
  { key: 'so-cong-thuong', kind: 'department', name: 'Sở Công Thương', shortName: 'Sở CT', abbreviations: ['SCT', 'Sở Công thương'] },
  { key: 'so-xay-dung', kind: 'department', name: 'Sở Xây dựng', shortName: 'Sở XD', abbreviations: ['SXD'] },
  { key: 'so-khcn', kind: 'department', name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN', abbreviations: ['Sở KHCN', 'Sở KH và CN', 'SKHCN'] },
  { key: 'so-vhttdl', kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch', shortName: 'Sở VHTTDL', abbreviations: ['Sở VH,TT&DL', 'Sở VHTT&DL', 'Sở VH-TT-DL', 'Sở Văn hóa'] },
  { key: 'so-nnmt', kind: 'department', name: 'Sở Nông nghiệp và Môi trường', shortName: 'Sở NN&MT', abbreviations: ['Sở NNMT', 'Sở NN và MT'] },
  { key: 'so-y-te', kind: 'department', name: 'Sở Y tế', shortName: 'Sở YT', abbreviations: ['SYT'] },
  // Exists only in provinces with ethnic or religious communities to serve; a province without it deactivates it.
  { key: 'so-dttg', kind: 'department', name: 'Sở Dân tộc và Tôn giáo', shortName: 'Sở DT&TG', abbreviations: ['Sở DTTG', 'Sở Dân tộc'] },
  { key: 'thanh-tra', kind: 'inspectorate', name: 'Thanh tra {t}', abbreviations: ['Thanh tra'] },
  { key: 'cong-an', kind: 'police', name: 'Công an {t}', shortName: 'CA {t}', abbreviations: ['Công an'] },
  { key: 'bchqs', kind: 'military', name: 'Bộ Chỉ huy Quân sự {t}', shortName: 'BCHQS {t}', abbreviations: ['BCH Quân sự {t}', 'Bộ CHQS {t}'] },
  { key: 'bao-ptth', kind: 'media', name: 'Báo và Phát thanh, Truyền hình {P}', shortName: 'Báo và PTTH {t}', abbreviations: ['Báo và PT-TH {t}', 'Báo và Phát thanh, Truyền hình {t}', 'Báo và PTTH', 'Đài PT-TH {t}'] },
  { key: 'mttq', kind: 'fatherlandFront', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam {t}', shortName: 'UBMTTQ Việt Nam {t}', abbreviations: ['MTTQ {t}', 'UBMTTQ {t}', 'Ủy ban MTTQ {t}', 'UBMTTQVN {t}', 'Mặt trận Tổ quốc'] },
  { key: 'ldld', kind: 'massOrganisation', name: 'Liên đoàn Lao động {t}', shortName: 'LĐLĐ {t}', abbreviations: ['LĐLĐ', 'Liên đoàn Lao động'] },
  { key: 'doan-tn', kind: 'massOrganisation', name: '{Y}', shortName: '{Y}', abbreviations: ['Đoàn TNCS Hồ Chí Minh {t}', 'Đoàn Thanh niên'] },
  { key: 'hlhpn', kind: 'massOrganisation', name: 'Hội Liên hiệp Phụ nữ {t}', shortName: 'Hội LHPN {t}', abbreviations: ['Hội Phụ nữ {t}', 'Hội LHPN', 'Hội Phụ nữ'] },
  { key: 'hnd', kind: 'massOrganisation', name: 'Hội Nông dân {t}', shortName: 'HND {t}', abbreviations: ['Hội Nông dân'] },
  { key: 'hccb', kind: 'massOrganisation', name: 'Hội Cựu chiến binh {t}', shortName: 'Hội CCB {t}', abbreviations: ['Hội CCB', 'Hội Cựu chiến binh'] },
  { key: 'hnct', kind: 'massOrganisation', name: 'Hội Người cao tuổi {t}', shortName: 'Hội NCT {t}', abbreviations: ['Hội NCT', 'Hội Người cao tuổi'] },
  { key: 'hkh', kind: 'studyPromotionAssociation', name: 'Hội Khuyến học {t}', shortName: 'HKH {t}', abbreviations: ['Hội Khuyến học', 'HKH'] },
];

export type CatalogueGroup = { key: string; name: string; aliases: string[]; rule: AgencyGroupRule };
export const STANDARD_GROUPS: CatalogueGroup[] = [
  { key: 'so-ban-nganh', name: 'Các sở, ban, ngành', aliases: ['Các sở, ban, ngành {t}', 'Sở, ban, ngành', 'Các sở ban ngành', 'Các Sở, ngành'], rule: 'provincialAgencies' },
  {
    key: 'ubnd-xa',
    name: 'UBND các xã, phường',
    aliases: ['Ủy ban nhân dân các xã, phường', 'Ủy ban nhân dân các xã/phường', 'UBND các xã/phường', 'UBND các xã, phường, đặc khu', 'UBND cấp xã', 'Ủy ban nhân dân cấp xã'],
    rule: 'communePeoplesCommittees',
  },
  { key: 'doan-the', name: 'Mặt trận Tổ quốc và các tổ chức chính trị - xã hội', aliases: ['Các đoàn thể', 'Các tổ chức chính trị - xã hội', 'MTTQ và các đoàn thể'], rule: 'massOrganisations' },
];

/** "Tỉnh Vĩnh Long" → tỉnh / Vĩnh Long / Tỉnh đoàn; "Thành phố Cần Thơ" → thành phố / Cần Thơ / Thành đoàn. */
export function provinceWords(provinceName: string) {
  const city = /^Thành phố /u.test(provinceName);
  return { t: city ? 'thành phố' : 'tỉnh', P: provinceName.replace(/^(Tỉnh|Thành phố) /u, ''), Y: city ? 'Thành đoàn' : 'Tỉnh đoàn' };
}

export function fillCatalogueName(template: string, w: ReturnType<typeof provinceWords>): string {
  return template.replace(/\{t\}/g, w.t).replace(/\{P\}/g, w.P).replace(/\{Y\}/g, w.Y);
}

