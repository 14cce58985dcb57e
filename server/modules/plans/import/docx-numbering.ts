// Word's automatic numbering ("1.", "1.2.", "a)", "-"): the numbers are not in the text of the paragraph
// but computed from word/numbering.xml, so a plan whose sections and table rows are auto-numbered would
// lose its task codes without this. Paragraph styles can carry numbering too (styles.xml).
import { parseXml } from './xml.ts';

type Level = { start: number; fmt: string; text: string; suffix: string; isLgl: boolean };
type StyleDef = { basedOn?: string; numId?: string; ilvl?: number };

/** Symbol/Wingdings bullets are private-use characters; show them as the bullet they look like. */
export function symbolChar(code: number): string {
  if (code === 0xf02d) return '-';
  if (code === 0xf0a7) return '▪';
  if (code >= 0xf000 && code <= 0xf0ff) return '•';
  return String.fromCodePoint(code);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
    case 'lowerLetter': {
      // Word repeats the letter past z: a … z, aa … zz.
      const s = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return fmt === 'upperLetter' ? s.toUpperCase() : s;
    }
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n); // decimal, and the rarer formats (ordinal, vietnameseCounting…) shown as digits
  }
}

export class Numbering {
  private abstract = new Map<string, Map<number, Level>>();
  private nums = new Map<string, { abstractId: string; overrides: Map<number, { start?: number; level?: Level }> }>();
  private styles = new Map<string, StyleDef>();
  private counters = new Map<string, number[]>();

  static async load(numberingXml: string | null, stylesXml: string | null): Promise<Numbering> {
    const n = new Numbering();
    if (numberingXml) await n.readNumbering(numberingXml);
    if (stylesXml) await n.readStyles(stylesXml);
    return n;
  }

  private async readNumbering(xml: string) {
    const stack: string[] = [];
    let abstractId: string | null = null;
    let numId: string | null = null;
    let overrideLvl: number | null = null;
    let lvl: (Level & { ilvl: number }) | null = null;
    await parseXml(xml, 'word/numbering.xml', {
      open: (name, a) => {
        const parent = stack[stack.length - 1];
        stack.push(name);
        if (name === 'abstractNum') {
          abstractId = a.abstractNumId ?? null;
          if (abstractId) this.abstract.set(abstractId, new Map());
        } else if (name === 'num') {
          numId = a.numId ?? null;
          if (numId) this.nums.set(numId, { abstractId: '', overrides: new Map() });
        } else if (name === 'abstractNumId' && parent === 'num' && numId) this.nums.get(numId)!.abstractId = a.val ?? '';
        else if (name === 'lvlOverride' && numId) overrideLvl = Number(a.ilvl ?? 0);
        else if (name === 'startOverride' && numId && overrideLvl !== null) {
          const o = this.nums.get(numId)!.overrides;
          o.set(overrideLvl, { ...o.get(overrideLvl), start: Number(a.val ?? 1) });
        } else if (name === 'lvl') lvl = { ilvl: Number(a.ilvl ?? 0), start: 1, fmt: 'decimal', text: '', suffix: 'tab', isLgl: false };
        else if (lvl && parent === 'lvl') {
          if (name === 'start') lvl.start = Number(a.val ?? 1);
          else if (name === 'numFmt') lvl.fmt = a.val ?? 'decimal';
          else if (name === 'lvlText') lvl.text = a.val ?? '';
          else if (name === 'suff') lvl.suffix = a.val ?? 'tab';
          else if (name === 'isLgl') lvl.isLgl = a.val !== '0' && a.val !== 'false';
        }
      },
      close: (name) => {
        stack.pop();
        if (name === 'lvl' && lvl) {
          const { ilvl, ...level } = lvl;
          if (overrideLvl !== null && numId) {
            const o = this.nums.get(numId)!.overrides;
            o.set(ilvl, { ...o.get(ilvl), level });
          } else if (abstractId) this.abstract.get(abstractId)?.set(ilvl, level);
          lvl = null;
        } else if (name === 'lvlOverride') overrideLvl = null;
        else if (name === 'abstractNum') abstractId = null;
        else if (name === 'num') numId = null;
      },
      text: () => {},
    });
  }

  private async readStyles(xml: string) {
    const stack: string[] = [];
    let style: (StyleDef & { id: string }) | null = null;
    await parseXml(xml, 'word/styles.xml', {
      open: (name, a) => {
        const parent = stack[stack.length - 1];
        stack.push(name);
        if (name === 'style' && (a.type ?? 'paragraph') === 'paragraph' && a.styleId) style = { id: a.styleId };
        else if (style && name === 'basedOn' && parent === 'style') style.basedOn = a.val;
        else if (style && parent === 'numPr' && stack[stack.length - 3] === 'pPr') {
          if (name === 'numId') style.numId = a.val;
          else if (name === 'ilvl') style.ilvl = Number(a.val ?? 0);
        }
      },
      close: (name) => {
        stack.pop();
        if (name === 'style' && style) {
          const { id, ...def } = style;
          this.styles.set(id, def);
          style = null;
        }
      },
      text: () => {},
    });
  }

  private level(numId: string, ilvl: number): Level | undefined {
    const num = this.nums.get(numId);
    if (!num) return undefined;
    const base = num.overrides.get(ilvl)?.level ?? this.abstract.get(num.abstractId)?.get(ilvl);
    const start = num.overrides.get(ilvl)?.start;
    return base && start !== undefined ? { ...base, start } : base;
  }

  /**
   * The label Word shows before a paragraph ("1.2. ", "a) ", "- "), advancing the list's counters; ''
   * when the paragraph is not numbered. Direct numbering wins over the style's; numId 0 switches it off.
   */
  label(numId: string | undefined, ilvl: number | undefined, styleId: string | undefined): string {
    let id = numId;
    let lv = ilvl;
    for (let s = styleId, guard = 0; s && guard < 20 && (id === undefined || lv === undefined); guard++) {
      const def = this.styles.get(s);
      if (!def) break;
      id ??= def.numId;
      lv ??= def.ilvl;
      s = def.basedOn;
    }
    if (!id || id === '0') return '';
    const level = lv ?? 0;
    const lvl = this.level(id, level);
    if (!lvl) return '';
    const counts = this.counters.get(id) ?? [];
    this.counters.set(id, counts);
    counts[level] = counts[level] === undefined ? lvl.start : counts[level]! + 1;
    counts.length = level + 1; // deeper levels start again
    if (lvl.fmt === 'bullet') {
      const b = [...lvl.text].map((c) => symbolChar(c.codePointAt(0)!)).join('');
      return b ? `${b}${lvl.suffix === 'nothing' ? '' : ' '}` : '';
    }
    const text = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const l = this.level(id, k);
      const n = counts[k] ?? l?.start ?? 1;
      return formatNumber(n, lvl.isLgl && k < level ? 'decimal' : (l?.fmt ?? 'decimal'));
    });
    return text ? `${text}${lvl.suffix === 'nothing' ? '' : ' '}` : '';
  }
}
