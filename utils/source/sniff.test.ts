import { describe, expect, it } from 'vitest';
import { sniff } from './sniff';

// What a file is comes from its bytes; the Content-Type and the name only tell HTML from text.

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(new TextEncoder().encode(p)) : p)));

describe('sniff', () => {
  it('knows a PDF by %PDF- whatever it is called or served as', () => {
    expect(sniff(bytes('%PDF-1.7\n%âãÏÓ\n'), { contentType: 'text/html', name: 'report.htm' })).toBe('pdf');
    expect(sniff(bytes([0xef, 0xbb, 0xbf], '\n%PDF-1.4'), {})).toBe('pdf');
  });

  it('tells a DOCX from another ZIP by its word/document.xml entry', () => {
    expect(sniff(bytes([0x50, 0x4b, 0x03, 0x04], 'xxxxword/document.xml'), { name: 'a.zip' })).toBe('docx');
    expect(sniff(bytes([0x50, 0x4b, 0x03, 0x04], 'xl/workbook.xml'), { name: 'a.docx' })).toBe('zip');
  });

  it('knows Word 97 / WPS (OLE), RTF, images and binaries', () => {
    expect(sniff(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), { name: 'r.wps' })).toBe('ole');
    expect(sniff(bytes('{\\rtf1\\ansi'))).toBe('rtf');
    expect(sniff(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('image');
    expect(sniff(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image');
    expect(sniff(bytes([1, 2, 0, 3, 4]))).toBe('binary');
    expect(sniff(new Uint8Array())).toBe('empty');
  });

  it('reads markup as HTML and the rest as text, the Content-Type and name breaking the tie', () => {
    expect(sniff(bytes('<!DOCTYPE html><html><body><p>报告</p>'))).toBe('html');
    expect(sniff(bytes('某县2021年政府信息公开工作年度报告\n规章\t0\t0\t0\n'))).toBe('text');
    expect(sniff(bytes('<p>报告</p>'), { name: 'copy.txt' })).toBe('text');
    expect(sniff(bytes('报告'), { contentType: 'text/html; charset=utf-8' })).toBe('html');
    expect(sniff(bytes([0xff, 0xfe], 'a\0b\0'))).toBe('text');
  });
});
