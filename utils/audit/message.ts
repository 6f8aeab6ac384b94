import { fmtNum } from '../rules/lib/cells';
import type { Localized } from './result';

// Message templates carry {placeholders}. A placeholder `{x}` takes `data.x_zh` / `data.x_en` when the
// rule gave a localized value (labels), else `data.x` (numbers, raw text). Unknown placeholders are
// left as they are, so a test can see them.

export type MessageData = Record<string, string | number>;

const fmt = (v: string | number): string => (typeof v === 'number' ? fmtNum(v) : v);

/**
 * A template cut at its placeholders: text, name, text, name, …, text (odd indexes are names).
 * A regex with a callback per message and language was about 7% of the rules' time on a report
 * with many findings; the templates are the rules' constants, so each is cut once.
 */
type Cut = string[];
const CUTS = new WeakMap<Localized, { zh: Cut; en: Cut }>();

const cut = (template: string): Cut => template.split(/\{(\w+)\}/);

function fillCut(parts: Cut, data: MessageData, lang: 'zh' | 'en'): string {
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const v = data[`${name}_${lang}`] ?? data[name];
    out += (v === undefined ? `{${name}}` : fmt(v)) + parts[i + 1]!;
  }
  return out;
}

export function fillMessage(template: Localized, data: MessageData = {}): Localized {
  let cuts = CUTS.get(template);
  if (!cuts) {
    cuts = { zh: cut(template.zh), en: cut(template.en) };
    CUTS.set(template, cuts);
  }
  return { zh: fillCut(cuts.zh, data, 'zh'), en: fillCut(cuts.en, data, 'en') };
}

export const fillTemplate = (template: string, data: MessageData, lang: 'zh' | 'en'): string =>
  fillCut(cut(template), data, lang);

/** The placeholders a template uses, e.g. for tests that every one is filled. */
export const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
