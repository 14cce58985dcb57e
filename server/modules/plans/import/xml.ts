// Streaming XML for the Office parts (saxes: a strict, fast SAX parser): a 15 MB document.xml is read in
// well under a second without building a tree. Element and attribute names are given without their
// namespace prefix (`w:tbl` → `tbl`): Office writes `w:` but nothing requires it.
import { SaxesParser } from 'saxes';
import { ZipProblem } from './zip.ts';

export type XmlHandlers = {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
};

const local = (name: string) => {
  const i = name.indexOf(':');
  return i === -1 ? name : name.slice(i + 1);
};

const CHUNK = 256 * 1024;

/**
 * Runs the handlers over the document, in chunks of 256 k characters; between chunks it reports how far
 * it got and lets the event loop breathe. A malformed part is reported as a corrupt file.
 */
export async function parseXml(xml: string, part: string, h: XmlHandlers, onProgress?: (fraction: number) => void): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (node) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(node.attributes as Record<string, string>)) attrs[local(k)] = v;
    h.open(local(node.name), attrs);
  });
  parser.on('closetag', (node) => h.close(local(node.name)));
  parser.on('text', h.text);
  parser.on('cdata', h.text);
  try {
    for (let at = 0; at < xml.length; ) {
      let end = Math.min(xml.length, at + CHUNK);
      const c = xml.charCodeAt(end - 1);
      if (end < xml.length && c >= 0xd800 && c <= 0xdbff) end++; // never split a surrogate pair
      parser.write(xml.slice(at, end));
      at = end;
      if (at < xml.length) {
        onProgress?.(at / xml.length);
        await new Promise((r) => setImmediate(r));
      }
    }
    parser.close();
  } catch (e) {
    if (e instanceof ZipProblem) throw e;
    throw new ZipProblem('corrupt', `phần ${part} không phải XML hợp lệ (${(e as Error).message.split('\n')[0]})`);
  }
  onProgress?.(1);
}

/** The attributes of every element with this (local) name, in document order: enough for [Content_Types].xml and .rels. */
export async function elements(xml: string, part: string, name: string): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  await parseXml(xml, part, { open: (n, a) => n === name && out.push(a), close: () => {}, text: () => {} });
  return out;
}

/** Part name from a relationship target, relative to the part that holds the .rels (`word/document.xml`). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The relationships of a part: `word/document.xml` → `word/_rels/document.xml.rels`. */
export function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}
