import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export { declaredCharset, decodeBytes as decodePage } from '../utils/source/decode';

// Inputs of the command line: saved pages, PDF, DOCX and text files (files or whole folders of
// them) and http(s) URLs. What an input *is* is decided later from its bytes (utils/source/
// sniff.ts), so this only fetches bytes, with the Content-Type a server gives for them.

export interface Loaded {
  source: string;
  bytes: Uint8Array;
  /** the server's Content-Type, for telling HTML from text and for its charset */
  contentType: string | null;
  /** the URL the input stands for: the final http(s) URL, or the file's file: URL (no host) */
  url: string;
}

/** Files a folder is expanded into; anything else in a folder is not a report. */
const DOCUMENT_EXTENSIONS = new Set([
  '.html',
  '.htm',
  '.shtml',
  '.xhtml',
  '.pdf',
  '.docx',
  '.txt',
  '.doc',
  '.wps',
]);
const FETCH_TIMEOUT_MS = 20_000;
/** A report is a few MB at most; a larger body is not one, and must not fill the memory. */
export const MAX_BYTES = 50 * 1024 * 1024;
/** Content-Types that are certainly not a report, refused before the body is read. */
const NOT_A_DOCUMENT = /^(image|video|audio|font|model)\//i;

async function pagesIn(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await pagesIn(path)));
    else if (DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(path);
  }
  return out.sort();
}

/** Expands folders into the documents they hold; files and URLs stand as they are. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      out.push(input);
      continue;
    }
    const info = await stat(input).catch(() => null);
    out.push(...(info?.isDirectory() ? await pagesIn(input) : [input]));
  }
  return out;
}

export class LoadError extends Error {}

/** The body, read chunk by chunk so that a response over the cap is cut off, not buffered. */
async function readCapped(response: Response, cap: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 'NaN');
  if (declared > cap) throw new LoadError(tooLarge(cap));
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel();
      throw new LoadError(tooLarge(cap));
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

const tooLarge = (cap: number) => `larger than ${cap / 1024 / 1024} MB / 超过 ${cap / 1024 / 1024} MB`;

export async function load(source: string, cap = MAX_BYTES): Promise<Loaded> {
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      redirect: 'follow',
    });
    if (!response.ok) throw new LoadError(`HTTP ${response.status}`);
    const contentType = response.headers.get('content-type');
    if (contentType && NOT_A_DOCUMENT.test(contentType)) {
      await response.body?.cancel();
      throw new LoadError(`${contentType.split(';')[0]} is not a document / 不是文档`);
    }
    return { source, bytes: await readCapped(response, cap), contentType, url: response.url || source };
  }
  const info = await stat(source);
  if (info.isFile() && info.size > cap) throw new LoadError(tooLarge(cap));
  const bytes = new Uint8Array(await readFile(source));
  // A relative path is a local file with no host: `page.html` must not become host `page.html`.
  return { source, bytes, contentType: null, url: pathToFileURL(resolve(source)).href };
}
