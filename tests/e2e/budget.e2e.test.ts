import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch } from './harness';

// A page too large to audit on its main thread is refused with a reason, not parsed: the tab is
// never frozen by Gouji, and the refusal is a stated failure (never a ✓, never silence).

let h: Harness;
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gouji-budget-'));
  const row = `<tr>${'<td>1</td>'.repeat(20)}</tr>`;
  await writeFile(
    join(root, 'huge.html'),
    `<html><head><title>某县2023年政府信息公开工作年度报告</title></head><body>
     <h1>某县2023年政府信息公开工作年度报告</h1>
     <p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
     <table>${row.repeat(8000)}</table></body></html>`,
  );
  h = await launch({ root });
});
afterAll(async () => {
  await h?.close();
  await rm(root, { recursive: true, force: true });
});

describe('a page past the audit budget', () => {
  it('is refused with its size, not parsed, and gets no ✓', async () => {
    const page = await h.open('huge.html');
    const result = await h.waitForTabResult(page, { done: (r) => r.error !== null || r.model !== null });
    expect(result.model).toBeNull();
    expect(result.error).toContain('页面过大');
    expect(result.error).toContain('160000');
    expect(await h.badgeText(page)).not.toBe('✓');
    // The page is still the page's own: responsive, and no overlay host was added.
    expect(await page.evaluate(() => document.querySelectorAll('td').length)).toBe(160_000);
  });
});
