import type { Cell, CellFlag, Unit } from './model';
import { cleanText, fold } from './normalize';

// Reading numbers out of table cells (report-formats.md §4.5). Every reader keeps the raw
// text and says how it read it through flags; a placeholder is 0 flagged blank, never a
// silent zero, and text that is not the expected kind of number is null flagged invalid.

const ASCII_DIGITS = /^[0-9]+$/;

const PLACEHOLDER = /^(?:|[—–\-－_/／\\]+|无|空|—无—|\/?无\/?)$/;

/**
 * The matching form of a cell's text: full-width → ASCII, Traditional → Simplified (萬元, 無, 減),
 * thousands separators and spaces removed.
 */
export function numericForm(raw: string): string {
  // Most cells are plain ASCII digits, which every step below leaves as they are.
  if (ASCII_DIGITS.test(raw)) return raw;
  return fold(raw)
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^[\u2212\u2013](?=\d)/, '-')
    .replace(/(\d)[,，](?=\d{3}(?!\d))/g, '$1');
}

const cell = (raw: string, value: number | null, flags: CellFlag[] = [], unit?: Unit): Cell =>
  unit ? { raw, value, unit, flags } : { raw, value, flags };

const APPROX_BEFORE = /^(?:约|近|逾|超过|大约)/;
const APPROX_AFTER = /(?:余|多|余个|多个|左右)$/;
const AMOUNT = /^(\d+(?:\.\d+)?)(亿元|万元|元)?$/;

/** Does the cell look like a value (a number or a placeholder) rather than a label? */
export function isValueLike(raw: string): boolean {
  // most value cells are plain digits, which the number pattern below admits as they are, or empty,
  // which is a placeholder
  if (raw === '' || ASCII_DIGITS.test(raw)) return true;
  const t = numericForm(raw);
  if (PLACEHOLDER.test(t)) return true;
  return (
    /^(?:[+\-—－]|增加?|减少?|约|近)?\d+(?:\.\d+)?(?:亿元|万元|元|件|项|个|余|多)?$/.test(t) ||
    /^(?:无变化|持平)$/.test(t)
  );
}

/** Does the cell hold an actual number (not a placeholder)? */
export function hasDigits(raw: string): boolean {
  // an ASCII digit, or one NFKC makes (full-width, circled ①, superscript …); ASCII text has no other
  if (/\d/.test(raw)) return true;
  return /[^\x00-\x7f]/.test(raw) && /\d/.test(raw.normalize('NFKC'));
}

/**
 * The two commonest cells, as every reader reads them: plain ASCII digits, their number (nothing to
 * clean or fold, no placeholder, no sign, unit or mark), and an empty cell, a blank.
 */
function plainCell(rawText: string): Cell | null {
  if (rawText === '') return cell('', 0, ['blank']);
  // ASCII_DIGITS, counted by code: a cell is a character or two, and a regex call costs more
  for (let i = 0; i < rawText.length; i++) {
    const k = rawText.charCodeAt(i);
    if (k < 48 || k > 57) return null;
  }
  return cell(rawText, Number(rawText));
}

/** A count cell: a non-negative integer. */
export function readCount(rawText: string): Cell {
  const plain = plainCell(rawText);
  if (plain) return plain;
  const raw = cleanText(rawText);
  const t = numericForm(raw);
  if (PLACEHOLDER.test(t)) return cell(raw, 0, ['blank']);
  if (/^\d+$/.test(t)) return cell(raw, Number(t));
  const unitless = t.replace(/(?:件|项|个|条)$/, '');
  if (/^\d+$/.test(unitless)) return cell(raw, Number(unitless));
  const signed = /^([+\-—－])(\d+)$/.exec(unitless);
  if (signed) return cell(raw, signed[1] === '+' ? Number(signed[2]) : -Number(signed[2]), ['signed']);
  const approx = unitless.replace(APPROX_BEFORE, '').replace(APPROX_AFTER, '');
  if (approx !== unitless && /^\d+$/.test(approx)) return cell(raw, Number(approx), ['approx']);
  // A decimal or an amount in a count column is kept (VAL-01, VAL-05 need it) but marked invalid.
  const amount = AMOUNT.exec(t);
  if (amount) return cell(raw, Number(amount[1]), ['invalid'], amount[2] as Unit | undefined);
  return cell(raw, null, ['invalid']);
}

/** A signed change (本年增/减): 减 45 → −45, +3 → 3, 无变化 → 0; a bare number reads as itself. */
export function readSigned(rawText: string): Cell {
  const plain = plainCell(rawText);
  if (plain) return plain;
  const raw = cleanText(rawText);
  const t = numericForm(raw);
  if (/^(?:0|无变化|持平|不变)$/.test(t)) return cell(raw, 0);
  const up = /^(?:增加?|増加?|\+|增长)(\d+)(?:项|个|件)?$/.exec(t);
  if (up) return cell(raw, Number(up[1]), ['signed']);
  const down = /^(?:减少?|減少?|滅|-|—|－|–)(\d+)(?:项|个|件)?$/.exec(t);
  if (down) return cell(raw, -Number(down[1]), ['signed']);
  if (PLACEHOLDER.test(t)) return cell(raw, 0, ['blank']);
  const bare = /^(\d+)(?:项|个|件)?$/.exec(t);
  if (bare) return cell(raw, Number(bare[1]));
  return cell(raw, null, ['invalid']);
}

/** An amount: a decimal with an optional unit (元/万元/亿元). */
export function readAmount(rawText: string): Cell {
  const plain = plainCell(rawText);
  if (plain) return plain;
  const raw = cleanText(rawText);
  const t = numericForm(raw);
  if (PLACEHOLDER.test(t)) return cell(raw, 0, ['blank']);
  const m = AMOUNT.exec(t);
  if (m) return cell(raw, Number(m[1]), [], m[2] as Unit | undefined);
  const approx = t.replace(APPROX_BEFORE, '').replace(/(余|多|左右)(?=亿元|万元|元|$)/, '');
  const a = AMOUNT.exec(approx);
  if (approx !== t && a) return cell(raw, Number(a[1]), ['approx'], a[2] as Unit | undefined);
  return cell(raw, null, ['invalid']);
}

const WAN_FACTOR: Record<string, number> = { 元: 1e-4, 万元: 1, 亿元: 1e4 };

/**
 * The amount in 万元, for comparing amounts written in different units (cells' and the text's; any
 * other or no unit counts as 万元); null without a value. Messages print the result, so the factor
 * stays a multiplication (× 1e-4, not ÷ 10000: the two differ in the last bit).
 */
export function toWan(value: number, unit: string | undefined): number;
export function toWan(value: number | null, unit: string | undefined): number | null;
export function toWan(value: number | null, unit: string | undefined): number | null {
  if (value === null) return null;
  return value * (WAN_FACTOR[unit ?? '万元'] ?? 1);
}

/** A cell the page does not give at all (short or garbled row). */
export const missingCell = (): Cell => ({ raw: '', value: null, flags: ['missing'] });
