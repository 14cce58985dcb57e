// Tasks written in prose: the numbered items of the "Nhiệm vụ và giải pháp" part (with their lettered
// sub-items), and the responsibilities of each agency in "Tổ chức thực hiện". Pure.
import {
  AGENCY_START,
  RESPONSIBILITY_VERB,
  isHeadingLike,
  shortTitle,
  trimEndPunct,
  viLetter,
  wordCount,
  type TaskDraft,
  type Warning,
} from './parse-common.ts';
import { fullText, sectionLabel, type ONode, type OItem } from './parse-outline.ts';

export const RESPONSIBILITIES_SECTION = 'Tổ chức thực hiện';

/** "Hàng năm, tổ chức …" → "Hàng năm": a timeline a prose task states at its start. */
const LEADING_TIMELINE = /^(hàng năm|hằng năm|định kỳ hàng năm|định kỳ hằng năm|thường xuyên|hàng quý|hằng quý)(?=[\s,])/iu;

function scheduleOf(text: string, fallback: string): string {
  return LEADING_TIMELINE.exec(text)?.[1] ?? fallback;
}

function describe(title: string, lines: string[]): string | undefined {
  const text = lines.map((l) => l.trim()).filter(Boolean).join('\n');
  return text && text !== title ? text : undefined;
}

/** Drops the plan's closing words from a timeline paragraph: "Giai đoạn năm 2026 - 2030." → "Giai đoạn năm 2026 - 2030". */
function zoneTimeline(zone: ONode): string {
  for (const it of zone.items) {
    if (it.kind !== 'node' || it.node.zone !== 'timeline') continue;
    const paras = it.node.items.filter((x): x is Extract<OItem, { kind: 'para' }> => x.kind === 'para').map((x) => x.para.text);
    return trimEndPunct(paras.join(' '));
  }
  return '';
}

/**
 * The tasks of a "Nhiệm vụ và giải pháp" part. Each numbered item is a task (title = its heading);
 * its lettered items (or, when it has none, its bullets) are sub-tasks coded "1.a", "1.b" with
 * `parentCode` "1"; deeper lists stay in the description. Intro paragraphs are not tasks.
 */
export function parseTaskZone(zone: ONode, usedCodes: Set<string>): { tasks: TaskDraft[]; warnings: Warning[] } {
  const tasks: TaskDraft[] = [];
  const section = sectionLabel(zone);
  const timeline = zoneTimeline(zone);
  const unique = (code: string) => (usedCodes.has(code) && zone.marker.label ? `${zone.marker.label}.${code}` : code);

  const visit = (node: ONode, parent: TaskDraft | null, index: number) => {
    const m = node.marker;
    let code: string | null;
    if (m.kind === 'number') code = m.label;
    else if (m.kind === 'letter') code = parent?.code ? `${parent.code}.${m.label}` : m.label;
    else code = parent?.code ? `${parent.code}.${viLetter(index)}` : null;
    if (code) code = unique(code);

    const childNodes = node.items.filter((x): x is Extract<OItem, { kind: 'node' }> => x.kind === 'node').map((x) => x.node);
    const marked = childNodes.filter((c) => c.marker.kind === 'number' || c.marker.kind === 'letter');
    // Lettered (or numbered) items are sub-tasks; bullets are sub-tasks only of a numbered item that has no
    // lettered ones, and never below the second level.
    const subtasks = parent && m.kind !== 'number' ? [] : marked.length ? marked : m.kind === 'number' ? childNodes : [];
    const rest: string[] = [];
    for (const it of node.items) {
      if (it.kind === 'para') rest.push(it.para.text);
      else if (!subtasks.includes(it.node)) rest.push(...fullText(it.node).map((t, i) => (i === 0 ? `${it.node.marker.kind === 'bullet' ? '- ' : ''}${t}` : t)));
    }
    const title = shortTitle(m.body);
    const task: TaskDraft = {
      source: 'prose',
      code,
      section,
      title,
      ...(parent?.code ? { parentCode: parent.code } : {}),
      leadCells: [],
      coordinatorCells: [],
      deliverables: [],
      scheduleRaw: scheduleOf(m.body, timeline),
      line: node.line,
      hasChildren: subtasks.length > 0,
    };
    const description = describe(title, [trimEndPunct(m.body) === title ? '' : m.body, ...rest]);
    if (description) task.description = description;
    tasks.push(task);
    if (code) usedCodes.add(code);
    subtasks.forEach((c, i) => visit(c, task, i));
  };

  zone.items.forEach((it) => {
    if (it.kind === 'node' && it.node.zone === 'tasks') visit(it.node, null, 0);
  });
  const warnings: Warning[] = [];
  if (tasks.length) {
    const noTime = tasks.filter((t) => !t.scheduleRaw).length;
    warnings.push({
      line: zone.line,
      message: `Phần “${section}”: ${tasks.length} nhiệm vụ viết dạng văn xuôi, không ghi cơ quan chủ trì${noTime ? `, ${noTime} nhiệm vụ không ghi thời gian` : ''}; phân công khi duyệt (xem phần tổ chức thực hiện)`,
    });
  }
  return { tasks, warnings };
}

/** An agency named at the start of a responsibility ("Đề nghị Hội Liên hiệp Phụ nữ thành phố chỉ đạo …"). */
export function leadingAgency(text: string): string | null {
  if (!AGENCY_START.test(text)) return null;
  const body = text.replace(/^Đề nghị\s+/u, '');
  const verb = RESPONSIBILITY_VERB.exec(body);
  const name = trimEndPunct(verb ? body.slice(0, verb.index) : '');
  return name && wordCount(name) <= 15 ? name : null;
}

/** "phối hợp với Sở Giáo dục và Đào tạo, Ủy ban nhân dân quận, huyện triển khai …" → the coordinating agencies. */
export function coordinatingAgencies(text: string): string | null {
  const m = /phối hợp(?: chặt chẽ)?(?: với)?\s+(.+)$/iu.exec(text);
  const rest = m ? m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1) : '';
  if (!m || !AGENCY_START.test(rest)) return null;
  const verb = RESPONSIBILITY_VERB.exec(rest);
  // "Thủ trưởng các cơ quan, đơn vị có liên quan": the heads of the bodies are the bodies.
  const name = trimEndPunct(verb ? m[1]!.slice(0, verb.index) : '').replace(/^Thủ trưởng\s+/iu, '');
  return name && wordCount(name) <= 20 ? name : null;
}

/** An agency heading: "1. Sở Giáo dục và Đào tạo", "c) Đề nghị Đoàn Thanh niên …", "2.2. Đề nghị các sở, ban, ngành tỉnh". */
function agencyHeading(body: string): string | null {
  const name = trimEndPunct(body.replace(/^Đề nghị\s+/u, ''));
  if (!isHeadingLike(body, 25) || !AGENCY_START.test(name.charAt(0).toUpperCase() + name.slice(1))) return null;
  return name;
}

/** "Sở Văn hóa, Thể thao và Du lịch: chủ trì …" → [agency, text]. */
function inlineAgency(body: string): [string, string] | null {
  const m = /^([^:]{3,150}):\s*(\S.*)$/u.exec(body);
  if (!m || wordCount(m[1]!) > 15 || !AGENCY_START.test(m[1]!)) return null;
  return [m[1]!.replace(/^Đề nghị\s+/u, '').trim(), m[2]!];
}

/**
 * The responsibilities of a "Tổ chức thực hiện" part: every paragraph (or list item) that says what an
 * agency does is a task of the section "Tổ chức thực hiện", led by the agency of its heading (or the one it
 * names first). Codes follow the document: "V.1.a" is item a) under "1." of part V; paragraphs without a
 * marker are lettered in order ("III.1.a", "III.1.b") when there are several.
 */
export function parseResponsibilityZone(zone: ONode): { tasks: TaskDraft[]; warnings: Warning[] } {
  const tasks: TaskDraft[] = [];
  const prefix = zone.marker.kind === 'roman' || zone.marker.kind === 'number' ? zone.marker.label : 'TCTH';

  const make = (text: string, lead: string | null, code: string, line: number, extra: string[]) => {
    const own = leadingAgency(text);
    const leadRaw = own ?? lead;
    const title = shortTitle(text);
    const coord = coordinatingAgencies(text);
    const task: TaskDraft = {
      source: 'responsibility',
      code,
      section: RESPONSIBILITIES_SECTION,
      title,
      leadCells: leadRaw ? [leadRaw] : [],
      coordinatorCells: coord ? [coord] : [],
      deliverables: [],
      scheduleRaw: scheduleOf(text, ''),
      line,
      hasChildren: false,
    };
    const description = describe(title, [trimEndPunct(text) === title ? '' : text, ...extra]);
    if (description) task.description = description;
    tasks.push(task);
  };

  // `ownTask`: the node's own text was a responsibility ("1. Sở X: …"), so its items need codes of their own.
  const visit = (node: ONode, lead: string | null, code: string, isRoot: boolean, ownTask = false) => {
    const loose = node.items.filter((it) => it.kind === 'para' || it.node.marker.kind === 'bullet' || it.node.marker.kind === 'none');
    const subCode = (i: number) => (!ownTask && loose.length === 1 && loose.length === node.items.length ? code : `${code}.${node.marker.kind === 'letter' ? i + 1 : viLetter(i)}`);
    let looseIndex = 0;
    for (const it of node.items) {
      if (it.kind === 'para') {
        const i = looseIndex++;
        // Intro text of the part itself is a task only when it names its agency.
        if (isRoot && !leadingAgency(it.para.text)) continue;
        make(it.para.text, lead, subCode(i), it.para.line, []);
        continue;
      }
      const n = it.node;
      const m = n.marker;
      const childCode = m.kind === 'number' ? `${prefix}.${m.label}` : m.kind === 'letter' ? `${code}.${m.label}` : subCode(looseIndex++);
      const inline = inlineAgency(m.body);
      const heading = n.items.length ? agencyHeading(m.body) : null;
      const hasMarked = n.items.some((x) => x.kind === 'node' && (x.node.marker.kind === 'number' || x.node.marker.kind === 'letter'));
      if (inline) {
        make(inline[1], inline[0], childCode, n.line, []);
        if (n.items.length) visit(n, inline[0], childCode, false, true);
      } else if (heading) visit(n, heading, childCode, false);
      else if (hasMarked || (n.items.length && /:$/.test(m.body.trim()) && wordCount(m.body) <= 20)) {
        // A heading that is not an agency name ("2. Các cơ quan phối hợp:"): its items carry the responsibilities.
        visit(n, leadingAgency(m.body) ?? lead, childCode, false);
      } else make(m.body, lead, childCode, n.line, n.items.length ? fullText(n).slice(1) : []);
    }
  };
  visit(zone, null, prefix, true);

  const warnings: Warning[] = [];
  const noTime = tasks.filter((t) => !t.scheduleRaw).length;
  if (noTime) warnings.push({ line: zone.line, message: `Phần “${sectionLabel(zone)}”: ${noTime} nhiệm vụ theo cơ quan không ghi thời gian thực hiện` });
  return { tasks, warnings };
}
