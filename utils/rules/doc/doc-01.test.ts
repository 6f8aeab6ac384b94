import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../audit/versions';
import type { ReportModel } from '../../report/model';
import { parseReport } from '../../report/parse';
import { modelBuilder } from '../testing/model-builder';
import { reportPage, t3Row, t4Block } from '../testing/pages';
import { doc01 } from './doc-01';

// The rule tester's shape (valid: no finding; invalid: exactly these findings) for a rule over two
// models: each case is the attachment's model and the page's.

const read = (html: string): ReportModel =>
  parseReport(new DOMParser().parseFromString(html, 'text/html')).model;

const T3 = {
  ...t3Row('new', [3, 2, 0, 0, 0, 0, 5]),
  ...t3Row('r1', [3, 2, 0, 0, 0, 0, 5]),
  ...t3Row('r7', [3, 2, 0, 0, 0, 0, 5]),
};
const page = read(reportPage({ t3: T3 }));

interface Expected {
  messageId: string;
  outcome?: 'fail' | 'uncertain';
  severity?: 'error' | 'warning' | 'info';
  cells: string[];
  zh?: string;
  en?: string;
}
interface PairCase {
  name: string;
  attachment: ReportModel;
  page: ReportModel;
}

function versionsTester(valid: PairCase[], invalid: (PairCase & { errors: Expected[] })[]): void {
  describe(doc01.id, () => {
    it('has valid and invalid cases', () => {
      expect(valid.length).toBeGreaterThan(0);
      expect(invalid.length).toBeGreaterThan(0);
    });
    for (const c of valid)
      it(`valid: ${c.name}`, () => expect(compareVersions(c.attachment, c.page).findings).toEqual([]));
    for (const c of invalid)
      it(`invalid: ${c.name}`, () => {
        const { findings } = compareVersions(c.attachment, c.page);
        expect(findings.map((f) => [f.messageId, f.outcome, f.severity, [...f.cells].sort()])).toEqual(
          c.errors.map((e) => [e.messageId, e.outcome ?? 'fail', e.severity ?? 'error', [...e.cells].sort()]),
        );
        c.errors.forEach((e, i) => {
          if (e.zh) expect(findings[i]!.message.zh).toContain(e.zh);
          if (e.en) expect(findings[i]!.message.en).toContain(e.en);
        });
      });
  });
}

versionsTester(
  [
    { name: 'the same tables read twice', attachment: read(reportPage({ t3: T3 })), page },
    {
      name: 'a cell one version could not read is not compared',
      attachment: modelBuilder()
        .setRow('applications/new', { NP: 3, TOT: 5 })
        .missing('applications/new/BIZ')
        .build(),
      page: modelBuilder().setRow('applications/new', { NP: 3, BIZ: 9, TOT: 5 }).build(),
    },
    { name: 'neither version has tables', attachment: modelBuilder().build(), page: modelBuilder().build() },
  ],
  [
    {
      name: 'the attachment has one more application than the page',
      attachment: read(reportPage({ t3: { ...T3, ...t3Row('new', [3, 2, 0, 0, 0, 0, 6]) } })),
      page,
      errors: [
        {
          messageId: 'differs',
          cells: ['applications/new/TOT'],
          zh: '网页版为 5，附件版为 6（差 1）',
          en: 'the web page gives 5, the attachment 6 (off by 1)',
        },
      ],
    },
    {
      name: 'two cells of table 4 differ',
      attachment: read(reportPage({ t3: T3, t4: { ...t4Block('rev', [1, 0, 0, 0, 1]) } })),
      page: read(reportPage({ t3: T3, t4: { ...t4Block('rev', [0, 1, 0, 0, 1]) } })),
      errors: [
        { messageId: 'differs', cells: ['reviews/rev/upheld'] },
        { messageId: 'differs', cells: ['reviews/rev/corrected'] },
      ],
    },
    {
      name: 'a difference on an inferred value is uncertain, not an error',
      attachment: modelBuilder()
        .set('applications/new/TOT', 5)
        .flag('inferred', 'applications/new/TOT')
        .build(),
      page: modelBuilder().set('applications/new/TOT', 4).build(),
      errors: [
        { messageId: 'differs', outcome: 'uncertain', severity: 'warning', cells: ['applications/new/TOT'] },
      ],
    },
    {
      name: 'a table read in one version only is a note',
      attachment: modelBuilder().set('applications/new/TOT', 5).table('reviews', null).build(),
      page: modelBuilder().set('applications/new/TOT', 5).build(),
      errors: [
        {
          messageId: 'onlyInOne',
          outcome: 'uncertain',
          severity: 'info',
          cells: [],
          zh: '表四只在网页版中读到',
        },
      ],
    },
  ],
);
