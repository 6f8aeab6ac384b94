import { GROUPS, type Group, groupOf } from '@/utils/audit/group';
import type { Finding } from '@/utils/audit/result';
import { byTone, type Tone, toneOf, worstTone } from '@/utils/audit/tones';

// What the overlay draws, worked out from the audit alone (no DOM): the tone of each finding, the
// cells it marks with the worst tone on each, and the panel's groups. Pure, so tested with plain data.

export { byTone, TONES, type Tone, toneOf, worstTone } from '@/utils/audit/tones';

export interface Item {
  /** index in audit.findings: the finding's id inside the overlay */
  index: number;
  finding: Finding;
  tone: Tone;
}

export interface FindingGroup {
  group: Group;
  items: Item[];
  counts: Record<Tone, number>;
}

const zeroCounts = (): Record<Tone, number> => ({ error: 0, warning: 0, uncertain: 0, info: 0 });

/** Findings by table in report order, worst first inside a table, the audit's order otherwise. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<Group, FindingGroup>();
  findings.forEach((finding, index) => {
    const group = groupOf(finding);
    const tone = toneOf(finding);
    let g = groups.get(group);
    if (!g) {
      g = { group, items: [], counts: zeroCounts() };
      groups.set(group, g);
    }
    g.items.push({ index, finding, tone });
    g.counts[tone]++;
  });
  const out = GROUPS.flatMap((id) => groups.get(id) ?? []);
  for (const g of out) g.items.sort((a, b) => byTone(a.tone, b.tone) || a.index - b.index);
  return out;
}

export function countTones(findings: readonly Finding[]): Record<Tone, number> {
  const counts = zeroCounts();
  for (const f of findings) counts[toneOf(f)]++;
  return counts;
}

/** Errors proven on the page; the badge's policy lives in utils/audit/read-state.ts. */
export { errorCount } from '../../utils/audit/read-state';

/** One drawn mark: a cell, or a sentence of the narrative. */
export interface Mark {
  /** cell address, or `sentence/<paragraph>/<n>` */
  key: string;
  kind: 'cell' | 'sentence';
  tone: Tone;
  /** indexes into audit.findings, worst first */
  findings: number[];
  /** for cells: the value was inferred (T3-08), not read from the page */
  inferred: boolean;
  /** for sentences */
  sentence?: { paragraph: string; text: string };
}

/**
 * The marks to draw: one per distinct cell named by a finding (only cells the page shows, per
 * `has`), and one per distinct sentence. A cell named by several findings gets one mark with all
 * of them, drawn in the worst tone.
 */
export function buildMarks(
  findings: readonly Finding[],
  has: (address: string) => boolean,
  inferred: ReadonlySet<string> = new Set(),
): Mark[] {
  const marks = new Map<string, Mark>();
  const add = (key: string, index: number, make: () => Mark) => {
    let mark = marks.get(key);
    if (!mark) {
      mark = make();
      marks.set(key, mark);
    }
    if (!mark.findings.includes(index)) mark.findings.push(index);
  };
  findings.forEach((f, index) => {
    for (const address of f.cells) {
      if (!has(address)) continue;
      add(address, index, () => ({
        key: address,
        kind: 'cell',
        tone: 'info',
        findings: [],
        inferred: inferred.has(address),
      }));
    }
    if (f.sentence && has(`paragraph/${f.sentence.paragraph}`)) {
      const { paragraph, text } = f.sentence;
      add(`sentence/${paragraph}/${text}`, index, () => ({
        key: `sentence/${paragraph}/${text}`,
        kind: 'sentence',
        tone: 'info',
        findings: [],
        inferred: false,
        sentence: { paragraph, text },
      }));
    }
  });
  for (const mark of marks.values()) {
    mark.findings.sort((a, b) => byTone(toneOf(findings[a]!), toneOf(findings[b]!)) || a - b);
    mark.tone = worstTone(mark.findings.map((i) => toneOf(findings[i]!)));
  }
  return [...marks.values()];
}

/** Marks of one finding, for scrolling to it and pulsing them. */
export const marksOf = (marks: readonly Mark[], index: number): Mark[] =>
  marks.filter((m) => m.findings.includes(index));
