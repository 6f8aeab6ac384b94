import { describe, expect, it } from 'vitest';
import {
  coveredByBuiltIn,
  onPublicSuffix,
  patternHost,
  readSettings,
  resolveLang,
  sitePattern,
} from './settings';

describe('sitePattern', () => {
  it.each([
    ['www.example.org', '*://www.example.org/*'],
    ['  WWW.Example.ORG  ', '*://www.example.org/*'],
    ['https://www.example.org/nianbao/2023.html?x=1#y', '*://www.example.org/*'],
    ['http://news.example.org:8080/a', '*://news.example.org/*'],
    ['*.example.org', '*://*.example.org/*'],
    ['*://*.example.org/*', '*://*.example.org/*'],
    ['example.org/path/page.html', '*://example.org/*'],
    ['localhost', '*://localhost/*'],
  ])('%s → %s', (input, pattern) => {
    expect(sitePattern(input)).toBe(pattern);
  });

  it.each(['', 'ftp://example.org', 'not a host', 'exa mple.org', 'https://', '*.*.org'])(
    'rejects %j',
    (input) => {
      expect(sitePattern(input)).toBeNull();
    },
  );

  it('knows what the built-in *.gov.cn match covers', () => {
    expect(coveredByBuiltIn('*://www.beijing.gov.cn/*')).toBe(true);
    expect(coveredByBuiltIn('*://*.gov.cn/*')).toBe(true);
    expect(coveredByBuiltIn('*://www.example.org/*')).toBe(false);
    expect(coveredByBuiltIn('*://gov.cn.example.org/*')).toBe(false);
    expect(patternHost('*://*.example.org/*')).toBe('*.example.org');
  });
});

describe('settings', () => {
  it('falls back to the defaults field by field', () => {
    expect(readSettings(undefined)).toEqual({ lang: 'auto', sites: [], showNotes: false });
    expect(readSettings({ lang: 'fr', sites: 'x', showNotes: 'yes' })).toEqual({
      lang: 'auto',
      sites: [],
      showNotes: false,
    });
    expect(readSettings({ lang: 'en', sites: ['*://a.org/*', 3, 'junk'], showNotes: true })).toEqual({
      lang: 'en',
      sites: ['*://a.org/*'],
      showNotes: true,
    });
  });

  it('speaks Chinese unless told otherwise, or the browser is not Chinese', () => {
    expect(resolveLang('auto', 'zh-CN')).toBe('zh');
    expect(resolveLang('auto', 'zh-TW')).toBe('zh');
    expect(resolveLang('auto', 'zh')).toBe('zh');
    expect(resolveLang('auto', 'en-US')).toBe('en');
    expect(resolveLang('auto', 'fr')).toBe('en');
    expect(resolveLang('auto', undefined)).toBe('zh');
    expect(resolveLang('zh', 'en-US')).toBe('zh');
    expect(resolveLang('en', 'zh-CN')).toBe('en');
  });
});

describe('onPublicSuffix', () => {
  it.each([
    '*.com',
    '*.cn',
    '*.org',
    '*.xn--fiqs8s', // .中国
    '*.com.cn',
    '*.net.cn',
    '*.org.cn',
    '*.edu.cn',
    '*.gov.cn',
    '*.bj.cn',
    '*.gd.cn',
    '*.co.uk',
    '*.com.hk',
    '*.gov.uk',
    '*.co.jp',
    '*.gob.mx',
  ])('refuses %s: a wildcard over a public suffix', (host) => {
    const pattern = sitePattern(host);
    expect(pattern).toBe(`*://${host}/*`);
    expect(onPublicSuffix(pattern!)).toBe(true);
  });

  it.each([
    '*.example.com',
    '*.example.com.cn',
    '*.nbd.bj.cn',
    'www.example.org',
    'com.cn', // one host named so: it matches that host alone
    '*.example.cn',
    '*.mofcom.cn', // a body's own domain under .cn
    '*.sz.gov.cn',
  ])('accepts %s: one site and its subdomains', (host) => {
    expect(onPublicSuffix(sitePattern(host)!)).toBe(false);
  });

  it('drops stored patterns over a public suffix when reading the settings', () => {
    expect(readSettings({ sites: ['*://*.com/*', '*://*.example.com/*', '*://*.com.cn/*'] }).sites).toEqual([
      '*://*.example.com/*',
    ]);
  });
});
