#!/usr/bin/env node
// `web-ext lint` on the Firefox build (.output/firefox-mv2), as addons.mozilla.org would run it.
// Fails on any error, and on any warning or notice not justified below. A justification names the
// rule, the files it may concern, and a check that the reason still holds in the built file.

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BUILD = join(REPO, '.output', 'firefox-mv2');
const WEB_EXT = join(REPO, 'node_modules', '.bin', 'web-ext');

/** Every source file of ours that ends up in the add-on. */
function sources(dir = REPO, out = []) {
  for (const top of ['components', 'entrypoints', 'utils']) {
    for (const e of readdirSync(join(dir, top), { recursive: true, withFileTypes: true }))
      if (e.isFile() && /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
        out.push(join(e.parentPath, e.name));
  }
  return out;
}

const JUSTIFIED = [
  {
    code: 'DANGEROUS_EVAL',
    why:
      'Outside content scripts (background, extension pages, the pdf.js worker): the default extension ' +
      'CSP, which tests/e2e/manifest.e2e.test.ts keeps (no content_security_policy key), forbids eval ' +
      'there, so these library paths (zod and pdf.js feature probes, core-js global lookups, pdf.js ' +
      'PostScript compiling, off with isEvalSupported: false) throw and fall back. In a content script ' +
      "(not covered by the MV2 CSP) only zod's probe `try { return Function(''), true } catch {…}` is allowed.",
    holds: (text, file) => {
      if (!file.startsWith('content-scripts/')) return true;
      const all = text.match(/\bFunction\(/g) ?? [];
      return (
        all.length === 1 &&
        /try\{return Function\(``\),!0\}catch\{return!1\}/.test(text) &&
        !/\beval\(/.test(text)
      );
    },
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why:
      "Preact's renderer, which assigns innerHTML only for `dangerouslySetInnerHTML`; no code of ours " +
      'uses it (checked in the sources), so page text is only ever set as text.',
    holds: () =>
      !sources().some((f) =>
        /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML/.test(
          readFileSync(f, 'utf8'),
        ),
      ),
  },
];

if (!existsSync(join(BUILD, 'manifest.json'))) {
  console.error(`No Firefox build in ${BUILD}: run \`npm run build:firefox\` first.`);
  process.exit(1);
}

const stdout = await new Promise((ok, fail) =>
  execFile(
    WEB_EXT,
    ['lint', '--source-dir', BUILD, '--output', 'json', '--no-config-discovery'],
    { maxBuffer: 1 << 26 },
    (err, out) => {
      // web-ext exits 1 when there are errors; the JSON says which
      if (out) ok(out);
      else fail(err);
    },
  ),
);
const report = JSON.parse(stdout);
const problems = [];
for (const kind of ['errors', 'warnings', 'notices']) {
  for (const m of report[kind]) {
    const rule = kind === 'errors' ? undefined : JUSTIFIED.find((j) => j.code === m.code);
    const text = m.file ? readFileSync(join(BUILD, m.file), 'utf8') : '';
    if (rule?.holds(text, m.file ?? '')) continue;
    problems.push(`${kind.slice(0, -1)} ${m.code} ${m.file ?? ''}: ${m.message}`);
  }
}
if (problems.length) {
  console.error(`web-ext lint: ${problems.length} problem(s) in ${BUILD}\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(
  `web-ext lint: ${BUILD} clean (${report.summary.warnings} justified warning(s): ${JUSTIFIED.map((j) => j.code).join(', ')})`,
);
