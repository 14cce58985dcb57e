// The 34 provinces after the 2025 reorganisation (data/admin-units/admin-units-2025.csv), as the importer
// needs them to name a plan's province from its text. Kept here so the parser stays pure (no file read).
export const PROVINCES_2025 = [
  'Thành phố Hà Nội',
  'Thành phố Huế',
  'Thành phố Hải Phòng',
  'Thành phố Đà Nẵng',
  'Thành phố Hồ Chí Minh',
  'Thành phố Cần Thơ',
  'Tỉnh An Giang',
  'Tỉnh Bắc Ninh',
  'Tỉnh Cao Bằng',
  'Tỉnh Cà Mau',
  'Tỉnh Gia Lai',
  'Tỉnh Hà Tĩnh',
  'Tỉnh Hưng Yên',
  'Tỉnh Khánh Hòa',
  'Tỉnh Lai Châu',
  'Tỉnh Lào Cai',
  'Tỉnh Lâm Đồng',
  'Tỉnh Lạng Sơn',
  'Tỉnh Nghệ An',
  'Tỉnh Ninh Bình',
  'Tỉnh Phú Thọ',
  'Tỉnh Quảng Ngãi',
  'Tỉnh Quảng Ninh',
  'Tỉnh Quảng Trị',
  'Tỉnh Sơn La',
  'Tỉnh Thanh Hóa',
  'Tỉnh Thái Nguyên',
  'Tỉnh Tuyên Quang',
  'Tỉnh Tây Ninh',
  'Tỉnh Vĩnh Long',
  'Tỉnh Điện Biên',
  'Tỉnh Đắk Lắk',
  'Tỉnh Đồng Nai',
  'Tỉnh Đồng Tháp',
] as const;

/** "Thành phố Cần Thơ" → "Cần Thơ". */
export const properName = (province: string) => province.replace(/^(Tỉnh|Thành phố)\s+/u, '');

// "Hòa"/"Hoà" are both written: compare on a form with the old-style tone placement normalised.
const toneNorm = (s: string) => s.normalize('NFC').replace(/oà/g, 'òa').replace(/oá/g, 'óa').replace(/oả/g, 'ỏa').replace(/oã/g, 'õa').replace(/oạ/g, 'ọa').replace(/uý/g, 'úy');

const PATTERNS = PROVINCES_2025.map((name) => ({
  name,
  re: new RegExp(`(?<![\\p{L}\\p{N}])${toneNorm(properName(name))}(?![\\p{L}\\p{N}])`, 'gu'),
  prefixed: new RegExp(`(?:tỉnh|thành phố|TP\\.?)\\s+${toneNorm(properName(name))}(?![\\p{L}\\p{N}])`, 'giu'),
}));

/** The province named by a short text ("Cần Thơ", "UBND tỉnh Vĩnh Long"), or null. */
export function provinceIn(text: string): string | null {
  const t = toneNorm(text);
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    if (p.re.test(t)) return p.name;
  }
  return null;
}

/**
 * The province a whole document is about: the one most often named after "tỉnh"/"thành phố" (then the
 * one most often named at all). Null when none is named.
 */
export function mostNamedProvince(text: string): string | null {
  const t = toneNorm(text);
  let best: { name: string; score: number } | null = null;
  for (const p of PATTERNS) {
    const prefixed = t.match(p.prefixed)?.length ?? 0;
    const bare = t.match(p.re)?.length ?? 0;
    const score = prefixed * 1000 + bare;
    if (score > 0 && (!best || score > best.score)) best = { name: p.name, score };
  }
  return best?.name ?? null;
}
