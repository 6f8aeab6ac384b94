import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Heading, Paragraph, SectionKey } from '../model';

// Paragraphs from the plain-text seeds (../shared/seeds/*.txt) for tests that need a narrative
// without a page: table rows (tab-separated) are dropped, PDF page breaks inside a paragraph are
// joined back, markdown residue (**, "- ") is removed, and top-level headings set the section.

export const SEEDS_DIR = '/work/shared/seeds';

const HEADING = /^([一二三四五六七八九十]+)、(.{1,40})$/;
const SECTIONS = new Set(['一', '二', '三', '四', '五', '六']);

export interface SeedNarrative {
  paragraphs: Paragraph[];
  headings: Heading[];
  /** the seed's first non-empty line */
  title: string;
}

export function paragraphsFromText(text: string): SeedNarrative {
  const chunks: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    if (cur.length) chunks.push(cur.join(''));
    cur = [];
  };
  for (const rawLine of text.split(/\r?\n/)) {
    if (rawLine.includes('\t')) {
      flush();
      continue;
    }
    const line = rawLine
      .replace(/\*\*/g, '')
      .replace(/^\s*-\s+/, '')
      .trim();
    if (!line) {
      flush();
      continue;
    }
    cur.push(line);
  }
  flush();
  const isHeading = (s: string) => HEADING.test(s) && !/[。；;]$/.test(s);
  const merged: string[] = [];
  for (const c of chunks) {
    const prev = merged[merged.length - 1];
    if (
      prev !== undefined &&
      !/[。！？：:；;）)]$/.test(prev) &&
      !isHeading(prev) &&
      !isHeading(c) &&
      prev.length >= 40
    ) {
      merged[merged.length - 1] = prev + c;
    } else merged.push(c);
  }
  const paragraphs: Paragraph[] = [];
  const headings: Heading[] = [];
  let section: SectionKey = 'preamble';
  merged.forEach((text, i) => {
    const id = `p${i + 1}`;
    const h = HEADING.exec(text);
    if (h && isHeading(text) && i > 0) {
      section = SECTIONS.has(h[1]!) ? (h[1] as SectionKey) : 'other';
      headings.push({ ordinal: h[1]!, text, paragraph: id });
    }
    paragraphs.push({ id, section, text });
  });
  return { paragraphs, headings, title: merged[0] ?? '' };
}

/** The seeds present on this machine, by number ('000' … '004'); empty when the folder is absent. */
export function loadSeeds(): Map<string, SeedNarrative & { text: string }> {
  const out = new Map<string, SeedNarrative & { text: string }>();
  if (!existsSync(SEEDS_DIR)) return out;
  for (const f of readdirSync(SEEDS_DIR).sort()) {
    if (!f.endsWith('.txt')) continue;
    const text = readFileSync(join(SEEDS_DIR, f), 'utf8');
    out.set(f.slice(0, 3), { ...paragraphsFromText(text), text });
  }
  return out;
}
