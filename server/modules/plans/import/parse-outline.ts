// The paragraphs of a plan as an outline: Roman-numbered parts, numbered items, lettered items, bullets,
// each with the part ("zone") it belongs to: objectives and targets, tasks, responsibilities. Pure.
import { fold, isHeadingLike, readMarker, type Marker, type Para } from './parse-common.ts';

export type Zone = 'preamble' | 'targets' | 'tasks' | 'responsibilities' | 'timeline' | 'other';
export type OItem = { kind: 'node'; node: ONode } | { kind: 'para'; para: Para };
export type ONode = {
  marker: Marker;
  line: number;
  /** The paragraph as written; `marker.body` is the text after its list marker. */
  text: string;
  zone: Zone;
  /** The heading that opened this zone (its children are the zone's content). */
  zoneRoot: boolean;
  parent: ONode | null;
  items: OItem[];
};

/** What a heading announces, from its first words: "II. MỤC TIÊU", "III. NHIỆM VỤ VÀ GIẢI PHÁP", "V. TỔ CHỨC THỰC HIỆN". */
export function zoneOfHeading(body: string): Zone | null {
  const f = fold(body);
  if (/^(cac )?(muc tieu|chi tieu)/.test(f)) return 'targets';
  if (/^(nhung |cac |mot so )?(nhiem vu|giai phap|noi dung)/.test(f)) return 'tasks';
  if (/^(to chuc thuc hien|trach nhiem|phan cong)/.test(f)) return 'responsibilities';
  if (/^thoi gian( thuc hien| trien khai)?$/.test(f)) return 'timeline';
  if (/^(muc dich|yeu cau|kinh phi|nguon kinh phi|can cu|co so|danh gia|che do bao cao|bao cao|dieu khoan)/.test(f)) return 'other';
  return null;
}

/** The closing of a plan: "Trên đây là Kế hoạch …", "… nếu có khó khăn, vướng mắc …", "Nơi nhận:". */
export function isClosing(text: string): boolean {
  const f = fold(text);
  return /^(tren day la|noi nhan)/.test(f) || /neu co kho khan vuong mac/.test(f);
}

const isAllCaps = (s: string) => /\p{Lu}/u.test(s) && s === s.toLocaleUpperCase('vi');

/**
 * Builds the outline. A marked paragraph nests under the last one of a lower level; an unmarked paragraph
 * belongs to the last non-bullet item (so a paragraph after a list belongs to the list's owner). Text after
 * the closing is left out.
 */
export function buildOutline(paras: Para[]): ONode {
  const root: ONode = { marker: { kind: 'none', label: '', level: -1, body: '' }, line: 0, text: '', zone: 'preamble', zoneRoot: true, parent: null, items: [] };
  const stack: ONode[] = [root];
  for (const p of paras) {
    if (isClosing(p.text)) break;
    let marker = readMarker(p.text);
    // An unmarked heading in capitals that announces a part ("MỤC TIÊU") is a top-level part too.
    if (marker.kind === 'none' && isAllCaps(p.text) && isHeadingLike(p.text) && zoneOfHeading(p.text)) marker = { ...marker, level: 0 };
    if (marker.kind === 'none' && marker.level !== 0) {
      let owner = stack[stack.length - 1]!;
      while (owner.marker.kind === 'bullet' && owner.parent) owner = owner.parent;
      owner.items.push({ kind: 'para', para: p });
      continue;
    }
    while (stack.length > 1 && stack[stack.length - 1]!.marker.level >= marker.level) stack.pop();
    const parent = stack[stack.length - 1]!;
    const headingZone = marker.kind === 'roman' || marker.level === 0 || ((marker.kind === 'number' || marker.kind === 'letter') && isHeadingLike(marker.body, 15)) ? zoneOfHeading(marker.body) : null;
    // A Roman part that announces nothing known is an 'other' part; a sub-heading keeps its part's zone.
    const zone: Zone = headingZone ?? (marker.level === 0 ? 'other' : parent.zone);
    const node: ONode = { marker, line: p.line, text: p.text, zone, zoneRoot: zone !== parent.zone || marker.level === 0, parent, items: [] };
    parent.items.push({ kind: 'node', node });
    stack.push(node);
  }
  return root;
}

/** Every node of the outline, in document order. */
export function* walk(node: ONode): Generator<ONode> {
  for (const it of node.items) {
    if (it.kind === 'node') {
      yield it.node;
      yield* walk(it.node);
    }
  }
}

/** The zone roots of a zone, in document order (a plan may have several task parts). */
export function zoneRoots(root: ONode, zone: Zone): ONode[] {
  return [...walk(root)].filter((n) => n.zoneRoot && n.zone === zone);
}

/** All text under a node (its own paragraph and everything nested), one line each. */
export function fullText(node: ONode): string[] {
  const out = [node.marker.body];
  for (const it of node.items) {
    if (it.kind === 'para') out.push(it.para.text);
    else out.push(...fullText(it.node).map((t, i) => (i === 0 ? `${markerPrefix(it.node.marker)}${t}` : t)));
  }
  return out;
}

function markerPrefix(m: Marker): string {
  if (m.kind === 'number' || m.kind === 'roman') return `${m.label}. `;
  if (m.kind === 'letter') return `${m.label}) `;
  return m.kind === 'bullet' ? `${m.label} ` : '';
}

/** A heading as a section label: "III. NHIỆM VỤ VÀ GIẢI PHÁP", "2.1. Mục tiêu đến năm 2025". */
export function sectionLabel(node: ONode): string {
  const m = node.marker;
  if (m.kind === 'roman' || m.kind === 'number') return `${m.label}. ${m.body.replace(/[\s.:;]+$/u, '')}`;
  if (m.kind === 'letter') return `${m.label}) ${m.body.replace(/[\s.:;]+$/u, '')}`;
  return m.body.replace(/[\s.:;]+$/u, '');
}
