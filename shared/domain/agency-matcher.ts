import type { AgencyRef } from '../contracts/plan-import.ts';
import { foldForSearch } from '../text.ts';
import { STANDARD_AGENCIES, STANDARD_GROUPS, fillCatalogueName, provinceWords } from './agency-catalogue.ts';

// Agency names as a plan writes them ("Sở GD&ĐT", "UBND các xã/phường", "Sở Văn hóa, Thể thao và Du
// lịch, Báo và Phát thanh, Truyền hình Vĩnh Long.") → the province's catalogue (issue 3). Pure.
//
// How a cell is read:
// - The cell is cut into words, folded with foldForSearch ("Sở GDĐT" → so gddt); common abbreviations are
//   spelled out on both sides (UBND → ủy ban nhân dân, TP → thành phố, TNCS → thanh niên cộng sản …), so
//   "UBND tỉnh" and "Ủy ban nhân dân tỉnh" are one key.
// - Official names contain commas and "và" ("Sở Văn hóa, Thể thao và Du lịch"), so the cell is not split
//   first: at each boundary (start of the cell, after , ; : . ( ) / or a line break, after "và", or right
//   after a match) the longest known name, short name, abbreviation or group alias is taken. A match must
//   end at a boundary or right before another match ("Sở Giáo dục và Đào tạo Sở Giáo dục và Đào tạo"), so
//   "Hội Khuyến học cấp xã" or "Phòng Giáo dục và Đào tạo" do not match the provincial body.
// - After a match the province may follow ("Công an tỉnh Vĩnh Long", "Sở Giáo dục và Đào tạo tỉnh Vĩnh
//   Long"), and after a group "(có) liên quan" ("các sở, ban ngành có liên quan" → the group).
// - "và (các) đơn vị (có) liên quan", "các cơ quan, đơn vị có liên quan", "các địa phương" … name nobody: they are
//   dropped from the refs (AgencyRef has no field to flag them), and listed in `ignored` by
//   matchAgenciesDetailed, so that they never reach the coordinator as agencies to resolve.
// - Text that matches nothing is returned with agency null, cleaned (trimmed, trailing punctuation
//   removed). Unmatched text is split only on ";" or a line break, or on "," / "và" when what follows
//   starts like an agency ("Sở …", "Trường …", "Ủy ban …"), so "Trường Cao đẳng, Đại học" and "Ủy ban
//   nhân dân quận, huyện" stay whole. A "và" ending the cell is kept ("Báo và": a name cut by a page break).
// - Refs come in the order written, deduplicated (same agency, same group, or same unmatched text).

export type MatchCatalogue = {
  agencies: { name: string; shortName?: string | null; abbreviations: string[] }[];
  groups: { name: string; aliases: string[] }[];
  /** "Tỉnh Vĩnh Long", "Thành phố Cần Thơ": lets a name be followed by the province ("Công an tỉnh Vĩnh Long"). */
  provinceName?: string | null;
};

type Target = { kind: 'agency' | 'group' | 'ignore'; name: string; priority: number };
type TrieNode = { next: Map<string, TrieNode>; target?: Target };

export type PreparedCatalogue = {
  readonly root: TrieNode;
  /** Word sequences that may follow a name: "tỉnh Vĩnh Long", "Vĩnh Long", "tỉnh". */
  readonly provinceSuffixes: string[][];
};

/** Abbreviations spelled out in both the catalogue keys and the cells (folded words). */
const EXPANSIONS: Record<string, string[]> = Object.fromEntries(
  Object.entries({
    ubnd: 'uy ban nhan dan',
    hdnd: 'hoi dong nhan dan',
    tp: 'thanh pho',
    tncs: 'thanh nien cong san',
    mttq: 'mat tran to quoc',
    mttqvn: 'mat tran to quoc viet nam',
    ubmttq: 'uy ban mat tran to quoc',
    ubmttqvn: 'uy ban mat tran to quoc viet nam',
    ldld: 'lien doan lao dong',
    hlhpn: 'hoi lien hiep phu nu',
    lhpn: 'lien hiep phu nu',
    ccb: 'cuu chien binh',
    nct: 'nguoi cao tuoi',
    ptth: 'phat thanh truyen hinh',
    bchqs: 'bo chi huy quan su',
    chqs: 'chi huy quan su',
    gddt: 'giao duc va dao tao',
    khcn: 'khoa hoc va cong nghe',
    vhttdl: 'van hoa the thao va du lich',
  }).map(([k, v]) => [k, v.split(' ')]),
);

/** Phrases that name no agency ("và đơn vị liên quan"): dropped, see above. */
export const RELATED_UNITS_PHRASES: readonly string[] = (() => {
  const heads = [
    'đơn vị',
    'cơ quan',
    'cơ quan, đơn vị',
    'cơ quan, đơn vị, địa phương',
    'đơn vị, địa phương',
    'tổ chức, đơn vị',
    'tổ chức, cá nhân',
    'ngành',
    'địa phương',
    'bên',
  ];
  const out: string[] = [];
  for (const h of heads) for (const pre of ['', 'các ']) for (const tail of ['liên quan', 'có liên quan']) out.push(`${pre}${h} ${tail}`);
  out.push('các đơn vị', 'các cơ quan, đơn vị', 'các địa phương', 'các cơ quan, đơn vị, địa phương', 'các tổ chức, cá nhân');
  return out;
})();

/** Words a cell's unmatched text may be split before (after "," or "và"): the start of an agency's name. */
const HEADS: string[][] = [
  'sở',
  'ủy ban',
  'uỷ ban',
  'ubnd',
  'hội',
  'ban',
  'báo',
  'đài',
  'trường',
  'công an',
  'bộ',
  'đoàn',
  'viện',
  'phòng',
  'cục',
  'chi cục',
  'các',
  'thanh tra',
  'thành đoàn',
  'tỉnh đoàn',
  'trung tâm',
  'văn phòng',
  'liên đoàn',
  'ngân hàng',
  'tòa án',
  'toà án',
  'kho bạc',
  'mặt trận',
  'bảo hiểm',
  'ubmttq',
  'mttq',
  'lđlđ',
].map((h) => h.split(' '));

const CONNECTORS = new Set(['va', 'hoac']);

function keyWords(s: string): string[] {
  return foldForSearch(s)
    .split(' ')
    .filter(Boolean)
    .flatMap((w) => EXPANSIONS[w] ?? [w]);
}

function insert(root: TrieNode, key: string, target: Target): void {
  const words = keyWords(key);
  if (words.length === 0) return;
  let node = root;
  for (const w of words) {
    let n = node.next.get(w);
    if (!n) {
      n = { next: new Map() };
      node.next.set(w, n);
    }
    node = n;
  }
  // On a clash the stronger key wins: official name > short name > group name/alias > abbreviation.
  if (!node.target || node.target.priority > target.priority) node.target = target;
}

/** Folds every key of a catalogue once. matchAgencies does this by itself (memoised per catalogue object). */
export function prepareCatalogue(catalogue: MatchCatalogue): PreparedCatalogue {
  const root: TrieNode = { next: new Map() };
  for (const a of catalogue.agencies) {
    insert(root, a.name, { kind: 'agency', name: a.name, priority: 0 });
    if (a.shortName) insert(root, a.shortName, { kind: 'agency', name: a.name, priority: 1 });
    for (const ab of a.abbreviations) insert(root, ab, { kind: 'agency', name: a.name, priority: 4 });
  }
  for (const g of catalogue.groups) {
    for (const [i, alias] of [g.name, ...g.aliases].entries()) {
      const target: Target = { kind: 'group', name: g.name, priority: i === 0 ? 2 : 3 };
      insert(root, alias, target);
      // "Các đoàn thể" is also written "đoàn thể"; "Các sở, ban, ngành" as "sở, ban, ngành".
      const withoutCac = alias.replace(/^các\s+/iu, '');
      if (withoutCac !== alias) insert(root, withoutCac, { ...target, priority: target.priority + 1 });
    }
  }
  for (const p of RELATED_UNITS_PHRASES) insert(root, p, { kind: 'ignore', name: p, priority: 5 });
  const provinceSuffixes: string[][] = [];
  if (catalogue.provinceName) {
    const w = provinceWords(catalogue.provinceName);
    for (const s of [`${w.t} ${w.P}`, w.P, w.t]) provinceSuffixes.push(keyWords(s));
  }
  return { root, provinceSuffixes };
}

const prepared = new WeakMap<MatchCatalogue, PreparedCatalogue>();
function preparedFor(c: MatchCatalogue | PreparedCatalogue): PreparedCatalogue {
  if ('root' in c) return c;
  let p = prepared.get(c);
  if (!p) {
    p = prepareCatalogue(c);
    prepared.set(c, p);
  }
  return p;
}

/** The People's Committee of a commune: "Phường Long Châu" → "Ủy ban nhân dân phường Long Châu" / "UBND phường Long Châu". */
export function communeCommittee(communeName: string): { name: string; shortName: string; abbreviations: string[] } {
  const lowered = communeName.replace(/^(Xã|Phường|Đặc khu)/u, (m) => m.toLowerCase());
  return { name: `Ủy ban nhân dân ${lowered}`, shortName: `UBND ${lowered}`, abbreviations: [`UBND ${communeName}`] };
}

/**
 * The catalogue of one province: the standard agencies and groups of agency-catalogue.ts, filled in for
 * the province ("Tỉnh Vĩnh Long", "Thành phố Cần Thơ"), and the People's Committee of each commune given.
 */
export function standardCatalogue(provinceName: string, communeNames: string[] = []): MatchCatalogue {
  const w = provinceWords(provinceName);
  const agencies: MatchCatalogue['agencies'] = STANDARD_AGENCIES.map((e) => ({
    name: fillCatalogueName(e.name, w),
    shortName: e.shortName ? fillCatalogueName(e.shortName, w) : null,
    abbreviations: [...new Set(e.abbreviations.map((a) => fillCatalogueName(a, w)))],
  }));
  for (const c of communeNames) agencies.push(communeCommittee(c));
  const groups = STANDARD_GROUPS.map((g) => ({ name: g.name, aliases: g.aliases.map((a) => fillCatalogueName(a, w)) }));
  return { agencies, groups, provinceName };
}

// ---------------------------------------------------------------------------------------------------

type Token = {
  /** Folded word (one word of an expansion). */
  w: string;
  /** The word as written, lowercased (for HEADS). */
  lower: string;
  start: number;
  end: number;
  /** Punctuation between the previous word and this one. */
  sep: string;
  /** Position within an expanded abbreviation (0 for its first word and for plain words). */
  sub: number;
};

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let sep = '';
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+|[,;:.()[\]/\n]/gu)) {
    const s = m[0];
    if (!/[\p{L}\p{N}]/u.test(s)) {
      sep += s;
      continue;
    }
    const folded = foldForSearch(s);
    if (!folded) continue;
    const words = folded.split(' ').flatMap((w) => EXPANSIONS[w] ?? [w]);
    words.forEach((w, i) => out.push({ w, lower: s.toLowerCase(), start: m.index, end: m.index + s.length, sep: i === 0 ? sep : '', sub: i }));
    sep = '';
  }
  return out;
}

type Match = { from: number; to: number; target: Target };

export type AgencyMatch = {
  refs: AgencyRef[];
  /** Phrases that name no agency ("và đơn vị liên quan"), as written; not in refs. */
  ignored: string[];
};

function clean(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:!?\-–—(]+$/u, '')
    .replace(/^[\s\-–—+•*.,;:)]+/u, '');
}

/** Reads one cell of agency names; see matchAgencies. Also returns the phrases it dropped. */
export function matchAgenciesDetailed(cell: string, catalogue: MatchCatalogue | PreparedCatalogue): AgencyMatch {
  const cat = preparedFor(catalogue);
  const text = cell.normalize('NFC');
  const toks = tokenize(text);
  const n = toks.length;

  const startsMatch = (i: number): boolean => {
    let node: TrieNode | undefined = cat.root;
    for (let j = i; j < n; j++) {
      node = node.next.get(toks[j]!.w);
      if (!node) return false;
      if (node.target) return true;
    }
    return false;
  };
  const seq = (i: number, words: string[]): boolean => words.length > 0 && words.every((w, k) => toks[i + k]?.w === w && toks[i + k]!.sep === '');
  const endsWell = (j: number): boolean => j === n || (toks[j]!.sub === 0 && (toks[j]!.sep !== '' || CONNECTORS.has(toks[j]!.w) || startsMatch(j)));

  const bestAt = (i: number): Match | null => {
    const cands: Match[] = [];
    let node: TrieNode | undefined = cat.root;
    for (let j = i; j < n; j++) {
      node = node.next.get(toks[j]!.w);
      if (!node) break;
      if (node.target) cands.push({ from: i, to: j + 1, target: node.target });
    }
    for (const c of cands.reverse()) {
      const ends = new Set<number>();
      const afterProvince = [c.to, ...cat.provinceSuffixes.filter((s) => c.target.kind !== 'ignore' && seq(c.to, s)).map((s) => c.to + s.length)];
      for (const e of afterProvince) {
        if (c.target.kind === 'group') {
          if (seq(e, ['co', 'lien', 'quan'])) ends.add(e + 3);
          if (seq(e, ['lien', 'quan'])) ends.add(e + 2);
        }
        ends.add(e);
      }
      for (const e of [...ends].sort((a, b) => b - a)) if (endsWell(e)) return { ...c, to: e };
    }
    return null;
  };

  const matches: Match[] = [];
  const covered = new Array<boolean>(n).fill(false);
  let lastEnd = -1;
  for (let i = 0; i < n; ) {
    const t = toks[i]!;
    const boundary = t.sub === 0 && (i === 0 || t.sep !== '' || i === lastEnd || (CONNECTORS.has(toks[i - 1]!.w) && toks[i - 1]!.sub === 0));
    const m = boundary ? bestAt(i) : null;
    if (m) {
      matches.push(m);
      for (let k = m.from; k < m.to; k++) covered[k] = true;
      i = lastEnd = m.to;
    } else i++;
  }

  const isHead = (i: number) => HEADS.some((h) => h.every((w, k) => toks[i + k]?.lower === w));
  type Piece = { from: number; to: number; target: Target | null };
  const pieces: Piece[] = [];
  let run: number[] = [];
  const flush = (followedByMatch: boolean) => {
    while (run.length && CONNECTORS.has(toks[run[0]!]!.w)) run.shift();
    if (followedByMatch) while (run.length && CONNECTORS.has(toks[run[run.length - 1]!]!.w)) run.pop();
    if (run.length) pieces.push({ from: run[0]!, to: run[run.length - 1]! + 1, target: null });
    run = [];
  };
  let mi = 0;
  for (let i = 0; i < n; ) {
    if (covered[i]) {
      flush(true);
      const m = matches[mi++]!;
      pieces.push({ from: m.from, to: m.to, target: m.target });
      i = m.to;
      continue;
    }
    const t = toks[i]!;
    if (run.length && t.sub === 0) {
      if (/[;\n]/.test(t.sep)) flush(false);
      else if (CONNECTORS.has(t.w) && i + 1 < n && !covered[i + 1] && isHead(i + 1)) {
        flush(false);
        i++;
        continue;
      } else if (/[,/]/.test(t.sep) && isHead(i)) flush(false);
    }
    run.push(i);
    i++;
  }
  flush(false);

  const refs: AgencyRef[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  for (const p of pieces) {
    const raw = clean(text.slice(toks[p.from]!.start, toks[p.to - 1]!.end));
    if (!raw) continue;
    if (p.target?.kind === 'ignore') {
      ignored.push(raw);
      continue;
    }
    const key = p.target ? `${p.target.kind}:${p.target.name}` : `raw:${foldForSearch(raw)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!p.target) refs.push({ raw, agency: null, group: null });
    else if (p.target.kind === 'agency') refs.push({ raw, agency: p.target.name, group: null });
    else refs.push({ raw, agency: null, group: p.target.name });
  }
  return { refs, ignored };
}

/**
 * Reads one cell of agency names into refs: agencies of the catalogue, groups ("Các sở, ban, ngành"),
 * and unmatched text (agency null, group null) for the coordinator to resolve. Phrases such as "và đơn vị
 * liên quan" are dropped (see matchAgenciesDetailed). Pass the same catalogue object (or a
 * prepareCatalogue result) for every cell: its keys are folded once.
 */
export function matchAgencies(cell: string, catalogue: MatchCatalogue | PreparedCatalogue): AgencyRef[] {
  return matchAgenciesDetailed(cell, catalogue).refs;
}
