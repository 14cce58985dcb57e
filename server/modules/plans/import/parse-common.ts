// Text helpers shared by the plan parser (parse-plan.ts and its parse-*.ts helpers). Pure.
import { foldForSearch } from '../../../../shared/text.ts';

/** A paragraph; `end` is the last source line when broken lines were joined into it. */
export type Para = { line: number; text: string; end?: number };
export type Warning = { line: number | null; message: string };

/** NFC, Markdown marks left by the extraction removed (`**`, `__`, `*…*`, leading `#`), white space collapsed. */
export function clean(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\*\*|__/g, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/(^|[\s(])\*(?=\S)/g, '$1')
    .replace(/(\S)\*(?=$|[\s).,;:])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export const fold = foldForSearch;

/** Ends a sentence or a clause: the next line starts a new one. */
const TERMINAL = /[.;:!?]$/;
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * Joins paragraphs that PDF extraction broke mid-sentence: a paragraph that does not end in ".", ";", ":"
 * ("!", "?") followed by one that starts with a lower-case letter (not a list marker such as "a)") is one
 * sentence. The joined paragraph keeps the first line number.
 */
export function joinBrokenLines(paras: Para[]): Para[] {
  const out: Para[] = [];
  for (const p of paras) {
    const prev = out[out.length - 1];
    if (prev && !TERMINAL.test(prev.text) && STARTS_LOWER.test(p.text) && readMarker(p.text).kind === 'none') {
      prev.text = `${prev.text} ${p.text}`;
      prev.end = p.end ?? p.line;
    } else out.push({ ...p });
  }
  return out;
}

// ---------------------------------------------------------------- list markers

export type MarkerKind = 'roman' | 'number' | 'letter' | 'bullet' | 'none';
export type Marker = { kind: MarkerKind; label: string; level: number; body: string };

/** Vietnamese list letters, in order (a, b, c, d, đ, e, g, …): used for generated sub-codes too. */
export const VI_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];
export function viLetter(i: number): string {
  return i < VI_LETTERS.length ? VI_LETTERS[i]! : `${VI_LETTERS[Math.floor(i / VI_LETTERS.length) - 1] ?? 'z'}${VI_LETTERS[i % VI_LETTERS.length]}`;
}

const ROMAN_RE = /^([IVXLC]{1,7})\s*[.)]\s*(\S.*)$/u;
const NUMBER_RE = /^(\d{1,2}(?:\.\d{1,2})*)(\.|\))?\s+(\S.*)$/u;
const LETTER_RE = /^([a-zđ])\s*[).]\s+(\S.*)$/u;
const BULLET_RE = /^((?:[-+•–—*]\s*)*[-+•–—*]\s+)(\S.*)$/u;

/**
 * Reads the list marker of a paragraph. Levels: Roman 0; "1." 1, "1.1." 2, …; "a)" 5; "-" 6; "+" (or "- +") 7.
 * "1 Text" (no dot) counts only before a capital, so "15 tuổi …" or "100% …" are not markers.
 */
export function readMarker(text: string): Marker {
  let m = ROMAN_RE.exec(text);
  if (m && romanValue(m[1]!) > 0) return { kind: 'roman', label: m[1]!, level: 0, body: m[2]! };
  m = NUMBER_RE.exec(text);
  if (m && (m[2] || m[1]!.includes('.') || /^\p{Lu}/u.test(m[3]!))) {
    return { kind: 'number', label: m[1]!, level: m[1]!.split('.').length, body: m[3]! };
  }
  m = LETTER_RE.exec(text);
  if (m) return { kind: 'letter', label: m[1]!, level: 5, body: m[2]! };
  m = BULLET_RE.exec(text);
  if (m) return { kind: 'bullet', label: m[1]!.replace(/\s/g, ''), level: m[1]!.includes('+') ? 7 : 6, body: m[2]! };
  return { kind: 'none', label: '', level: 99, body: text };
}

const ROMAN_DIGITS: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
/** "IV" → 4; 0 for anything that is not a well-formed Roman numeral. */
export function romanValue(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_DIGITS[s[i]!];
    const next = ROMAN_DIGITS[s[i + 1] ?? ''] ?? 0;
    if (!v) return 0;
    total += v < next ? -v : v;
  }
  return toRoman(total) === s ? total : 0;
}
export function toRoman(n: number): string {
  const table: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, r] of table) {
    while (n >= v) {
      out += r;
      n -= v;
    }
  }
  return out;
}

// ---------------------------------------------------------------- sentences and titles

export const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Drops a trailing ".", ";", ":" or "," (and white space). */
export function trimEndPunct(s: string): string {
  return s.replace(/[\s.;:,]+$/u, '').trim();
}

/** Whether a paragraph reads as a heading: short, not ending a sentence (it may end in ":"). */
export function isHeadingLike(body: string, maxWords = 20): boolean {
  return wordCount(body) <= maxWords && !/[.;]$/.test(body.trim());
}

const TITLE_MAX = 240;
/**
 * A task title from a long text: the text itself when short; else its first sentence (up to ". " before a
 * capital, or ";"); still too long, cut at a word boundary with "…". Trailing punctuation and a closing
 * "cụ thể:" / "như sau:" are dropped.
 */
export function shortTitle(text: string): string {
  // "…, cụ thể:" / "… như sau:" announce a list: not part of the title.
  const t = trimEndPunct(trimEndPunct(text).replace(/,?\s*(?:cụ thể|như sau|gồm|bao gồm|sau đây)$/u, ''));
  if (t.length <= TITLE_MAX) return t;
  const sentence = /^(.{20,}?)(?:\.\s+(?=\p{Lu})|;\s)/u.exec(t);
  const first = sentence ? trimEndPunct(sentence[1]!) : t;
  if (first.length <= TITLE_MAX) return first;
  const cut = first.slice(0, TITLE_MAX);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[\s,;:]+$/u, '')}…`;
}

/** Lower-cases the first letter unless the first word is an abbreviation ("UBND", "CNTT"). */
export function lowerFirst(s: string): string {
  const first = s.split(/\s/)[0] ?? '';
  if (/^\p{Lu}{2,}/u.test(first)) return s;
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** Years of a period: "giai đoạn 2026 - 2030" → [2026, 2030]; "năm 2024" → [2024, 2024]. */
export function periodIn(text: string): { start: number; end: number } | null {
  const range = /(?:giai\s+đoạn|thời\s+kỳ|từ\s+năm|năm)\s*(?:năm\s+)?((?:19|20)\d{2})\s*(?:-|–|—|đến)\s*(?:năm\s+)?((?:19|20)\d{2})/iu.exec(text);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    if (b >= a && b - a <= 30) return { start: a, end: b };
  }
  const year = /\bnăm\s+((?:19|20)\d{2})\b/iu.exec(text);
  if (year) return { start: Number(year[1]), end: Number(year[1]) };
  return null;
}

// ---------------------------------------------------------------- tasks before matching

/**
 * A task as read from the document, before its agencies are matched and its timeline parsed
 * (parse-plan.ts finishes it). `leadCells` / `coordinatorCells` are texts for the agency matcher.
 */
export type TaskDraft = {
  source: 'table' | 'prose' | 'responsibility';
  code: string | null;
  section: string | null;
  title: string;
  description?: string;
  parentCode?: string;
  leadCells: string[];
  coordinatorCells: string[];
  deliverables: string[];
  scheduleRaw: string;
  budget?: string;
  line: number;
  /** A group task whose sub-tasks carry the agencies and timelines (not flagged for missing ones). */
  hasChildren: boolean;
};

/** Words an agency name starts with ("Sở …", "Ủy ban nhân dân …", "Hội Khuyến học …", "Các sở, ban, ngành"). */
export const AGENCY_START =
  /^(?:Đề nghị\s+)?(?:Ban|Sở|Ủy ban|Uỷ ban|UBND|UB|Hội|Liên đoàn|LĐLĐ|Đoàn|Thành đoàn|Tỉnh đoàn|Bộ Chỉ huy|Bộ|Công an|Báo|Đài|Phòng|Trường|Trung tâm|Văn phòng|Các|Cơ quan|Mặt trận|Thanh tra|Kho bạc|Cục|Chi cục|Viện|Đại học|Bảo hiểm|Ngân hàng|Thủ trưởng|Chủ tịch|Giám đốc|Tòa án|Viện kiểm sát)(?=\s|$)/u;

/** Verbs that end an agency name at the start of a responsibility: "Hội Khuyến học tỉnh chủ trì, …". */
export const RESPONSIBILITY_VERB =
  /\s(?:chủ trì|phối hợp|chỉ đạo|hướng dẫn|triển khai|tham gia|thực hiện|tổ chức|xây dựng|tăng cường|đẩy mạnh|có trách nhiệm|chịu trách nhiệm|căn cứ|tham mưu|cung cấp|rà soát|nghiên cứu|vận động|tuyên truyền|bố trí|đề xuất|theo dõi|kiểm tra|phát huy|giám sát|huy động|hỗ trợ|thường xuyên|tiếp tục|quan tâm|nhân rộng|đảm bảo|bảo đảm|ban hành|phổ biến|lồng ghép|sắp xếp|đôn đốc|duy trì|nâng cao)(?=[\s,.;:]|$)/u;
