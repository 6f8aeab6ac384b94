import type { Budget } from '../../budget';
import type { Claim, Paragraph, TextNumber } from '../model';
import { activeDisclosure } from './active';
import { applications, infoFees } from './applications';
import { processTriples, rates, totals } from './arithmetic';
import { makeCtx } from './context';
import { outcomes } from './outcomes';
import { citations, statisticsPeriod } from './period';
import { publishing } from './publishing';
import { reviewsAndLawsuits } from './reviews';
import { aggregationScope } from './scope';

// Claims: the figures and statements the narrative makes, read from a normalized matching copy
// (report-formats.md §4) and tied to the sentence as printed, so the TXT/ARI/FMT rules can compare
// them with the tables and with each other, and the overlay can underline them. One file per
// family of claims; each family reads the paragraph's numbers from the one list found in
// context.ts, so the cost stays linear in the text.

export { T2_SUBJECTS } from './active';
export { T4_OUTCOME_WORDS } from './reviews';

/** Read the claims of the narrative, paragraph by paragraph, in document order. */
export function extractClaims(paragraphs: Paragraph[], budget?: Budget): Claim[] {
  const out: Claim[] = [];
  for (const p of paragraphs) {
    // reading a paragraph is linear in its text: one unit per 64 characters
    budget?.tick('claims', 1 + (p.text.length >> 6));
    const ctx = makeCtx(p, out);
    // Most of a report's paragraphs state no figure (headings, measures, plans): only the families
    // that also read statements without one (no applications, all completed, no review or lawsuit,
    // no fee) look at them. The regex families need a digit; the others read the paragraph's numbers.
    const digits = /\d/.test(ctx.t);
    const numbers = ctx.tokens.length > 0;
    if (digits) {
      statisticsPeriod(ctx);
      citations(ctx);
    }
    applications(ctx);
    if (digits) outcomes(ctx);
    reviewsAndLawsuits(ctx);
    if (digits) activeDisclosure(ctx);
    infoFees(ctx);
    if (numbers) {
      publishing(ctx);
      aggregationScope(ctx);
      totals(ctx);
      rates(ctx);
      processTriples(ctx);
    }
  }
  return out;
}

/** Parts of a totalWithParts claim in order, with their labels. */
export function claimParts(c: Claim): { key: string; label: string; n: TextNumber }[] {
  return Object.entries(c.numbers)
    .filter(([k]) => k.startsWith('part'))
    .map(([k, n]) => ({ key: k, label: k.slice(k.indexOf(':') + 1), n }));
}

/** The 同时/另 figure next to a totalWithParts claim, if any. */
export function claimExtra(c: Claim): { label: string; n: TextNumber } | undefined {
  const e = Object.entries(c.numbers).find(([k]) => k.startsWith('extra:'));
  return e ? { label: e[0].slice(6), n: e[1] } : undefined;
}

/** The applicant breakdown of an applicationsReceived claim: T3 column key (LEGAL: 法人或其他组织) → figure. */
export function claimApplicants(c: Claim): { key: string; n: TextNumber }[] {
  return Object.entries(c.numbers)
    .filter(([k]) => k.startsWith('by:'))
    .map(([k, n]) => ({ key: k.slice(3), n }));
}

export { CHANNELS } from './publishing';
export { MEMBER_KINDS, type MemberKind, memberKindOf, scopeCounts } from './scope';
