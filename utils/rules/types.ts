import type { Localized, Severity } from '../audit/result';
import type { Format, ReportModel } from '../report/model';

// A rule is metadata plus a pure function over the model (the ESLint / axe-core shape):
// it never touches the DOM, so the same rule runs in the page, in the popup and on Node.

export interface Rule {
  /** rule id; the rule's file is utils/rules/<id lower-cased>.ts */
  id: string;
  /** catalogue id of report-formats.md §5 */
  spec: string;
  /** severity of a fail unless an evaluation says otherwise */
  severity: Severity;
  formats: readonly Format[];
  title: Localized;
  description: Localized;
  /** message templates with {placeholders}, keyed by message id */
  messages: Record<string, Localized>;
  /**
   * The rule reports on the cell flags themselves (blank, missing, garbled…): its fails are not
   * turned into 'uncertain' because a cell involved is a guess (run.ts, "never an error on a guess").
   */
  reportsOnFlags?: boolean;
  /**
   * The rule judges the report year (the period, the format, the citations or the deadline of that
   * year): when no title gave the year and it was read from the body, its fails are 'uncertain'.
   */
  judgesYear?: boolean;
  evaluate(model: ReportModel): Evaluation[];
}

export type Evaluation = Passed | Flagged;

export interface Passed {
  outcome: 'pass' | 'notApplicable';
  /**
   * where the rule applied, e.g. a column key, when that costs nothing to say. Only a finding's place
   * is ever read (its fingerprint), so a text rule makes a sentence's place (the sentence keyed,
   * numbers masked) only when it flags one: `const place = () => claimPlace(model, c)`.
   */
  place?: string;
}

export interface Flagged {
  outcome: 'fail' | 'uncertain';
  messageId: string;
  data?: Record<string, string | number>;
  /** semantic addresses of every cell involved */
  cells: string[];
  severity?: Severity;
  sentence?: { paragraph: string; text: string };
  expected?: number;
  actual?: number;
  /** where the rule applied; with the rule id it makes the finding's fingerprint */
  place: string;
}
