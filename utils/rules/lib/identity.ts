import type { Localized } from '../../audit/result';
import type { ReportModel } from '../../report/model';
import type { Evaluation } from '../types';
import { labelsOf, loc, sumOf } from './cells';

// The shape every "parts add up to a total" check shares: read both sides, say 'uncertain' when a
// number is missing, 'pass' when they agree, 'fail' with the arithmetic otherwise.

/** Message every arithmetic rule carries for a side it cannot read. */
export const UNREADABLE: Localized = {
  zh: '无法判定：{cells}未能读出',
  en: 'Cannot be judged: {cells} could not be read',
};

export interface IdentitySpec {
  place: string;
  /** left-hand side addresses (summed) */
  lhs: readonly string[];
  /** right-hand side addresses (summed) */
  rhs: readonly string[];
  messageId: string;
  /** extra message data; gets lhs, rhs, diff added */
  data?: (lhs: number, rhs: number) => Record<string, string | number>;
}

export function checkIdentity(model: ReportModel, spec: IdentitySpec): Evaluation {
  const cells = [...spec.lhs, ...spec.rhs];
  const l = sumOf(model, spec.lhs);
  const r = sumOf(model, spec.rhs);
  const unknown = [...l.unknown, ...r.unknown];
  if (unknown.length) {
    return {
      outcome: 'uncertain',
      messageId: 'unreadable',
      data: loc('cells', labelsOf(model, unknown)),
      cells,
      place: spec.place,
    };
  }
  if (l.value === r.value) return { outcome: 'pass', place: spec.place };
  return {
    outcome: 'fail',
    messageId: spec.messageId,
    data: { lhs: l.value, rhs: r.value, diff: Math.abs(l.value - r.value), ...spec.data?.(l.value, r.value) },
    cells,
    expected: l.value,
    actual: r.value,
    place: spec.place,
  };
}
