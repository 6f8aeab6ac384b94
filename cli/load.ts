import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

// Inputs of the command line: saved pages (files or whole folders of them) and http(s) URLs.
// Many portals serve GBK/GB2312, so bytes are decoded by the charset the server or the page
// declares, and by GB18030 when an undeclared page is not valid UTF-8.

export interface Loaded {
  source: string;
  html: string;
  /** the URL the page stands for, for host-based checks */
  url: string;
}

const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.shtml', '.xhtml']);
const FETCH_TIMEOUT_MS = 20_000;

/** The charset a page declares in its first bytes: <meta charset> or http-equiv Content-Type. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

export function decodePage(bytes: Uint8Array, headerCharset?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes);
  const declared = headerCharset ?? declaredCharset(bytes);
  if (declared) {
    try {
      return new TextDecoder(/^(gb2312|gbk|x-gbk)$/.test(declared) ? 'gb18030' : declared).decode(bytes);
    } catch {
      // An unknown label falls through to sniffing.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function pagesIn(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await pagesIn(path)));
    else if (PAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(path);
  }
  return out.sort();
}

/** Expands folders into the pages they hold; files and URLs stand as they are. */
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

export async function load(source: string): Promise<Loaded> {
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      redirect: 'follow',
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const charset = /charset=([\w-]+)/i.exec(response.headers.get('content-type') ?? '')?.[1]?.toLowerCase();
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { source, html: decodePage(bytes, charset), url: response.url || source };
  }
  const bytes = await readFile(source);
  return { source, html: decodePage(bytes), url: `file://${source}` };
}
