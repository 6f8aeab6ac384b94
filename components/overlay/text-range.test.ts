import { beforeEach, describe, expect, it } from 'vitest';
import { findTextRange, squeeze } from './text-range';

// The sentence the parser gives (whitespace collapsed) found in the page's own markup, split over
// spans, line breaks and &nbsp; the way Word paste writes it.

beforeEach(() => {
  document.body.innerHTML = '';
});

const para = (html: string): HTMLElement => {
  const p = document.createElement('p');
  p.innerHTML = html;
  document.body.append(p);
  return p;
};

describe('findTextRange', () => {
  it('finds a sentence inside one text node', () => {
    const p = para('（二）依申请公开。全年共收到政府信息公开申请28件，上年结转2件；已办结25件。');
    const range = findTextRange(p, '全年共收到政府信息公开申请28件，上年结转2件；')!;
    expect(range.toString()).toBe('全年共收到政府信息公开申请28件，上年结转2件；');
    expect(range.startContainer).toBe(p.firstChild);
    expect(range.startOffset).toBe('（二）依申请公开。'.length);
  });

  it('finds it across spans, &nbsp;, ideographic spaces and line breaks', () => {
    const p = para(
      '<span style="font-family:仿宋">全年共收到</span><span>政府信息公开申请&nbsp;28</span>\n<span>件，上年结转\u30002 件；</span><span>已办结</span>',
    );
    const range = findTextRange(p, '全年共收到政府信息公开申请 28件，上年结转 2 件；')!;
    expect(range).not.toBeNull();
    expect(range.startContainer.textContent).toBe('全年共收到');
    expect(range.startOffset).toBe(0);
    expect(range.endContainer.textContent).toBe('件，上年结转\u30002 件；');
    expect(range.endOffset).toBe('件，上年结转\u30002 件；'.length);
    expect(squeeze(range.toString())).toBe(squeeze('全年共收到政府信息公开申请28件，上年结转2件；'));
  });

  it('does not change the page: no node is added or split', () => {
    const p = para('<span>甲乙</span><b>丙丁</b>');
    const before = p.innerHTML;
    findTextRange(p, '乙丙');
    expect(p.innerHTML).toBe(before);
    expect(p.childNodes.length).toBe(2);
  });

  it('skips script and style text, and zero-width characters', () => {
    const p = para('<style>.x{}</style>数\u200b字<script>var a="数字"</script>为3件');
    const range = findTextRange(p, '数字为3件')!;
    // From the text before the script to the text after it; the script's own 数字 is not a match.
    expect(range.startContainer).toBe(p.childNodes[1]);
    expect(range.startOffset).toBe(0);
    expect(range.endContainer).toBe(p.childNodes[3]);
    expect(range.endOffset).toBe('为3件'.length);
  });

  it('gives null for text that is not there, or for nothing', () => {
    const p = para('全年共收到申请28件');
    expect(findTextRange(p, '全年共收到申请29件')).toBeNull();
    expect(findTextRange(p, '  ')).toBeNull();
  });

  it('finds a later occurrence when asked', () => {
    const p = para('<span>共3件。</span><span>共3件。</span>');
    const second = findTextRange(p, '共3件。', 1)!;
    expect(second.startContainer).toBe(p.childNodes[1]!.firstChild);
    expect(findTextRange(p, '共3件。', 2)).toBeNull();
  });
});
