import { fmtNum } from '../rules/lib/cells';
import type { Localized } from './result';

// Message templates carry {placeholders}. A placeholder `{x}` takes `data.x_zh` / `data.x_en` when the
// rule gave a localized value (labels), else `data.x` (numbers, raw text). Unknown placeholders are
// left as they are, so a test can see them.

export type MessageData = Record<string, string | number>;

const fmt = (v: string | number): string => (typeof v === 'number' ? fmtNum(v) : v);

export function fillTemplate(template: string, data: MessageData, lang: 'zh' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = data[`${name}_${lang}`] ?? data[name];
    return v === undefined ? whole : fmt(v);
  });
}

export const fillMessage = (template: Localized, data: MessageData = {}): Localized => ({
  zh: fillTemplate(template.zh, data, 'zh'),
  en: fillTemplate(template.en, data, 'en'),
});

/** The placeholders a template uses, e.g. for tests that every one is filled. */
export const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
