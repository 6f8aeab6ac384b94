import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { InlineConfig, Plugin } from 'vite';
import { defineConfig } from 'wxt';

/** pdf.js's CMaps (Chinese text decodes with them) and standard fonts, shipped in the extension: no remote code or data. */
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const PDFJS_RESOURCES = ['cmaps', 'standard_fonts'].flatMap((folder) =>
  readdirSync(join(PDFJS_DIR, folder))
    .filter((name) => !name.startsWith('LICENSE'))
    .map((name) => ({ absoluteSrc: join(PDFJS_DIR, folder, name), relativeDest: `pdfjs/${folder}/${name}` })),
);

/** Where the detector runs, and where the background may inject the auditor, without asking. */
export const BUILT_IN_HOSTS = ['*://*.gov.cn/*'];
/** What "add a site" in the options page may ask for at run time, one site at a time. */
export const OPTIONAL_HOSTS = ['*://*/*'];
/** Firefox's stable add-on ID: storage.sync and the add-on store key on it. Never change it. */
export const GECKO_ID = 'gouji@gouji.extension';

/**
 * Every content script's context is Gouji's (entrypoints/shared/script-context.ts), not WXT's: WXT's
 * signals a script's start to the page, and lets the page end it, by a DOM event named after the
 * extension's ID (review M1).
 */
const pageSilentContext = {
  find: /^wxt\/utils\/content-script-context$/,
  replacement: fileURLToPath(new URL('entrypoints/shared/script-context.ts', import.meta.url)),
};

// Permissions are the fewest that do the job: the detector runs only on *.gov.cn, anything else is
// audited on demand through activeTab, or on sites the user adds at run time (optional host
// permissions). Declared here, per browser, rather than left to WXT's copying of a runtime script's
// `matches`: tests/e2e/manifest.e2e.test.ts holds the built manifests to the list in the README.
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  vite: () => ({ plugins: [preact()], resolve: { alias: [pageSilentContext] } }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.name === 'popup')) firstLoadInOneChunk('popup', config);
    },
    // The report viewer's pdf.js loads these at run time (entrypoints/viewer/pdf.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push(...PDFJS_RESOURCES);
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // unlimitedStorage: the audit log (with its evidence screenshots) must not hit a quota; it adds
    // no install warning.
    // offscreen (Chrome, MV3): the sweep's runner reads pages in an offscreen document, since the
    // service worker has no DOM (entrypoints/sweep-runner); no install warning. Firefox's background
    // page holds the runner in a frame instead.
    permissions: [
      'storage',
      'unlimitedStorage',
      'activeTab',
      'scripting',
      ...(manifestVersion === 3 ? ['offscreen'] : []),
    ],
    // MV3 (Chrome): host permissions apart; MV2 (Firefox): WXT moves host_permissions into
    // `permissions`, but drops optional_host_permissions, so they go in optional_permissions.
    host_permissions: BUILT_IN_HOSTS,
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_HOSTS }
      : { optional_permissions: OPTIONAL_HOSTS }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // storage.session in MV2 and persistent registered content scripts: Firefox 115+; the
          // data-collection declaration (nothing is collected): 140+, an ESR.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads that declaration from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
    // Shows or hides the overlay on the current tab (audits it first when nothing ran there yet).
    commands: {
      'toggle-overlay': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_cmdToggleOverlay__',
      },
    },
  }),
});

/**
 * Puts everything a page loads before it runs (its entry's static imports, transitively) into one
 * chunk, rather than the several chunks that sharing modules with the other pages splits them into:
 * each chunk is a request of its own, 3–4 ms of the renderer's main thread on a slow machine, and
 * the popup must draw its list within 200 ms (issue 11, npm run bench). The page's own modules stay
 * in its entry chunk, since the other pages that share this chunk must not run them; what the page
 * imports lazily stays in chunks of its own. The other pages load more than they use, which costs
 * them little.
 */
function firstLoadInOneChunk(page: string, config: InlineConfig): void {
  const shared = new Set<string>();
  const own = (id: string) => id.includes(`/entrypoints/${page}/`);
  const plugin: Plugin = {
    name: `gouji:${page}-first-load`,
    buildEnd() {
      const html = [...this.getModuleIds()].find((id) => id.endsWith(`/entrypoints/${page}/index.html`));
      const todo = html ? [html] : [];
      const seen = new Set(todo);
      while (todo.length) {
        for (const next of this.getModuleInfo(todo.pop()!)?.importedIds ?? []) {
          if (seen.has(next)) continue;
          seen.add(next);
          todo.push(next);
          if (!own(next)) shared.add(next);
        }
      }
    },
  };
  config.plugins = [...(config.plugins ?? []), plugin];
  // WXT gives the pages' build one output (its file names), which this adds to
  const output = config.build?.rollupOptions?.output;
  if (!output || Array.isArray(output))
    throw new Error("wxt.config.ts: the pages' build has no single output");
  output.codeSplitting = { groups: [{ name: `${page}-first-load`, test: (id: string) => shared.has(id) }] };
}
