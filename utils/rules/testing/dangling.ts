import { inferT3 } from '../../audit/infer';
import type { Finding } from '../../audit/result';
import { type ReportModel, TABLE_IDS } from '../../report/model';
import { getCell } from '../lib/cells';

// What a property test holds every finding to (issue 11): it points only at cells and paragraphs
// that exist in the model the rules saw (its table cells as T3 inference completed them).

/** The addresses and sentence paragraph of `findings` that are not in `model`, as "RULE: address". */
export function danglingTargets(model: ReportModel, findings: readonly Finding[]): string[] {
  const inferred = inferT3(model).model;
  const paragraphs = new Set(model.paragraphs.map((p) => p.id));
  const dangling = (address: string): boolean => {
    const [table, id] = address.split('/');
    if (table === 'paragraph') return !paragraphs.has(id ?? '');
    if ((TABLE_IDS as readonly string[]).includes(table ?? '')) return !getCell(inferred, address);
    return true;
  };
  return findings.flatMap((f) => [
    ...f.cells.filter(dangling).map((c) => `${f.rule}: ${c}`),
    ...(f.sentence && !paragraphs.has(f.sentence.paragraph)
      ? [`${f.rule}: sentence of ${f.sentence.paragraph}`]
      : []),
  ]);
}
