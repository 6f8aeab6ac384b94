// Bytes → text for pages and plain-text reports. Many portals serve GBK/GB2312, and text copied
// out of Word on Windows is often saved as GBK or UTF-16, so a byte-order mark wins, then the
// charset the server or the page declares, then UTF-8 when the bytes are valid UTF-8, and
// GB18030 (a superset of GBK and GB2312) otherwise.

/** The charset a page declares in its first bytes: <meta charset> or http-equiv Content-Type. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function byBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Decodes a page or a text file; `declared` is the Content-Type charset, when there is one. */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): string {
  const bom = byBom(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const label = declared ?? declaredCharset(bytes);
  if (label) {
    try {
      return new TextDecoder(/^(gb2312|gbk|x-gbk)$/.test(label) ? 'gb18030' : label).decode(bytes);
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
