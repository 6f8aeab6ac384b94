import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AuditResult, Localized } from '@/utils/audit/result';
import { type Lang, t } from '@/utils/i18n';
import type { Attachment } from '@/utils/report/attachments';
import type { ReportModel } from '@/utils/report/model';
import type { ReadingRecord } from '@/utils/report/reading';
import { cellLabel } from '@/utils/rules/labels';
import { fmtNum, getCell, hasFlag } from '@/utils/rules/lib/cells';
import { FindingView, toneName } from './FindingView';
import { countTones, groupFindings, type Mark, marksOf } from './findings';
import {
  chooseDock,
  dockAwayFrom,
  hitTest,
  horizontalExtent,
  isDrawable,
  layoutViewport,
  lineRects,
  placeTooltip,
  type Rect,
  sameRects,
  toRect,
} from './geometry';
import { Panel, type PanelPlace } from './Panel';
import { PANEL_WIDTH } from './styles';
import { userOnly } from './trusted';

// The overlay: a box over every cell a finding names, an underline under every sentence it
// names, a tooltip for the mark under the mouse or keyboard focus, and the panel. Everything is
// drawn position: fixed from the live elements' client rects and re-measured (once per frame at
// most) when the page scrolls, resizes or changes. The marks take no pointer events: hovering is
// found by hit-testing the mouse position, so the page under the overlay stays fully usable.

/** Where a mark is on the page: a cell element, or a sentence's text range in its paragraph. */
/** `more`: the rest of an element continued on later pages (a PDF cell or paragraph cut by a page break). */
export type Target =
  | { kind: 'cell'; el: Element; more?: readonly Element[] }
  | { kind: 'sentence'; el: Element; range: Range | null; more?: readonly Element[] };

export interface OverlayProps {
  lang: Lang;
  model: ReportModel;
  audit: AuditResult;
  marks: readonly Mark[];
  /** mark key → live page node; owned by the content script, never messaged */
  targets: ReadonlyMap<string, Target>;
  /** inferred cell address → the inferred value */
  inferred: ReadonlyMap<string, number>;
  /** the log could not file this audit (shown in the panel) */
  logError?: Localized | null;
  /** the overlay's own host element: mouse events inside it are not hovering the page */
  host?: Element;
  /** where the panel starts; its moves are reported through onPlace (kept across hide/show) */
  place: PanelPlace;
  onPlace?(place: PanelPlace): void;
  onClose(): void;
  onReaudit(): void;
  /** the page's report files, offered for audit in the panel ("审核附件") */
  attachments?: readonly Attachment[];
  onAuditAttachment?(url: string): void;
  /** draw notes (info findings) on the page: off by default, the panel's switch turns them on */
  showNotes?: boolean;
  /** the switch was flipped: the caller remembers it in the settings */
  onShowNotes?(on: boolean): void;
  /** how the report was read, for the panel's 读取说明 view (worked out on first opening) */
  reading?: () => ReadingRecord;
  /** address → element it was read from, so the 读取说明 view can show a row or a sentence */
  elements?: ReadonlyMap<string, Element>;
}

/** Client rects of every target, keyed like the marks; a target that is not rendered gets none. */
function measure(targets: ReadonlyMap<string, Target>): Map<string, Rect[]> {
  const out = new Map<string, Rect[]>();
  for (const [key, target] of targets) {
    if (target.kind === 'cell' || !target.range) {
      const rects = [target.el, ...(target.more ?? [])].map((el) => toRect(el.getBoundingClientRect()));
      out.set(key, rects.filter(isDrawable));
    } else {
      out.set(key, lineRects(Array.from(target.range.getClientRects(), toRect)));
    }
  }
  return out;
}

function sameGeometry(a: Map<string, Rect[]>, b: Map<string, Rect[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, rects] of a) {
    const other = b.get(key);
    if (!other || !sameRects(rects, other)) return false;
  }
  return true;
}

/** Live geometry of the targets, re-measured at most once per animation frame. */
function useGeometry(targets: ReadonlyMap<string, Target>): Map<string, Rect[]> {
  const [geometry, setGeometry] = useState(() => measure(targets));
  useEffect(() => {
    // Nothing to follow (no spot marked): no listeners either.
    if (targets.size === 0) {
      setGeometry((prev) => (prev.size === 0 ? prev : new Map()));
      return;
    }
    let frame = 0;
    const update = () => {
      frame = 0;
      const next = measure(targets);
      setGeometry((prev) => (sameGeometry(prev, next) ? prev : next));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    // Capture: scrolling containers inside the page do not bubble their scroll to window.
    const opts = { capture: true, passive: true } as const;
    window.addEventListener('scroll', schedule, opts);
    window.addEventListener('resize', schedule, opts);
    const resize = new ResizeObserver(schedule);
    resize.observe(document.documentElement);
    if (document.body) resize.observe(document.body);
    for (const target of targets.values()) resize.observe(target.el);
    // Content that moves without resizing anything we watch (a banner closing above the table).
    const mutations = new MutationObserver(schedule);
    mutations.observe(document.body ?? document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    document.fonts?.addEventListener('loadingdone', schedule);
    schedule();
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, opts);
      window.removeEventListener('resize', schedule, opts);
      resize.disconnect();
      mutations.disconnect();
      document.fonts?.removeEventListener('loadingdone', schedule);
    };
  }, [targets]);
  return geometry;
}

/** The mark under the mouse, from the page's mouse moves (the marks themselves take no events). */
function useHover(marks: readonly Mark[], geometry: Map<string, Rect[]>, host?: Element): string | null {
  const [hover, setHover] = useState<string | null>(null);
  const latest = useRef({ marks, geometry });
  latest.current = { marks, geometry };
  const point = useRef<{ x: number; y: number } | null>(null);

  const test = useCallback(() => {
    const p = point.current;
    if (!p) return setHover(null);
    const { marks, geometry } = latest.current;
    const hit = hitTest(
      marks.map((m) => ({ key: m.key, rects: geometry.get(m.key) ?? [] })),
      p,
    );
    setHover(hit?.key ?? null);
  }, []);

  useEffect(() => {
    let frame = 0;
    const onMove = (e: MouseEvent) => {
      // Over the panel or the tooltip: not over the page.
      point.current = host && e.composedPath().includes(host) ? null : { x: e.clientX, y: e.clientY };
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          test();
        });
    };
    const onLeave = (e: MouseEvent) => {
      if (e.relatedTarget) return;
      point.current = null;
      test();
    };
    const opts = { capture: true, passive: true } as const;
    document.addEventListener('mousemove', onMove, opts);
    document.addEventListener('mouseout', onLeave, opts);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      document.removeEventListener('mousemove', onMove, opts);
      document.removeEventListener('mouseout', onLeave, opts);
    };
  }, [host, test]);

  // The page scrolled under a still mouse: what is under it changed.
  useEffect(() => {
    if (point.current) test();
  }, [geometry, test]);
  return hover;
}

function markLabel(mark: Mark, model: ReportModel, lang: Lang): string {
  const n = mark.findings.length;
  const tone = toneName(mark.tone, lang);
  if (mark.kind === 'sentence') {
    const text = mark.sentence?.text ?? '';
    return t('overlay.sentenceMark', lang, {
      text: text.length > 40 ? `${text.slice(0, 40)}…` : text,
      n,
      tone,
    });
  }
  return t('overlay.cellMark', lang, { cell: cellLabel(mark.key, model.legacyRows)[lang], n, tone });
}

function Tooltip({
  mark,
  anchor,
  props,
}: {
  mark: Mark;
  anchor: Rect;
  props: Pick<OverlayProps, 'lang' | 'model' | 'audit' | 'inferred' | 'targets'>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { lang, model, audit, inferred, targets } = props;
  // Placed after it is laid out: its size decides above or below.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const pos = placeTooltip(
      anchor,
      { width: el.offsetWidth, height: el.offsetHeight },
      layoutViewport(document),
    );
    el.style.left = `${pos.left}px`;
    el.style.top = `${pos.top}px`;
  });
  const heading =
    mark.kind === 'sentence' ? t('overlay.sentence', lang) : cellLabel(mark.key, model.legacyRows)[lang];
  const value = inferred.get(mark.key);
  // A cell the parser could not read but the overlay found on the page: say what it prints.
  const unread =
    mark.kind === 'cell' && hasFlag(getCell(model, mark.key), 'missing')
      ? (targets.get(mark.key)?.el.textContent ?? '').replace(/\s+/g, ' ').trim()
      : '';
  return (
    <div class="tip" id="gouji-tip" role="tooltip" ref={ref} style={{ left: `${anchor.left}px`, top: '0px' }}>
      <h3>{heading}</h3>
      {mark.inferred && (
        <p class="note">
          {value !== undefined
            ? t('overlay.inferred', lang, { value: fmtNum(value) })
            : t('overlay.inferredUnknown', lang)}
        </p>
      )}
      {unread && <p class="note">{t('overlay.unread', lang, { raw: unread })}</p>}
      {mark.findings.map((i) => (
        <FindingView key={i} finding={audit.findings[i]!} lang={lang} />
      ))}
    </div>
  );
}

export function Overlay(props: OverlayProps) {
  const { lang, model, audit, marks, targets, host } = props;
  const geometry = useGeometry(targets);
  // Notes stay off the page unless asked for, so a report's real problems are seen first; a note
  // the user selects in the panel is still drawn (activeKeys below).
  const [showNotes, setShowNotesState] = useState(props.showNotes ?? false);
  useEffect(() => setShowNotesState(props.showNotes ?? false), [props.showNotes]);
  const setShowNotes = useCallback(
    (on: boolean) => {
      setShowNotesState(on);
      props.onShowNotes?.(on);
    },
    [props.onShowNotes],
  );
  const hoverable = useMemo(
    () => (showNotes ? marks : marks.filter((m) => m.tone !== 'info')),
    [marks, showNotes],
  );
  const hover = useHover(hoverable, geometry, host);
  const [focused, setFocused] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [highlight, setHighlight] = useState<number | null>(null);
  const [pulse, setPulse] = useState<{ keys: Set<string>; n: number } | null>(null);
  const [panelOpen, setPanelOpen] = useState<{ index: number; n: number } | null>(null);
  const [place, setPlaceState] = useState(props.place);
  const placeRef = useRef(place);
  placeRef.current = place;
  const rootRef = useRef<HTMLDivElement>(null);
  // Stable, so the memoized panel is not re-rendered by every frame's geometry.
  const setPlace = useCallback(
    (next: PanelPlace) => {
      setPlaceState(next);
      props.onPlace?.(next);
    },
    [props.onPlace],
  );

  // The 读取说明 view's rows and sentences: scrolled to and marked by one spot on the page.
  const [spot, setSpot] = useState<Element | null>(null);
  const elements = props.elements;
  const canLocate = useCallback((address: string) => !!elements?.has(address), [elements]);
  const locate = useCallback(
    (address: string) => {
      const el = elements?.get(address);
      if (!el) return;
      // A cell stands for its row: the row is what the view lists.
      const target = el.closest('tr') ?? el;
      const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      target.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'center', inline: 'nearest' });
      setSpot(target);
    },
    [elements],
  );
  const spotTargets = useMemo(
    () => new Map<string, Target>(spot ? [['spot', { kind: 'cell', el: spot }]] : []),
    [spot],
  );
  const spotGeometry = useGeometry(spotTargets);
  useEffect(() => {
    if (!spot) return;
    const timer = setTimeout(() => setSpot(null), 4000);
    return () => clearTimeout(timer);
  }, [spot]);

  const groups = useMemo(() => groupFindings(audit.findings), [audit]);
  const counts = useMemo(() => countTones(audit.findings), [audit]);
  // The marks' accessible names: once per audit and language, not once per frame.
  const labels = useMemo(() => {
    const out = new Map<string, string>();
    for (const mark of marks) {
      // The hatching says "inferred"; the value itself is in the label and the tooltip, so the
      // box never hides what the page prints in the cell (the evidence of why it was unread).
      const value = props.inferred.get(mark.key);
      out.set(
        mark.key,
        markLabel(mark, model, lang) +
          (mark.inferred && value !== undefined
            ? (lang === 'zh' ? '，' : ', ') + t('overlay.inferredShort', lang, { value: fmtNum(value) })
            : ''),
      );
    }
    return out;
  }, [marks, model, lang, props.inferred]);

  // First showing: dock the panel beside the report, or keep it small when there is no room.
  useLayoutEffect(() => {
    if (place.mode !== 'auto') return;
    const extent = horizontalExtent(
      Array.from(targets.values(), (target) =>
        toRect(
          (target.kind === 'cell'
            ? (target.el.closest('table') ?? target.el)
            : target.el
          ).getBoundingClientRect(),
        ),
      ),
    );
    const dock = chooseDock(extent, layoutViewport(document).width, PANEL_WIDTH);
    setPlace({ ...place, mode: dock.mode, collapsed: dock.collapsed });
  }, []);

  useEffect(() => {
    if (!pulse) return;
    const timer = setTimeout(() => setPulse(null), 1800);
    return () => clearTimeout(timer);
  }, [pulse]);

  const select = useCallback(
    (index: number) => {
      setSelected(index);
      const own = marksOf(marks, index);
      const els = own.flatMap((m) => targets.get(m.key)?.el ?? []);
      const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      els[0]?.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'center', inline: 'nearest' });
      setPulse((p) => ({ keys: new Set(own.map((m) => m.key)), n: (p?.n ?? 0) + 1 }));
      // The cells asked for are under the panel: dock it on the other side if they are clear there.
      const panelEl = rootRef.current?.querySelector('.panel');
      if (panelEl && els.length) {
        const side = dockAwayFrom(
          els.map((el) => toRect(el.getBoundingClientRect())),
          toRect(panelEl.getBoundingClientRect()),
          layoutViewport(document).width,
        );
        if (side) setPlace({ ...placeRef.current, mode: side });
      }
    },
    [marks, targets, setPlace],
  );

  const activeKeys = useMemo(() => {
    const i = highlight ?? selected;
    return new Set(i === null ? [] : marksOf(marks, i).map((m) => m.key));
  }, [highlight, selected, marks]);

  const tipKey = (!dismissed && focused) || hover;
  const tipMark = tipKey ? marks.find((m) => m.key === tipKey) : undefined;
  const tipRects = tipMark ? (geometry.get(tipMark.key) ?? []) : [];

  const onMarkKey = (mark: Mark) => (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      setDismissed(true);
      e.preventDefault();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const first = mark.findings[0];
      if (first !== undefined) {
        setSelected(first);
        setPanelOpen((p) => ({ index: first, n: (p?.n ?? 0) + 1 }));
      }
    }
  };

  return (
    <div class="root" lang={lang === 'zh' ? 'zh-CN' : 'en'} ref={rootRef}>
      <Panel
        lang={lang}
        model={model}
        audit={audit}
        groups={groups}
        counts={counts}
        marks={marks}
        selected={selected}
        reveal={panelOpen}
        place={place}
        onPlace={setPlace}
        onSelect={select}
        onHighlight={setHighlight}
        onClose={props.onClose}
        onReaudit={props.onReaudit}
        logError={props.logError ?? null}
        {...(props.attachments ? { attachments: props.attachments } : {})}
        {...(props.onAuditAttachment ? { onAuditAttachment: props.onAuditAttachment } : {})}
        showNotes={showNotes}
        onShowNotes={setShowNotes}
        {...(props.reading ? { reading: props.reading } : {})}
        canLocate={canLocate}
        onLocate={locate}
      />
      <div class="marks">
        {marks.map((mark) => {
          const rects = geometry.get(mark.key) ?? [];
          const cls = [
            mark.kind === 'cell' ? 'box' : 'line',
            `tone-${mark.tone}`,
            mark.inferred ? 'inferred' : '',
            activeKeys.has(mark.key) ? 'active' : '',
            hover === mark.key ? 'hot' : '',
            pulse?.keys.has(mark.key) ? 'pulse' : '',
          ]
            .filter(Boolean)
            .join(' ');
          const focusProps = {
            tabIndex: 0,
            role: 'button' as const,
            'aria-label': labels.get(mark.key),
            'aria-describedby': tipKey === mark.key ? 'gouji-tip' : undefined,
            onFocus: () => {
              setFocused(mark.key);
              setDismissed(false);
            },
            onBlur: () => setFocused((f) => (f === mark.key ? null : f)),
            onKeyDown: userOnly(onMarkKey(mark)),
          };
          // A note is drawn only when notes are shown, or while it is selected or pointed at in the panel.
          if (mark.tone === 'info' && !showNotes && !activeKeys.has(mark.key)) return null;
          if (rects.length === 0) {
            // Not rendered (hidden, or gone since the audit): nothing to draw; the panel still lists it.
            return null;
          }
          // A sentence over several lines: one underline per line, the first one takes focus.
          return rects.map((r, i) => (
            <div
              key={`${mark.key}#${i}#${pulse?.keys.has(mark.key) ? pulse.n : 0}`}
              class={cls}
              data-key={mark.key}
              data-tone={mark.tone}
              style={{
                left: `${r.left}px`,
                top: `${r.top}px`,
                width: `${r.width}px`,
                height: `${r.height}px`,
              }}
              {...(i === 0 ? focusProps : { 'aria-hidden': 'true' })}
            />
          ));
        })}
      </div>
      {(spotGeometry.get('spot') ?? []).slice(0, 1).map((r) => (
        <div
          key="spot"
          class="box spot"
          data-spot="true"
          aria-hidden="true"
          style={{ left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` }}
        />
      ))}
      {tipMark && tipRects[0] && (
        <Tooltip mark={tipMark} anchor={tipRects[tipRects.length - 1]!} props={props} />
      )}
    </div>
  );
}
