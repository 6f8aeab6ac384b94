import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

// What every portal page pays for: the built content scripts. Sizes are deterministic, so unlike
// timings (npm run bench) they can be held in a test. The detector runs on every *.gov.cn page
// and frame; the auditor only on reports, and without zod (the model's schemas live in
// utils/report/model-schema.ts, which no content script imports).

const script = (name: string) => readFileSync(join(EXTENSION_DIR, 'content-scripts', `${name}.js`));

describe('content-script bundles', () => {
  it('the detector stays under 10 kB gzipped', () => {
    expect(gzipSync(script('detector')).length).toBeLessThan(10 * 1024);
  });

  it("has no DOM event or window message named after the extension's ID (review M1)", () => {
    // WXT's own content script context announces a script's start to the page by such an event and
    // ends the script when the page dispatches one; the build swaps in Gouji's
    // (entrypoints/shared/script-context.ts, wxt.config.ts)
    for (const name of ['detector', 'auditor', 'sweep-offer']) {
      const code = script(name).toString('utf8');
      expect(code.length).toBeGreaterThan(1000);
      expect(code.includes('content-script-started'), `${name} announces its start`).toBe(false);
      expect(code.includes('gouji.content-script-contexts'), `${name} without Gouji's context`).toBe(true);
    }
  });

  it('the auditor carries no zod', () => {
    const auditor = script('auditor').toString('utf8');
    expect(auditor.length).toBeGreaterThan(10_000); // the real bundle, not an empty file
    // A boolean, not toMatch: a failure must not print the whole bundle.
    expect(/ZodError|\$ZodType|_zod/.test(auditor), 'zod found in the auditor bundle').toBe(false);
  });
});

// What the popup loads before its first paint: popup.html's entry chunk and the chunks it preloads,
// and the first-rows script in its head. With 10 000 pages in the log the list must be drawn within
// 200 ms (issue 11, npm run bench): the first rows come from that script (utils/log/first-rows.ts),
// straight from IndexedDB, and the popup's modules need only the list's views to draw them; the
// log's reads (Dexie), the record schemas (zod), the XLSX writer, the auditor's rules (which the
// sweep queue runs) and the cross-year checks are loaded when first used.
describe('the popup before its first paint', () => {
  const html = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
  const chunks = [...html.matchAll(/(?:src|href)="\/(chunks\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const code = chunks.map((c) => readFileSync(join(EXTENSION_DIR, c), 'utf8')).join('\n');

  it('loads the list’s views, and no Dexie, zod, XLSX writer, rules or cross-year checks', () => {
    expect(chunks.some((c) => c.startsWith('chunks/popup-'))).toBe(true);
    // the real bundle: the list's strings are there
    expect(code.includes('正在统计条数'), 'the list’s strings not found').toBe(true);
    // booleans, not toMatch: a failure must not print the bundle
    expect(/\bDexie\b/.test(code), 'Dexie found in the popup’s first chunks').toBe(false);
    expect(/ZodError|\$ZodType|_zod/.test(code), 'zod found in the popup’s first chunks').toBe(false);
    expect(code.includes('[Content_Types].xml'), 'the XLSX writer found').toBe(false);
    expect(/\bT3-01\b/.test(code), 'the auditor’s rules found').toBe(false);
    expect(/\bXYR-0\d\b/.test(code), 'the cross-year checks found').toBe(false);
  });

  it('loads in at most two module requests, and its first-rows script without Dexie', () => {
    // each chunk is a request of its own, 3–4 ms of the page's main thread on a slow machine: the
    // popup's first load is its entry and one chunk of what it shares with other pages (wxt.config.ts)
    expect(chunks.length).toBeLessThanOrEqual(2);
    const firstRows = [...html.matchAll(/<script src="\/([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(firstRows).toEqual(['popup-first-rows.js']);
    const script = readFileSync(join(EXTENSION_DIR, 'popup-first-rows.js'), 'utf8');
    expect(script.includes('[latest+auditedAt]'), 'the list’s index not found').toBe(true);
    expect(/\bDexie\b/.test(script), 'Dexie found in the first-rows script').toBe(false);
    expect(script.length).toBeLessThan(3000);
  });

  it('stays under 40 kB gzipped (about 80 kB of script; 190 kB with the log’s reads, 566 kB before the split)', () => {
    expect(gzipSync(code).length).toBeLessThan(40 * 1024);
  });
});
