// The plan's header: number, issuer, date, title, period, and the province it belongs to. Pure.
import { fillCatalogueName, provinceWords } from '../../../../shared/domain/agency-catalogue.ts';
import type { PlanImportResult } from '../../../../shared/contracts/plan-import.ts';
import { fold, periodIn, readMarker, trimEndPunct, wordCount, type Para, type Warning } from './parse-common.ts';
import { mostNamedProvince, provinceIn } from './provinces.ts';

export type PlanHeader = PlanImportResult['plan'];
export type HeaderResult = { plan: PlanHeader; provinceName: string | null; warnings: Warning[] };

/** "Số: 74 /KH-BCĐ"; "(Kèm theo Kế hoạch số /KH-UBND ngày …)". The number may be blank in a draft. */
const NUMBER_LINE = /(?:^|\s)Số\s*[:.]?\s*([0-9]*)\s*\/\s*([\p{Lu}\p{N}][\p{Lu}\p{N}&.\-–]*)/u;
const ATTACHED_NUMBER = /Kèm theo\s+(?:Kế hoạch|Quyết định|Văn bản)\s+số\s*([0-9]*)\s*\/\s*([\p{Lu}\p{N}][\p{Lu}\p{N}&.\-–]*)/iu;
/** "Cần Thơ, ngày 04 tháng 5 năm 2024" (the place-and-date line under the national motto). */
const PLACE_LINE = /^(\p{Lu}[\p{L} .'-]{1,40}),\s*ngày\b/u;
const FULL_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u;
/** Bodies that issue plans, as a clause starts: "…, Ban Chỉ đạo … xây dựng Kế hoạch". */
const BODY_START = /(?:^|[,;]\s+)((?:Ban Chỉ đạo|Ban chỉ đạo|Ban|Sở|Ủy ban|Uỷ ban|UBND|Hội đồng|Hội|Liên đoàn|Đoàn|Thành đoàn|Tỉnh đoàn|Bộ Chỉ huy|Công an|Báo|Đài|Phòng|Trường|Trung tâm|Văn phòng|Chủ tịch)\s)/gu;
const ISSUES_PLAN = /\s(?:xây dựng|ban hành)\s+(?:Kế hoạch|kế hoạch)/u;

function isoDate(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The People's Committee of a province: "Ủy ban nhân dân thành phố Cần Thơ". */
export function peoplesCommittee(provinceName: string): string {
  return fillCatalogueName('Ủy ban nhân dân {t} {P}', provinceWords(provinceName));
}

/**
 * Reads the header from the paragraphs before the body (`head`: paragraphs and table cells up to the first
 * Roman-numbered heading), with the whole text for the fall-backs (the period and the province named most).
 */
export function parseHeader(
  head: Para[],
  allText: string,
  provinceHint: string | undefined,
  /** The official name of the agency a text names, for the issuing body written in capitals at the top. */
  agencyNamed: (text: string, provinceName: string | null) => string | null = () => null,
): HeaderResult {
  const warnings: Warning[] = [];
  const plan: PlanHeader = { title: null, number: null, issuer: null, issuedOn: null, periodStart: null, periodEnd: null };

  // Number.
  const numberLine = head.find((p) => NUMBER_LINE.test(p.text) || ATTACHED_NUMBER.test(p.text));
  const nm = numberLine ? (NUMBER_LINE.exec(numberLine.text) ?? ATTACHED_NUMBER.exec(numberLine.text)) : null;
  const numberSuffix = nm?.[2] ?? null;
  if (numberLine && nm) {
    if (nm[1]) plan.number = `${nm[1]}/${nm[2]}`;
    else warnings.push({ line: numberLine.line, message: `Số kế hoạch để trống (“${trimEndPunct(nm[0].trim())}”): nhập số khi văn bản được ban hành` });
  } else warnings.push({ line: null, message: 'Không thấy số kế hoạch (“Số: …/KH-…”)' });

  // Place and date.
  let place: string | null = null;
  const dateLine = head.find((p) => PLACE_LINE.test(p.text)) ?? head.find((p) => ATTACHED_NUMBER.test(p.text) && /ngày/u.test(p.text));
  if (dateLine) {
    place = PLACE_LINE.exec(dateLine.text)?.[1]?.trim() ?? null;
    const d = FULL_DATE.exec(dateLine.text);
    const iso = d ? (d[1] ? isoDate(Number(d[3]), Number(d[2]), Number(d[1])) : isoDate(Number(d[6]), Number(d[5]), Number(d[4]))) : null;
    if (iso) plan.issuedOn = iso;
    else warnings.push({ line: dateLine.line, message: `Ngày ban hành để trống hoặc không đọc được (“${trimEndPunct(dateLine.text)}”)` });
  } else warnings.push({ line: null, message: 'Không thấy ngày ban hành (“…, ngày … tháng … năm …”)' });

  // Title: the line(s) after "KẾ HOẠCH", else the appendix heading.
  const titleAt = head.findIndex((p) => fold(p.text) === 'ke hoach' || /^KẾ HOẠCH\s+\S/u.test(p.text));
  if (titleAt >= 0) {
    const first = head[titleAt]!;
    const parts: string[] = [];
    if (fold(first.text) !== 'ke hoach') parts.push(first.text.replace(/^KẾ HOẠCH\s+/u, ''));
    let lastLine = first.end ?? first.line;
    for (let i = titleAt + 1; i < head.length && parts.length < 3; i++) {
      const p = head[i]!;
      if (p.line > lastLine + 1 && parts.length) break;
      // The line right after "KẾ HOẠCH" is the title (it may start "Thực hiện Đề án …"); later lines must
      // follow on without a gap and not open the preamble ("Căn cứ …", "Thực hiện Kế hoạch số …").
      const preamble = parts.length ? /^(Căn cứ|Thực hiện|Triển khai|Nhằm|Để|Số\b|Kính gửi|Phụ lục|PHỤ LỤC)/u : /^(Căn cứ|Số\b|Kính gửi|Phụ lục|PHỤ LỤC)/u;
      if (preamble.test(p.text) || PLACE_LINE.test(p.text) || NUMBER_LINE.test(p.text) || readMarker(p.text).kind === 'roman' || wordCount(p.text) > 40 || /;$/.test(p.text)) break;
      parts.push(p.text);
      lastLine = p.end ?? p.line;
    }
    if (parts.length) plan.title = trimEndPunct(parts.join(' '));
  }
  if (!plan.title) {
    const appendix = head.find((p) => wordCount(p.text) >= 3 && p.text === p.text.toLocaleUpperCase('vi') && /\p{Lu}/u.test(p.text) && !/CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|ỦY BAN|UỶ BAN/u.test(p.text));
    if (appendix) {
      plan.title = trimEndPunct(appendix.text);
      warnings.push({ line: appendix.line, message: 'Không thấy dòng “KẾ HOẠCH”: văn bản có vẻ là một phụ lục; tiêu đề lấy từ dòng tiêu đề của phụ lục' });
    } else warnings.push({ line: null, message: 'Không thấy tiêu đề kế hoạch' });
  }

  // Period: the title, then the header lines, then the period named most in the document.
  const period = (plan.title && periodIn(plan.title)) || null;
  if (period) {
    plan.periodStart = period.start;
    plan.periodEnd = period.end;
  } else {
    const counts = new Map<string, number>();
    for (const m of allText.matchAll(/giai\s+đoạn\s*(?:năm\s+)?((?:19|20)\d{2})\s*(?:-|–|—|đến)\s*(?:năm\s+)?((?:19|20)\d{2})/giu)) {
      const key = `${m[1]}-${m[2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best) {
      const [a, b] = best[0].split('-').map(Number) as [number, number];
      if (b >= a) {
        plan.periodStart = a;
        plan.periodEnd = b;
        warnings.push({ line: null, message: `Tiêu đề không ghi thời kỳ; thời kỳ ${a} - ${b} suy ra từ nội dung (“giai đoạn ${a} - ${b}” được nêu ${best[1]} lần)` });
      }
    }
    if (plan.periodStart === null) warnings.push({ line: null, message: 'Không xác định được thời kỳ của kế hoạch (năm hoặc giai đoạn)' });
  }

  // Province: given, else the place line, else the one the text names most.
  const provinceName = provinceHint ?? (place ? provinceIn(place) : null) ?? mostNamedProvince(allText);
  if (!provinceName) warnings.push({ line: null, message: 'Không xác định được tỉnh/thành phố của kế hoạch' });

  // Issuer: "…, <body> xây dựng Kế hoạch" in the preamble, else the People's Committee.
  plan.issuer = issuerFromPreamble(head) ?? issuerFromTop(head, (t) => agencyNamed(t, provinceName));
  if (!plan.issuer && provinceName && numberSuffix && /-UBND$/u.test(numberSuffix)) plan.issuer = peoplesCommittee(provinceName);
  if (!plan.issuer && provinceName) {
    plan.issuer = peoplesCommittee(provinceName);
    warnings.push({ line: null, message: `Văn bản không nêu cơ quan ban hành; mặc định là ${plan.issuer}` });
  }
  return { plan, provinceName, warnings };
}

const MOTTO = /CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|Độc lập/u;
/**
 * The issuing body as printed at the top left, in capitals, above the number ("ỦY BAN NHÂN DÂN" / "TỈNH
 * VĨNH LONG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"): the last such line, or the last two joined, that names a known agency.
 */
function issuerFromTop(head: Para[], agencyNamed: (text: string) => string | null): string | null {
  const end = head.findIndex((p) => NUMBER_LINE.test(p.text) || PLACE_LINE.test(p.text));
  const caps = head.slice(0, end < 0 ? 0 : end).filter((p) => /\p{Lu}/u.test(p.text) && p.text === p.text.toLocaleUpperCase('vi') && !MOTTO.test(p.text));
  const last = caps[caps.length - 1]?.text;
  const prev = caps[caps.length - 2]?.text;
  for (const candidate of [last, prev && last ? `${prev} ${last}` : undefined]) {
    const name = candidate ? agencyNamed(trimEndPunct(candidate)) : null;
    if (name) return name;
  }
  return null;
}

function issuerFromPreamble(head: Para[]): string | null {
  for (const p of head) {
    const verb = ISSUES_PLAN.exec(p.text);
    if (!verb) continue;
    const before = p.text.slice(0, verb.index);
    let start = -1;
    for (const m of before.matchAll(BODY_START)) start = m.index + m[0].length - m[1]!.length;
    if (start < 0) continue;
    const body = before
      .slice(start)
      .replace(/\s*\([^)]*\)/gu, '')
      .replace(/\s+giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}\s*$/u, '')
      .trim();
    if (body && wordCount(body) <= 25) return body;
  }
  return null;
}
