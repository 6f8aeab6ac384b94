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

  it('the auditor carries no zod', () => {
    const auditor = script('auditor').toString('utf8');
    expect(auditor.length).toBeGreaterThan(10_000); // the real bundle, not an empty file
    // A boolean, not toMatch: a failure must not print the whole bundle.
    expect(/ZodError|\$ZodType|_zod/.test(auditor), 'zod found in the auditor bundle').toBe(false);
  });
});
