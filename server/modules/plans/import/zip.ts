// Opening the ZIP container of a .docx/.xlsx without trusting it: the central directory is read first and
// its declared sizes checked against the limits before anything is inflated; then every inflation is
// counted (yauzl also stops a stream that inflates past the size its entry declared), so neither a
// honest-but-huge archive nor one that lies about its sizes can blow up memory.
import { type Readable } from 'node:stream';
import yauzl from 'yauzl';

export const ZIP_LIMITS = {
  /** Real .docx/.xlsx files hold 10–200 parts. */
  maxEntries: 5_000,
  /** Inflated bytes, all parts together (declared and actually inflated). A 5,000-row plan table is ~15 MB. */
  maxTotalBytes: 100 * 1024 * 1024,
};
export type ZipLimits = typeof ZIP_LIMITS;

/** What is wrong with the container, worded by the caller for the kind of file it claimed to be. */
export class ZipProblem extends Error {
  constructor(
    readonly kind: 'corrupt' | 'bomb',
    message: string,
  ) {
    super(message);
  }
}

export type ZipArchive = {
  /** Part names, as in the archive (no leading slash). */
  names: string[];
  has(name: string): boolean;
  /** Declared (directory) inflated size of all parts together. */
  declaredBytes: number;
  /** Declared inflated size of one part (0 when it is not there). */
  sizeOf(name: string): number;
  /** Inflates one part (null when it is not there), counted against the limits. */
  read(name: string): Promise<Uint8Array | null>;
  /** Inflates every part once and throws if any misbehaves; the bytes are dropped. */
  verifyAll(): Promise<void>;
};

const MB = 1024 * 1024;

export async function openZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<ZipArchive> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false });
  } catch (e) {
    throw new ZipProblem('corrupt', `không đọc được cấu trúc nén ZIP (${(e as Error).message})`);
  }
  if (zip.entryCount > limits.maxEntries) {
    throw new ZipProblem('bomb', `tệp nén chứa ${zip.entryCount} phần, quá nhiều so với một tài liệu (tối đa ${limits.maxEntries})`);
  }

  const entries = new Map<string, yauzl.Entry>();
  let declared = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (e: Error) => reject(new ZipProblem('corrupt', `mục lục tệp nén bị hỏng (${e.message})`)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.maxTotalBytes || declared > limits.maxTotalBytes) {
        reject(
          new ZipProblem(
            'bomb',
            `tệp nén khai báo dung lượng giải nén bất thường (${Math.round(Math.max(declared, entry.uncompressedSize) / MB)} MB, tối đa ${Math.round(limits.maxTotalBytes / MB)} MB): có thể là tệp độc hại (zip bomb)`,
          ),
        );
        return;
      }
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.readEntry();
  });

  let inflated = 0;
  const inflate = async (entry: yauzl.Entry, keep: boolean): Promise<Uint8Array> => {
    if (entry.isEncrypted()) throw new ZipProblem('corrupt', 'tệp nén có phần được mã hoá');
    let stream: Readable;
    try {
      stream = await zip.openReadStreamPromise(entry);
    } catch (e) {
      throw new ZipProblem('corrupt', `không mở được phần ${entry.fileName} (${(e as Error).message})`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        inflated += chunk.length;
        if (inflated > limits.maxTotalBytes) {
          stream.destroy();
          throw new ZipProblem('bomb', `tệp nén giải ra hơn ${Math.round(limits.maxTotalBytes / MB)} MB: có thể là tệp độc hại (zip bomb)`);
        }
        if (keep) chunks.push(chunk);
      }
    } catch (e) {
      if (e instanceof ZipProblem) throw e;
      const msg = (e as Error).message;
      // yauzl stops a stream that inflates past the size declared in the directory: a lying archive.
      if (/too many bytes/i.test(msg)) throw new ZipProblem('bomb', `phần ${entry.fileName} giải nén ra nhiều hơn dung lượng khai báo: có thể là tệp độc hại (zip bomb)`);
      throw new ZipProblem('corrupt', `phần ${entry.fileName} bị hỏng (${msg})`);
    }
    if (!keep) return new Uint8Array(0);
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
  };

  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    declaredBytes: declared,
    sizeOf: (name) => entries.get(name)?.uncompressedSize ?? 0,
    async read(name) {
      const entry = entries.get(name);
      return entry ? inflate(entry, true) : null;
    },
    async verifyAll() {
      for (const entry of entries.values()) await inflate(entry, false);
    },
  };
}

/** Decodes an XML part (UTF-8, or UTF-16 with a BOM) into NFC text and refuses DTDs: Office never writes them, entity bombs need them. */
export function xmlText(bytes: Uint8Array, part: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else text = new TextDecoder('utf-8').decode(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new ZipProblem('corrupt', `phần ${part} chứa khai báo DOCTYPE/ENTITY không được phép`);
  return text.normalize('NFC'); // decomposed Vietnamese (typed with some input methods) compares unequal otherwise
}
