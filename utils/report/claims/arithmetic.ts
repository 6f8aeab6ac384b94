import type { TextNumber } from '../model';
import { isCount, type NumberToken, type Span, toTextNumber } from '../text-numbers';
import {
  type Ctx,
  clauseAt,
  clausesIn,
  closedParens,
  emit,
  exact,
  labelBefore,
  lastNumberBefore,
  matchesOf,
  num,
  numbersIn,
  sentenceIndexAt,
  spanHolding,
} from './context';
import { eachItem, looksComplete, majorityUnit, type Part, readParts } from './lists';

// Arithmetic in the text (ARI-01…04): a total with the list of its parts, rates and shares, and
// "received N, completed a, pending b" triples.

/** The words that open a list of parts, and how sure the list is a breakdown of the total before it. */
const LIST_MARKERS = /其中|涉及|具体包括|包括|具体为|分别为|分别是/g;
/** A count then 中: "12件申请中：" opens a list as 其中 does. */
const COUNT_THEN_ZHONG = /\d+(?:个|件|条|项)[^,;:。\d]{0,8}中:/g;
const LIST_OPENING = /\d+(?:个|件|条|项)[^,;:。\d]{0,8}中:|其中/g;
/** A word every list marker holds (LIST_MARKERS' words, COUNT_THEN_ZHONG's 中:), sought in the paragraph first. */
const MAY_HAVE_MARKER = /其中|涉及|包括|具体为|分别|中:/;
/** The marker patterns, for the property test that holds the gate to them. */
export const MARKER_PATTERNS = { LIST_MARKERS, COUNT_THEN_ZHONG, MAY_HAVE_MARKER } as const;

interface Marker {
  pos: number;
  len: number;
  form: '其中' | '中' | '涉及' | '包括' | '分别为';
}

/** The list markers of a sentence; 涉及/包括/分别为 only right after a figure ("共计86件，涉及…"). */
function markersOf(ctx: Ctx, s: Span): Marker[] {
  const t = ctx.t;
  const text = t.slice(s.start, s.end);
  const out: Marker[] = [];
  for (const m of matchesOf(LIST_MARKERS, text)) {
    const pos = s.start + m.index;
    if (m[0] === '其中') {
      out.push({ pos, len: 2, form: '其中' });
      continue;
    }
    const before = numbersIn(ctx, Math.max(s.start, pos - 24), pos);
    const last = before[before.length - 1];
    if (!last || !/^[,:]?$/.test(t.slice(last.end, pos))) continue;
    const form = m[0].startsWith('分别') || m[0] === '具体为' ? '分别为' : m[0] === '涉及' ? '涉及' : '包括';
    out.push({ pos, len: m[0].length, form });
  }
  if (text.includes('中:'))
    for (const m of matchesOf(COUNT_THEN_ZHONG, text)) {
      if (m[0].endsWith('其中:')) continue;
      out.push({ pos: s.start + m.index + m[0].length - 2, len: 2, form: '中' });
    }
  return out.sort((a, b) => a.pos - b.pos);
}

function emitTotal(
  ctx: Ctx,
  total: NumberToken,
  totalLabel: string,
  parts: Part[],
  spanStart: number,
  spanEnd: number,
  nextSentence: Span | undefined,
  qualifiers: string[],
): void {
  const numbers: Record<string, TextNumber> = { total: toTextNumber(total) };
  parts.forEach((p, i) => {
    numbers[`part${i + 1}:${p.label}`] = toTextNumber(p.tok);
  });
  let end = spanEnd;
  // 同时/另/此外 + a figure of the same unit right after the list (ARI-01 (3))
  if (nextSentence && qualifiers.includes('其中')) {
    const [first] = clausesIn(ctx, nextSentence);
    const lead = first ? ctx.t.slice(first.start, first.end) : '';
    if (first && /^(?:同时|另外|另|此外)/.test(lead)) {
      const tok = numbersIn(ctx, first.start, first.end).find((x) => isCount(x) && x.unit === total.unit);
      if (tok) {
        numbers[`extra:${labelBefore(ctx.t, first.start, tok.start)}`] = toTextNumber(tok);
        end = first.end;
      }
    }
  }
  emit(ctx, 'totalWithParts', { start: spanStart, end }, numbers, {
    ...(totalLabel ? { subject: totalLabel } : {}),
    qualifiers: [...qualifiers, ...(parts.length === 1 ? ['subset'] : [])],
  });
}

function itemStart(ctx: Ctx, pos: number): number {
  const clause = clauseAt(ctx, pos);
  const before = ctx.t.slice(Math.max(clause.start, pos - 200), pos);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'));
  return cut >= 0 ? pos - before.length + cut + 1 : Math.max(clause.start, pos - 200);
}

const totalLabelOf = (ctx: Ctx, total: NumberToken): string =>
  labelBefore(ctx.t, clauseAt(ctx, total.start).start, total.start).replace(/^.*共(?:计)?/, '');

export function totals(ctx: Ctx): void {
  const t = ctx.t;
  const mayList = MAY_HAVE_MARKER.test(t);
  // without a list marker, only a 共 figure makes a total (below)
  if (!mayList && !t.includes('共')) return;
  ctx.sentences.forEach((s, si) => {
    const next = ctx.sentences[si + 1];
    const markers = mayList ? markersOf(ctx, s) : [];
    const parens = markers.length > 0 ? closedParens(t, s.start, s.end) : [];
    markers.forEach((mk, mi) => {
      const listFrom = mk.pos + mk.len;
      const listTo = markers[mi + 1]?.pos ?? s.end;
      // the total: the last figure before the marker that is not inside a parenthesis closed
      // before it (办结1191件(含上年结转189件),其中… : 1191, never 189)
      let total = lastNumberBefore(ctx, s.start, mk.pos, (x) => {
        if (!isCount(x)) return false;
        const p = spanHolding(parens, x.start);
        return !p || p.end > mk.pos;
      });
      let unit: string | undefined;
      let spanStart = s.start;
      if (total) {
        unit = mk.form === '中' ? majorityUnit(ctx, listFrom, listTo) : total.unit;
        spanStart = itemStart(ctx, total.start);
      } else if (mk.form === '其中' && si > 0) {
        // 其中 opens the sentence: the total is the last figure of the previous one with the parts' unit
        unit = majorityUnit(ctx, listFrom, listTo);
        const prev = ctx.sentences[si - 1]!;
        const cands = numbersIn(ctx, prev.start, prev.end).filter((x) => isCount(x) && x.unit === unit);
        total = cands[cands.length - 1];
        if (total) spanStart = itemStart(ctx, total.start);
      }
      if (!total || !unit) return;
      const totalClause = t.slice(clauseAt(ctx, total.start).start, total.start);
      const read = readParts(ctx, listFrom, listTo, unit, totalClause);
      let { parts } = read;
      const { end } = read;
      if (parts.length === 0) return;
      const shares = /占比?\d/.test(t.slice(listFrom, end));
      if (shares) {
        // a breakdown with shares: the items that carry a share (figures after it are other matters)
        const withShare = parts.filter((p, i) =>
          /占比?\d/.test(t.slice(p.tok.end, parts[i + 1]?.tok.start ?? listTo)),
        );
        if (withShare.length >= 2) parts = withShare;
      }
      const complete = looksComplete(
        parts.map((p) => p.label),
        mk.form,
      );
      emitTotal(ctx, total, totalLabelOf(ctx, total), parts, spanStart, end, next, [
        mk.form,
        ...(shares ? ['shares'] : []),
        ...(complete ? ['complete'] : []),
      ]);
    });

    // 共 T 条, …等各类信息 M 条 (no 其中): a subset, checked as part ≤ total
    if (markers.length === 0) {
      const text = t.slice(s.start, s.end);
      const m = /共(?:计)?[^,;。\d]{0,20}?(\d)/.exec(text);
      if (!m) return;
      const total = numbersIn(ctx, s.start + m.index, s.end).find(isCount);
      if (!total?.unit) return;
      for (const it of eachItem(t, total.end, s.end)) {
        const idx = t.slice(it.start, it.end).indexOf('等');
        if (idx < 0) continue;
        const tok = numbersIn(ctx, it.start + idx + 1, it.end).find(
          (x) => isCount(x) && x.unit === total.unit,
        );
        if (!tok) continue;
        const part: Part = { tok, label: labelBefore(t, it.start, tok.start), end: it.end };
        emitTotal(
          ctx,
          total,
          totalLabelOf(ctx, total),
          [part],
          clauseAt(ctx, total.start).start,
          it.end,
          undefined,
          ['等'],
        );
        break;
      }
    }
  });
}

// ── Rates and shares (ARI-02, ARI-03) ─────────────────────────────────────────

/** A share of a sentence: its percentage, the decimals it shows, and its numerator. */
interface Share {
  numerator: NumberToken;
  percent: TextNumber;
  decimals: number;
}

/** Does the share's p% equal 100·a/b rounded or truncated to the decimals p shows? (exact figures only) */
function explains({ percent: p, numerator: a, decimals: d }: Share, b: NumberToken): boolean {
  if (a.range || b.range || b.value <= 0) return false;
  const r = (100 * a.value) / b.value;
  if (Math.abs(r - p.value) <= 0.5 * 10 ** -d + 1e-9) return true;
  const f = 10 ** d;
  return Math.floor(r * f + 1e-9) / f === p.value;
}

const SHARE_RE = /(率|占比|占)(?:为|达到|达|是|约)?(\d+(?:\.\d+)?)%/g;
/** How many figures back a rate looks for its numerator, denominator and alternatives. */
const LOOK_BACK = 64;

/** Up to LOOK_BACK count figures of [from, pos), in text order (the nearest ones). */
function countsBefore(ctx: Ctx, from: number, pos: number): NumberToken[] {
  const out: NumberToken[] = [];
  let seen = 0;
  lastNumberBefore(ctx, from, pos, (x) => {
    if (isCount(x)) out.push(x);
    return ++seen >= LOOK_BACK;
  });
  return out.reverse();
}

interface SentenceFacts {
  /** the first count after the sentence's first 共 */
  gongTotal: NumberToken | undefined;
  /** ends of the list markers (其中 / "N 个 X 中:") of the sentence, in order */
  markerEnds: number[];
  /** the sentence's shares with their numerators, in order */
  shares: Share[];
}

export function rates(ctx: Ctx): void {
  const t = ctx.t;
  // every rate is written with %: most paragraphs have none
  if (!t.includes('%')) return;
  const facts = new Map<number, SentenceFacts>();
  const factsOf = (si: number): SentenceFacts => {
    let f = facts.get(si);
    if (!f) {
      const s = ctx.sentences[si]!;
      const text = t.slice(s.start, s.end);
      const gong = text.indexOf('共');
      const gongTotal =
        gong >= 0
          ? numbersIn(ctx, s.start + gong, Math.min(s.end, s.start + gong + 200)).find(isCount)
          : undefined;
      const markerEnds = matchesOf(LIST_OPENING, text).map((m) => s.start + m.index + m[0].length);
      f = { gongTotal, markerEnds, shares: [] };
      facts.set(si, f);
    }
    return f;
  };
  // the counts of a whole sentence, asked of the sentence before each of its rates' sentences
  const sentenceCounts = new Map<number, NumberToken[]>();
  const countsOfSentence = (si: number): NumberToken[] => {
    let counts = sentenceCounts.get(si);
    if (!counts) {
      const s = ctx.sentences[si]!;
      counts = countsBefore(ctx, s.start, s.end);
      sentenceCounts.set(si, counts);
    }
    return counts;
  };
  const matches: RegExpExecArray[] = [];
  SHARE_RE.lastIndex = 0;
  for (let m = SHARE_RE.exec(t); m; m = SHARE_RE.exec(t)) matches.push(m);
  // the shares of each sentence with their numerators, so a share's base can be the one that
  // explains its siblings (L6: four shares of 答复 805 in a row, not of 受理 859)
  for (const m of matches) {
    if (m[1] === '率') continue;
    const si = sentenceIndexAt(ctx, m.index);
    const s = ctx.sentences[si];
    if (!s) continue;
    const numerator = lastNumberBefore(
      ctx,
      Math.max(s.start, clauseAt(ctx, m.index).start - 12),
      m.index,
      isCount,
      LOOK_BACK,
    );
    if (numerator)
      factsOf(si).shares.push({
        numerator,
        percent: exact(`${m[2]}%`, Number(m[2]), '%'),
        // counted once: each share is tried against every base of its siblings
        decimals: m[2]!.length - (m[2]!.indexOf('.') + 1 || m[2]!.length),
      });
  }

  for (const m of matches) {
    const si = sentenceIndexAt(ctx, m.index);
    const s = ctx.sentences[si];
    if (!s) continue;
    const clause = clauseAt(ctx, m.index);
    const percent = exact(`${m[2]}%`, Number(m[2]), '%');
    const numbers: Record<string, TextNumber> = { percent };
    const counts = countsBefore(ctx, s.start, m.index);
    const prev = ctx.sentences[si - 1];
    const prevCounts = prev ? countsOfSentence(si - 1) : [];
    const opensWithQizhong = t.startsWith('其中', s.start);
    if (m[1] !== '率') {
      // 占比: the count just before it; the stated total of the sentence
      const numerator = counts[counts.length - 1];
      if (!numerator || numerator.end < clause.start - 12) continue;
      const here = factsOf(si);
      // the total of the list the share belongs to: before 其中 / "N 个 X 中:", else a 共 figure
      let denominator: NumberToken | undefined;
      let markerEnd = -1;
      for (const e of here.markerEnds) if (e <= m.index) markerEnd = e;
      if (markerEnd >= 0)
        denominator = lastNumberBefore(
          ctx,
          s.start,
          markerEnd,
          (x) => isCount(x) && x !== numerator,
          LOOK_BACK,
        );
      if (!denominator && here.gongTotal && here.gongTotal.start < m.index && here.gongTotal !== numerator)
        denominator = here.gongTotal;
      if (!denominator && prev) denominator = factsOf(si - 1).gongTotal;
      // other totals the share may be of, nearest first, for ARI-02 to try
      const alts: NumberToken[] = [];
      for (const x of [...counts.slice().reverse(), ...prevCounts.slice().reverse()]) {
        if (alts.length >= 8) break;
        if (x === numerator || x === denominator || x.value < numerator.value) continue;
        if (/^[,(]?占/.test(t.slice(x.end, x.end + 3))) continue; // another category of the list
        if (denominator && x.value === denominator.value) continue;
        if (alts.some((a) => a.value === x.value)) continue;
        alts.push(x);
      }
      // prefer the base that explains the sibling shares of the sentence (the nearest ones)
      const k = here.shares.findIndex((x) => x.numerator === numerator);
      const sibs = here.shares
        .slice(Math.max(0, k - 6), k < 0 ? 12 : k + 7)
        .filter((x) => x.numerator !== numerator);
      if (sibs.length > 0) {
        const score = (d: NumberToken | undefined) => (d ? sibs.filter((x) => explains(x, d)).length : -1);
        let best = denominator;
        let bestScore = score(denominator);
        for (const a of alts) {
          const sc = score(a);
          if (sc > bestScore) {
            best = a;
            bestScore = sc;
          }
        }
        if (best && best !== denominator) {
          alts.splice(alts.indexOf(best), 1);
          if (denominator) alts.unshift(denominator);
          denominator = best;
        }
      }
      alts.forEach((x, i) => {
        numbers[`altden${i + 1}`] = toTextNumber(x);
      });
      numbers.numerator = toTextNumber(numerator);
      if (denominator && denominator !== numerator) numbers.denominator = toTextNumber(denominator);
      const label = labelBefore(t, clauseAt(ctx, numerator.start).start, numerator.start);
      emit(ctx, 'rate', { start: clauseAt(ctx, numerator.start).start, end: clause.end }, numbers, {
        subject: '占比',
        qualifiers: [`label:${label}`],
      });
      continue;
    }
    // X率: the name is up to 4 CJK chars before 率
    const head = /[\u4e00-\u9fff]{1,4}$/.exec(t.slice(Math.max(s.start, m.index - 4), m.index));
    const stem = head?.[0] ?? '';
    const name = `${stem}率`;
    const stemHit = (x: NumberToken) => {
      const lead = t.slice(Math.max(s.start, x.start - 6), x.start);
      for (let k = stem.length; k >= 2; k--) if (lead.endsWith(stem.slice(-k))) return true;
      return false;
    };
    let numerator: NumberToken | undefined;
    for (let k = counts.length - 1; k >= 0 && !numerator; k--) if (stemHit(counts[k]!)) numerator = counts[k];
    if (numerator) {
      const num0 = numerator;
      numbers.numerator = toTextNumber(num0);
      const pool = opensWithQizhong || counts.every((x) => x === num0) ? prevCounts : counts;
      const sameUnit = pool.filter((x) => x !== num0 && x.unit === num0.unit && x.value >= num0.value);
      const gong = sameUnit.find((x) => /共|收到|受理|总/.test(t.slice(Math.max(0, x.start - 8), x.start)));
      const denominator = gong ?? sameUnit[0];
      if (denominator) numbers.denominator = toTextNumber(denominator);
      let k = 1;
      for (const x of [...counts, ...(pool === prevCounts ? prevCounts : [])]) {
        if (k > 8) break;
        if (x === num0 || x === denominator || x.unit !== num0.unit) continue;
        numbers[`alt${k++}`] = toTextNumber(x);
      }
    }
    emit(ctx, 'rate', clause, numbers, { subject: name });
  }
}

// ── Process triples (ARI-04) ──────────────────────────────────────────────────

/** A word of completing that every process triple holds, looked for in the paragraph first. */
const COMPLETED = /办结|办理完毕|答复|完成/;

export function processTriples(ctx: Ctx): void {
  if (!COMPLETED.test(ctx.t)) return;
  // received N(件申请), (an adverb such as 及时依法依规) completed a, pending b — the pending figure
  // before or after its word ("结转下年度1件" / "1件结转下年度继续办理")
  const re =
    /(?:受理|收到|接收|办理|交办|接到)[^,;。]*?(\d+)(件|个|条|起|次)(?:申请)?,[^,;。\d]{0,8}?(?:已)?(?:办结|办理完毕|答复|完成)(\d+)(件|个|条|起|次)?,(?:(?:正在办理|正在处理|办理中|未办结|尚未办结|在办|结转(?:下年度?)?)(\d+)(件|个|条|起|次)?|(\d+)(件|个|条|起|次)(?:申请)?(?:结转|转入|顺延|正在办理|正在处理|尚未办结|未办结|在办))/g;
  for (const s of ctx.sentences) {
    const text = ctx.t.slice(s.start, s.end);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const u = m[2];
      emit(
        ctx,
        'processTriple',
        {
          start: clauseAt(ctx, s.start + m.index).start,
          end: clauseAt(ctx, s.start + m.index + m[0].length - 1).end,
        },
        {
          received: num(m[1]!, u),
          completed: num(m[3]!, m[4] ?? u),
          pending: num(m[5] ?? m[7]!, m[6] ?? m[8] ?? u),
        },
      );
    }
  }
}
