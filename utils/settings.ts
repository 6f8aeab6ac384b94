import type { Lang } from './i18n';

// User settings, kept in storage.sync (they follow the user's browser profile) under one key.
// The pure parts (site patterns, language choice) are here so they can be tested without a browser;
// reading and writing storage is left to the callers, which already hold `browser`.

export const SETTINGS_KEY = 'settings';

export const LANG_CHOICES = ['auto', 'zh', 'en'] as const;
export type LangChoice = (typeof LANG_CHOICES)[number];

export interface Settings {
  /** interface language; auto follows the browser's UI language */
  lang: LangChoice;
  /** match patterns (`*://host/*`) of sites the detector runs on besides *.gov.cn */
  sites: string[];
  /** draw notes (info findings) on the page; off, so a report's real problems are seen first */
  showNotes: boolean;
}

export const DEFAULT_SETTINGS: Settings = { lang: 'auto', sites: [], showNotes: false };

/**
 * Whatever storage holds, as valid settings: each bad or missing field falls back to its default.
 * (No zod here: the background and the options page would carry it for two fields.)
 */
export function readSettings(stored: unknown): Settings {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const lang = LANG_CHOICES.includes(raw.lang as LangChoice)
    ? (raw.lang as LangChoice)
    : DEFAULT_SETTINGS.lang;
  const sites = Array.isArray(raw.sites)
    ? raw.sites.filter(
        (s): s is string => typeof s === 'string' && sitePattern(s) === s && !onPublicSuffix(s),
      )
    : [];
  const showNotes = raw.showNotes === true;
  return { lang, sites, showNotes };
}

/** Chinese unless the user chose English, or chose auto and the browser's UI is not Chinese. */
export function resolveLang(choice: LangChoice, uiLanguage: string | undefined): Lang {
  if (choice !== 'auto') return choice;
  if (!uiLanguage) return 'zh';
  return /^zh\b/i.test(uiLanguage) ? 'zh' : 'en';
}

const HOST_RE = /^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+$/i;

/**
 * A match pattern for what the user typed: a host (`www.example.org`), a wildcard host
 * (`*.example.org`) or a URL (`https://example.org/nb/2023.html`). Every scheme and path of that
 * host is matched, since a portal serves the same report over http and https. Null when the text
 * names no host.
 */
export function sitePattern(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (!text) return null;
  if (/^([a-z][a-z0-9+.-]*|\*):\/\//.test(text)) {
    try {
      // `*://*.host/*` (a pattern pasted back) is not a URL; read its host by hand.
      const wild = /^\*:\/\/([^/]+)/.exec(text);
      if (wild) text = wild[1]!;
      else {
        const url = new URL(text);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
        text = url.hostname;
      }
    } catch {
      return null;
    }
  } else {
    text = text.replace(/[/?#].*$/, '').replace(/:\d+$/, '');
  }
  text = text.replace(/\.$/, '');
  if (!HOST_RE.test(text)) return null;
  return `*://${text}/*`;
}

/**
 * Second-level labels that registries hand out under a country code (`com.cn`, `co.uk`, `gov.cn`,
 * `ac.jp`, `gob.mx`, `com.au` …): a wildcard on them covers everyone's sites.
 */
const GENERIC_SECOND_LEVEL = new Set([
  'ac',
  'co',
  'com',
  'edu',
  'gob',
  'go',
  'gov',
  'govt',
  'int',
  'ltd',
  'mil',
  'ne',
  'net',
  'nic',
  'or',
  'org',
  'plc',
]);
/** China's provincial second-level domains under .cn (bj.cn, sh.cn … hk.cn, mo.cn, tw.cn). */
const CN_PROVINCES = new Set(
  'bj sh tj cq he sx nm ln jl hl js zj ah fj jx sd ha hb hn gd gx hi sc gz yn xz sn gs qh nx xj tw hk mo'.split(
    ' ',
  ),
);

/**
 * True when a wildcard pattern would cover a public suffix: a top-level domain (`*.com`, `*.cn`),
 * a registry's generic second level under a country code (`*.com.cn`, `*.co.uk`, `*.gov.cn`) or a
 * Chinese province's (`*.bj.cn`). The options page refuses these: the detector would then run on a
 * whole TLD's worth of sites (review L5). A site's own wildcard (`*.example.com.cn`) is fine.
 */
export function onPublicSuffix(pattern: string): boolean {
  const host = /^\*:\/\/([^/]+)\/\*$/.exec(pattern)?.[1];
  if (!host?.startsWith('*.')) return host === '*';
  const labels = host.slice(2).split('.');
  if (labels.length === 1) return true;
  if (labels.length !== 2) return false;
  const [second, top] = labels as [string, string];
  if (top.length !== 2) return false;
  return GENERIC_SECOND_LEVEL.has(second) || (top === 'cn' && CN_PROVINCES.has(second));
}

/** True when the built-in *.gov.cn matches already cover the pattern. */
export function coveredByBuiltIn(pattern: string): boolean {
  const host = /^\*:\/\/([^/]+)\/\*$/.exec(pattern)?.[1];
  if (!host) return false;
  const bare = host.replace(/^\*\./, '');
  return bare === 'gov.cn' || bare.endsWith('.gov.cn');
}

/** The host part of a pattern, for display: `*://*.example.org/*` → `*.example.org`. */
export const patternHost = (pattern: string): string => /^\*:\/\/([^/]+)\/\*$/.exec(pattern)?.[1] ?? pattern;
