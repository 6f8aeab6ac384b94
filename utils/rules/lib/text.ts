import type { Claim, ClaimKind, Paragraph, ReportModel, TextNumber } from '../../report/model';
import { foldsAlone, labelKey, nfkc } from '../../report/normalize';
import {
  interval,
  normalizeText,
  printedSpan,
  readParagraph,
  splitSentences,
} from '../../report/text-numbers';
import type { Flagged } from '../types';
import { perModel } from './memo';

// What the narrative rules (TXT, ARI, FMT on text, S17-08, XDOC-01) share: the claims of the model, the
// sentence a finding underlines, approximate numbers compared as intervals, and paragraph text.

export { interval };

/**
 * Matching copy of narrative text: the label folding plus the Traditional characters narratives use,
 * spaces removed, Chinese numerals before measure words as digits. Not kept: a paragraph's key is
 * paragraphKey's (made once per paragraph), and a cache of every text keyed would outlive its audit.
 */
export const textKey = (s: string): string => labelKey(normalizeText(s));

export const claimsOf = (model: ReportModel, ...kinds: ClaimKind[]): Claim[] =>
  model.claims.filter((c) => kinds.includes(c.kind));

export const sentenceOf = (c: Pick<Claim, 'paragraph' | 'sentence'>): NonNullable<Flagged['sentence']> => ({
  paragraph: c.paragraph,
  text: c.sentence,
});

/** Stable place of a claim for fingerprints: paragraph, kind, subject and its rank among equals. */
/**
 * Where a text rule applied, for the finding's fingerprint: the sentence's own words, never the
 * paragraph's position, which shifts whenever the parser reads the page's furniture differently,
 * and never its numbers (each run of digits or Chinese numerals is one #): a verdict on a finding
 * must survive the portal correcting "收到申请12件" to "13件" (review M5).
 */
export const textPlace = (text: string): string => maskNumerals(legacyTextPlace(text));

/** A legacy text place with its numbers masked: textPlace of the same text. */
export const maskNumerals = (legacyPlace: string): string => legacyPlace.replace(NUMERALS, '#');

/** Runs of digits (with their separators) or of Chinese numerals. */
const NUMERALS = /[0-9][0-9.,，]*|[零〇一二两三四五六七八九十百千万亿]+/g;

/**
 * The place before numbers were masked (the engine up to 6c30d13): kept so a finding can name the
 * fingerprint it had then (Finding.formerFingerprint) and the log reads verdicts given under it.
 */
export const legacyTextPlace = (text: string): string => nfkc(text).replace(/\s+/g, '');

export function claimPlace(model: ReportModel, c: Claim, extra = ''): string {
  const rank = claimRanks(model).get(c) ?? 0;
  return `${textPlaceIn(model, c.sentence)}/${c.kind}/${c.subject ?? ''}/${rank}${extra ? `/${extra}` : ''}`;
}

/**
 * Each claim's rank among the model's claims of the same sentence, kind and subject, counted in one
 * pass per model: a dozen rules place every claim they read, passes included.
 */
const claimRanks = perModel((model) => {
  // sentence → kind → subject → how many seen (maps, not a joined key: sentences are long)
  const counted = new Map<string, Map<ClaimKind, Map<string | undefined, number>>>();
  const ranks = new Map<Claim, number>();
  for (const c of model.claims) {
    if (ranks.has(c)) continue;
    let kinds = counted.get(c.sentence);
    if (!kinds) {
      kinds = new Map();
      counted.set(c.sentence, kinds);
    }
    let subjects = kinds.get(c.kind);
    if (!subjects) {
      subjects = new Map();
      kinds.set(c.kind, subjects);
    }
    const rank = subjects.get(c.subject) ?? 0;
    subjects.set(c.subject, rank + 1);
    ranks.set(c, rank);
  }
  return ranks;
});

const textPlaces = perModel(() => new Map<string, string>());

/** textPlace of a sentence of this model, computed once per model and sentence (several rules place it). */
export function textPlaceIn(model: ReportModel, text: string): string {
  const known = textPlaces(model);
  let place = known.get(text);
  if (place === undefined) {
    place = textPlace(text);
    known.set(text, place);
  }
  return place;
}

export const isApprox = (n: TextNumber | undefined): boolean => !!n?.range;

/** Does the text number admit the value? Exact: equal; approximate: inside its interval. */
export function admits(n: TextNumber, v: number): boolean {
  if (n.range) return v >= n.range[0] - 1e-9 && v < n.range[1] - 1e-9;
  return Math.abs(n.value - v) < 1e-6;
}

/** The number as printed (normalized), e.g. `15800余条`, `5件`. */
export const shown = (n: TextNumber): string => n.raw;

/** Paragraph ids that are headings. */
export const headingIds = (model: ReportModel): Set<string> =>
  new Set(model.headings.map((h) => h.paragraph));

/** Narrative paragraphs: not headings. */
export const prose = (model: ReportModel): Paragraph[] => {
  const h = headingIds(model);
  return model.paragraphs.filter((p) => !h.has(p.id));
};

/**
 * The sentence (。！？；) of a paragraph that contains a pattern, as printed. The pattern is tried on
 * each sentence's matching copy. `needs`: words one of which every match contains; a clause without
 * any is skipped before the pattern (a plain search is far cheaper than a pattern that opens with
 * alternatives, which the engine tries at every position of every clause).
 */
export function sentenceMatching(
  p: Paragraph,
  re: RegExp,
  needs?: readonly string[],
): { paragraph: string; text: string } | null {
  if (needs) {
    const whole = paragraphKey(p);
    if (!needs.some((w) => whole.includes(w))) return null;
  }
  for (const { text, key } of keyedClauses(p)) {
    if (needs && !needs.some((w) => key.includes(w))) continue;
    if (re.test(key)) return { paragraph: p.id, text };
  }
  return null;
}

const KEYED = new WeakMap<Paragraph, { source: string; clauses: { text: string; key: string }[] }>();

/** A paragraph's printed clauses with their matching keys, split once per paragraph object. */
export function keyedClauses(p: Paragraph): { text: string; key: string }[] {
  const known = KEYED.get(p);
  if (known && known.source === p.text) return known.clauses;
  const clauses = clausesOfReading(p) ?? keyClauses(p.text);
  KEYED.set(p, { source: p.text, clauses });
  return clauses;
}

/** The printed clauses of a text, each normalized again for its key: what keyedClauses gives. */
export const keyClauses = (text: string): { text: string; key: string }[] =>
  printedClauses(text).map((clause) => ({ text: clause, key: textKey(clause) }));

/**
 * The clauses of the paragraph's matching copy (read once at parse for the claims), each with the
 * printed text it maps back to and the key of its piece of the copy: keyClauses without normalizing
 * every clause again. Only when every character folds alone (foldsAlone): then the copy's marks are
 * the printed text's and its clauses the printed ones, piece for piece (the property test holds the
 * two together). Else null, and the clauses are cut from the printed text.
 */
function clausesOfReading(p: Paragraph): { text: string; key: string }[] | null {
  for (let i = 0; i < p.text.length; i++) if (!foldsAlone(p.text.charCodeAt(i))) return null;
  const { n, clauses } = readParagraph(p);
  return clauses.map((c) => ({
    text: printedSpan(p.text, n, c.start, c.end),
    key: labelKey(n.text.slice(c.start, c.end)),
  }));
}

const PARAGRAPH_KEYS = new WeakMap<Paragraph, { source: string; key: string }>();

/**
 * The matching key of a whole paragraph (textKey of its text), once per paragraph object, from the
 * matching copy the claims already read it into at parse (readParagraph). Each of its clauses' keys
 * is a piece of it (the property test holds this), so a word no clause's key holds unless the
 * paragraph's does is looked for here first, and a paragraph without it is never cut into keyed
 * clauses.
 */
export function paragraphKey(p: Paragraph): string {
  const known = PARAGRAPH_KEYS.get(p);
  if (known && known.source === p.text) return known.key;
  const key = labelKey(readParagraph(p).n.text);
  PARAGRAPH_KEYS.set(p, { source: p.text, key });
  return key;
}

/**
 * Every clause of the narrative as printed, with its paragraph and matching key (split once per
 * paragraph); `mentions`: only of the paragraphs whose key it matches (see paragraphKey).
 */
export function keyedClausesOf(
  model: ReportModel,
  mentions?: RegExp,
): { sentence: { paragraph: string; text: string }; key: string }[] {
  const out: { sentence: { paragraph: string; text: string }; key: string }[] = [];
  for (const p of model.paragraphs) {
    if (mentions && !mentions.test(paragraphKey(p))) continue;
    for (const { text, key } of keyedClauses(p)) out.push({ sentence: { paragraph: p.id, text }, key });
  }
  return out;
}

/** The clauses (。！？； and line ends) of a printed text, trimmed: the project's one splitter. */
export const printedClauses = (text: string): string[] =>
  splitSentences(text, true).map((s) => text.slice(s.start, s.end));

/** The whole paragraph as the sentence of a finding (short paragraphs: headings, signatures). */
export const wholeParagraph = (p: Paragraph): { paragraph: string; text: string } => ({
  paragraph: p.id,
  text: p.text.trim(),
});

export const pct = (x: number, digits = 2): string => `${Number(x.toFixed(digits))}%`;
