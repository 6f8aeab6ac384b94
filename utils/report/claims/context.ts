import type { Claim, Paragraph, TextNumber } from '../model';
import {
  findNumbers,
  type Normalized,
  type NumberToken,
  printedSpan,
  readParagraph,
  type Span,
  toTextNumber,
} from '../text-numbers';

// What every claim family reads from: one paragraph's normalized matching copy (report-formats.md
// §4), its sentences and clauses, and its numbers, each found once. Families look numbers up by
// position (a binary search and a slice of `tokens`), never by re-scanning the text, so reading a
// paragraph costs time linear in its length however many matches it has.
//
// A "sentence" is what the overlay underlines: the clause between 。！？ or line ends; a "clause"
// is cut further at ；.

export interface Ctx {
  p: Paragraph;
  n: Normalized;
  t: string;
  sentences: Span[];
  clauses: Span[];
  /** every number of `t`, in order, found once */
  tokens: NumberToken[];
  out: Claim[];
  /** the keys of this paragraph's claims so far (see emit): a family reading what another read adds nothing */
  emitted: Set<string>;
  /** the text of each clause, cut once for every family's regexes */
  clauseTexts: string[];
}

export function makeCtx(p: Paragraph, out: Claim[]): Ctx {
  const { n, sentences, clauses, tokens } = readParagraph(p);
  const clauseTexts = clauses.map((c) => n.text.slice(c.start, c.end));
  return { p, n, t: n.text, sentences, clauses, tokens, out, emitted: new Set(), clauseTexts };
}

export const exact = (raw: string, value: number, unit?: string): TextNumber => ({
  raw,
  value,
  ...(unit ? { unit } : {}),
});

/** First index i of a sorted array with key(a[i]) >= x. */
function lowerBound<T>(a: readonly T[], x: number, key: (v: T) => number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(a[mid]!) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The numbers that lie wholly inside [from, to) of the paragraph's matching copy. */
export function numbersIn(ctx: Ctx, from: number, to: number): NumberToken[] {
  const out: NumberToken[] = [];
  for (let i = lowerBound(ctx.tokens, from, (x) => x.start); i < ctx.tokens.length; i++) {
    const x = ctx.tokens[i]!;
    if (x.start >= to) break;
    if (x.end <= to) out.push(x);
  }
  return out;
}

/**
 * The last number in [from, pos) that passes `keep`, looking back from pos (no scan of the rest), and
 * at no more than `within` numbers: a family that asks once per match bounds it, or a clause of
 * thousands of figures none of which passes is read once per match.
 */
export function lastNumberBefore(
  ctx: Ctx,
  from: number,
  pos: number,
  keep: (x: NumberToken) => boolean,
  within = Number.POSITIVE_INFINITY,
): NumberToken | undefined {
  const last = lowerBound(ctx.tokens, pos, (x) => x.start) - 1;
  for (let i = last; i >= 0 && last - i < within; i--) {
    const x = ctx.tokens[i]!;
    if (x.start < from) break;
    if (x.end <= pos && keep(x)) return x;
  }
  return undefined;
}

/** The first number that starts at or after `from` (and before `to`). */
export function firstNumberFrom(ctx: Ctx, from: number, to = ctx.t.length): NumberToken | undefined {
  const x = ctx.tokens[lowerBound(ctx.tokens, from, (x) => x.start)];
  return x && x.end <= to ? x : undefined;
}

const within = (outer: Span, pos: number): boolean => pos >= outer.start && pos < outer.end;

function spanIndexAt(spans: Span[], pos: number): number {
  const i = lowerBound(spans, pos + 1, (s) => s.start) - 1;
  return i >= 0 && within(spans[i]!, pos) ? i : -1;
}

export const clauseAt = (ctx: Ctx, pos: number): Span =>
  ctx.clauses[spanIndexAt(ctx.clauses, pos)] ?? { start: pos, end: pos + 1 };
export const sentenceIndexAt = (ctx: Ctx, pos: number): number => spanIndexAt(ctx.sentences, pos);
export const sentenceAt = (ctx: Ctx, pos: number): Span | undefined =>
  ctx.sentences[sentenceIndexAt(ctx, pos)];
/** The clauses that start inside a span. */
export function clausesIn(ctx: Ctx, span: Span): Span[] {
  const out: Span[] = [];
  for (let i = lowerBound(ctx.clauses, span.start, (c) => c.start); i < ctx.clauses.length; i++) {
    const c = ctx.clauses[i]!;
    if (c.start >= span.end) break;
    out.push(c);
  }
  return out;
}

export function emit(
  ctx: Ctx,
  kind: Claim['kind'],
  span: Span,
  numbers: Record<string, TextNumber>,
  extra: { subject?: string; qualifiers?: string[] } = {},
): void {
  // The same kind, place, subject and figures is the same claim. Keyed by the place's bounds, not
  // its text, and looked up, not compared with each claim before it: a paragraph that is one long
  // clause of thousands of figures made each claim compare its whole clause with every claim
  // before it (seconds for 20 000 characters). A claim already made is not printed again.
  const key = `${kind}|${span.start}:${span.end}|${extra.subject ?? '\u0000'}|${JSON.stringify(numbers)}`;
  if (ctx.emitted.has(key)) return;
  ctx.emitted.add(key);
  ctx.out.push({
    kind,
    ...(extra.subject !== undefined ? { subject: extra.subject } : {}),
    numbers,
    qualifiers: extra.qualifiers ?? [],
    paragraph: ctx.p.id,
    sentence: printedSpan(ctx.p.text, ctx.n, span.start, span.end),
  });
}

/**
 * Run a global regex over each clause; the callback gets absolute positions. `needs` is a word every
 * match of the regex contains, or a (non-global) test every matching clause passes, written without
 * anchors or lookaround so that a clause passing it means its paragraph passes too: a paragraph
 * without it is passed over at once, and a clause without it is not searched (most paragraphs of a
 * report have nothing to do with most families, and a regex with a lookbehind is tried at every
 * position).
 */
export function eachInClauses(
  ctx: Ctx,
  re: RegExp,
  fn: (m: RegExpExecArray, clause: Span, abs: number) => void,
  needs?: string | RegExp,
): void {
  const word = typeof needs === 'string' ? needs : undefined;
  const test = typeof needs === 'string' ? undefined : needs;
  if (word !== undefined ? !ctx.t.includes(word) : test !== undefined && !test.test(ctx.t)) return;
  // one clause: the paragraph's test was the clause's
  const gated = needs !== undefined && ctx.clauses.length > 1;
  for (let i = 0; i < ctx.clauses.length; i++) {
    const s = ctx.clauseTexts[i]!;
    if (gated && (word !== undefined ? !s.includes(word) : !test!.test(s))) continue;
    const clause = ctx.clauses[i]!;
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      fn(m, clause, clause.start + m.index);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
}

/**
 * Every match of a global regex in `text`, in order: what matchAll gives, without the copy of the
 * regex matchAll makes on every call (the claims ask it of each sentence).
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** The number of a regex group (digits and their measure word), with its approximate marks. */
export const num = (raw: string, unit?: string): TextNumber => {
  const [tok] = findNumbers(raw + (unit ?? ''));
  return tok ? toTextNumber(tok) : exact(raw, Number(raw), unit);
};

/** The label of a figure: the words before it back to the last , ; : of its clause. */
export const labelBefore = (text: string, from: number, to: number): string => {
  let s = text.slice(Math.max(from, to - 64), to);
  const cut = Math.max(s.lastIndexOf(','), s.lastIndexOf(';'), s.lastIndexOf(':'));
  if (cut >= 0) s = s.slice(cut + 1);
  s = s.replace(/^[,;:、(\s]+|^(?:其中|涉及|包括|具体为|分别为)[,:]?|^(?:通过|同时|另|此外)[,]?/g, '');
  s = s.replace(/^[,;:、(\s]+/, '');
  return s.length > 16 ? `…${s.slice(-15)}` : s;
};

/**
 * The closed parentheses of text[from, to), outermost pairs only, in order. A figure inside one
 * (含上年结转189件) is an aside of its clause: never the total of a list that follows it.
 */
export function closedParens(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let open = -1;
  for (let k = from; k < to; k++) {
    const c = text[k];
    if (c === '(') {
      if (depth === 0) open = k;
      depth++;
    } else if (c === ')' && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start: open, end: k + 1 });
    }
  }
  return out;
}

/** The span of `spans` (sorted, disjoint) that holds pos, if any. */
export function spanHolding(spans: Span[], pos: number): Span | undefined {
  const i = lowerBound(spans, pos + 1, (s) => s.start) - 1;
  const s = spans[i];
  return s && pos >= s.start && pos < s.end ? s : undefined;
}
