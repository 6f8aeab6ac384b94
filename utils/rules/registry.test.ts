import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../audit/result';
import { FORMATS } from '../report/model';
import { CATALOGUE_IDS, extractCatalogueIds } from './catalogue';
import { rules } from './index';
import { IMPLEMENTED_ELSEWHERE, NOT_IMPLEMENTED } from './not-implemented';
import type { Rule } from './types';

// The registry is complete and documented: every rule file registered, every rule tested with
// valid and invalid cases, every catalogue check either implemented or listed with a reason, and
// the README's table of checks saying which.

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const SPEC = join(root, '..', 'shared', 'spec', 'report-formats.md');

/** Rule files are named by their catalogue id: t3-01.ts, val-02.ts, s17-09.ts. */
const RULE_FILE = /^[a-z][a-z0-9]*-\d+\.ts$/;
const ruleFiles = readdirSync(here).filter((f) => RULE_FILE.test(f));
const source = (file: string) => readFileSync(join(here, file), 'utf8');
const fileOf = (rule: Rule) => `${rule.id.toLowerCase()}.ts`;

const isRule = (v: unknown): v is Rule =>
  typeof v === 'object' &&
  v !== null &&
  'id' in v &&
  'spec' in v &&
  typeof (v as Rule).evaluate === 'function';

/** Message ids a source file uses literally: `messageId: 'x'`, `messageId = c ? 'x' : 'y';`. */
function messageIdsIn(text: string): string[] {
  const exprs = [
    ...[...text.matchAll(/messageId\s*:\s*([^,;\n}]+)/g)].map((m) => m[1]!),
    ...[...text.matchAll(/messageId\s*=\s*([^;]+);/g)].map((m) => m[1]!),
  ];
  // the literal itself or a ternary branch, not a string the condition compares with
  return exprs.flatMap((e) => [...e.trim().matchAll(/(?:^|[?:])\s*'(\w+)'/g)].map((q) => q[1]!));
}

/** The rule's file and the local lib modules it imports (shared helpers emit messages too). */
function sourcesOf(rule: Rule): string[] {
  const own = source(fileOf(rule));
  const libs = [...own.matchAll(/from '\.\/(lib\/[\w-]+)'/g)].map((m) => source(`${m[1]}.ts`));
  return [own, ...libs];
}

describe('rule registry', () => {
  it('registers every rule file', async () => {
    const registered = new Set(rules);
    for (const file of ruleFiles) {
      const mod = (await import(/* @vite-ignore */ join(here, file))) as Record<string, unknown>;
      const defined = Object.values(mod).filter(isRule);
      expect(defined.length, `${file} defines no rule`).toBeGreaterThan(0);
      for (const rule of defined)
        expect(registered.has(rule), `${rule.id} (${file}) is not in index.ts`).toBe(true);
    }
  });

  it('has one rule per catalogue id, in a file named by it', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size, 'duplicate rule ids').toBe(ids.length);
    for (const rule of rules) {
      expect(CATALOGUE_IDS as readonly string[], `${rule.id}: not a catalogue id`).toContain(rule.spec);
      expect(rule.id).toBe(rule.spec);
      expect(ruleFiles, `${rule.id}: expected utils/rules/${fileOf(rule)}`).toContain(fileOf(rule));
    }
  });

  for (const rule of rules) {
    it(`${rule.id} has metadata and messages in Chinese and English`, () => {
      expect(SEVERITIES).toContain(rule.severity);
      expect(rule.formats.length).toBeGreaterThan(0);
      for (const f of rule.formats) expect(FORMATS).toContain(f);
      for (const text of [rule.title, rule.description, ...Object.values(rule.messages)]) {
        expect(text.zh.trim(), `${rule.id}: zh text`).not.toBe('');
        expect(text.en.trim(), `${rule.id}: en text`).not.toBe('');
        expect(text.zh, `${rule.id}: the zh text should be Chinese`).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(Object.keys(rule.messages).length, `${rule.id}: no messages`).toBeGreaterThan(0);
      for (const [id, m] of Object.entries(rule.messages)) {
        const names = (t: string) => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort();
        const zh = names(m.zh);
        const en = names(m.en);
        expect(en, `${rule.id}/${id}: zh and en use different placeholders`).toEqual(zh);
      }
    });

    it(`${rule.id} uses only message ids it defines`, () => {
      for (const id of sourcesOf(rule).flatMap(messageIdsIn)) {
        expect(Object.keys(rule.messages), `${rule.id} uses messageId '${id}'`).toContain(id);
      }
    });

    it(`${rule.id} is tested with the rule tester`, () => {
      const test = fileOf(rule).replace(/\.ts$/, '.test.ts');
      expect(existsSync(join(here, test)), `utils/rules/${test} is missing`).toBe(true);
      const text = source(test);
      // the imported name of the rule, passed to ruleTester (which demands valid and invalid cases)
      const imported = new RegExp(
        `import \\{[^}]*\\b(\\w+)\\b[^}]*\\} from '\\./${rule.id.toLowerCase()}'`,
      ).exec(text);
      expect(imported, `${test} does not import ./${rule.id.toLowerCase()}`).not.toBeNull();
      const names = imported![0]
        .replace(/^import \{|\} from.*$/g, '')
        .split(',')
        .map((s) => s.trim());
      expect(
        names.some((n) => new RegExp(`ruleTester\\(\\s*${n}\\s*,`).test(text)),
        `${test} does not call ruleTester on the rule`,
      ).toBe(true);
    });
  }
});

describe('check catalogue', () => {
  it.skipIf(!existsSync(SPEC))('matches the spec’s §5.1–§5.7 and §5.9', () => {
    expect(extractCatalogueIds(readFileSync(SPEC, 'utf8'))).toEqual([...CATALOGUE_IDS]);
  });

  it('has every id implemented or listed as not implemented, never both', () => {
    const implemented = new Set(rules.map((r) => r.spec));
    for (const id of CATALOGUE_IDS) {
      const listed = id in NOT_IMPLEMENTED || id in IMPLEMENTED_ELSEWHERE;
      expect(implemented.has(id) || listed, `${id}: neither implemented nor in not-implemented.ts`).toBe(
        true,
      );
      expect(implemented.has(id) && listed, `${id}: implemented, remove it from not-implemented.ts`).toBe(
        false,
      );
    }
    for (const [id, reason] of Object.entries(NOT_IMPLEMENTED)) {
      expect(CATALOGUE_IDS as readonly string[]).toContain(id);
      expect(reason.trim()).not.toBe('');
    }
    for (const [id, path] of Object.entries(IMPLEMENTED_ELSEWHERE)) {
      expect(CATALOGUE_IDS as readonly string[]).toContain(id);
      expect(existsSync(join(root, path)), `${id}: ${path} does not exist`).toBe(true);
    }
  });

  it('is the README’s table of checks, with the right status', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = /<!-- checks:start -->([\s\S]*?)<!-- checks:end -->/.exec(readme)?.[1] ?? '';
    const rows = new Map(
      table
        .split('\n')
        .filter((l) => /^\|\s*[A-Z][A-Z0-9]*-\d+\s*\|/.test(l))
        .map((l) => {
          const cells = l
            .split('|')
            .slice(1, -1)
            .map((c) => c.trim());
          return [cells[0]!, cells] as const;
        }),
    );
    for (const id of CATALOGUE_IDS) {
      const row = rows.get(id);
      expect(row, `README: no row for ${id}`).toBeDefined();
      const [, zh, en, severity, formats, status] = row!;
      const rule = rules.find((r) => r.spec === id);
      if (rule) {
        expect(status, `README ${id}`).toBe('implemented');
        expect(zh, `README ${id}: 中文`).toBe(rule.title.zh);
        expect(en, `README ${id}: English`).toBe(rule.title.en);
        expect(severity, `README ${id}: severity`).toContain(rule.severity);
        expect(formats, `README ${id}: formats`).toBe(rule.formats.join(', '));
      } else if (id in IMPLEMENTED_ELSEWHERE) {
        expect(status, `README ${id}`).toBe(`implemented elsewhere: \`${IMPLEMENTED_ELSEWHERE[id]}\``);
      } else {
        expect(status, `README ${id}`).toBe(`not implemented: ${NOT_IMPLEMENTED[id]}`);
      }
    }
    expect([...rows.keys()].filter((id) => !(CATALOGUE_IDS as readonly string[]).includes(id))).toEqual([]);
  });
});
