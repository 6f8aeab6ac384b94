import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { showHtml } from './show-html';

describe('showHtml', () => {
  it('moves the body into the viewer: the same nodes, so the element map still points at them', () => {
    const doc = documentFromHtml(
      '<body><p id="a">一、总体情况</p><table><tr><td id="c">5</td></tr></table></body>',
    );
    const cell = doc.getElementById('c')!;
    const container = document.createElement('div');
    showHtml(container, doc);
    expect(container.querySelector('article.html-doc td')?.textContent).toBe('5');
    expect(cell.ownerDocument).toBe(document);
    expect(container.contains(cell)).toBe(true);
  });

  it('drops scripts, handlers, remote images and frames; keeps inline pictures and web links', () => {
    const doc = documentFromHtml(
      `<body><script>alert(1)</script><p onclick="x()" style="background:url(http://t.example/x)">正文</p>
       <img src="http://tracker.example/p.gif"><img src="data:image/png;base64,AAAA"><iframe src="http://x"></iframe>
       <a href="javascript:alert(1)">x</a><a href="https://www.example.gov.cn/">portal</a></body>`,
    );
    const container = document.createElement('div');
    showHtml(container, doc);
    const html = container.innerHTML;
    expect(html).not.toMatch(/script|onclick|tracker|iframe|javascript:|url\(/);
    expect(container.querySelectorAll('img')[1]?.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    expect(container.querySelectorAll('img')[0]?.hasAttribute('src')).toBe(false);
    const link = container.querySelector('a[href^="https"]');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(container.textContent).toContain('正文');
  });
});
