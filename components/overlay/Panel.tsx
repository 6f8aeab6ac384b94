import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { percent } from '@/utils/audit/figures';
import { GROUP_LABEL } from '@/utils/audit/group';
import { describeReadReason, readState } from '@/utils/audit/read-state';
import type { AuditResult, Localized } from '@/utils/audit/result';
import { type Lang, type MessageKey, t } from '@/utils/i18n';
import type { Attachment } from '@/utils/report/attachments';
import type { ReportModel } from '@/utils/report/model';
import type { ReadingRecord } from '@/utils/report/reading';
import { FindingView, toneName } from './FindingView';
import { type FindingGroup, type Mark, TONES, type Tone } from './findings';
import { clampPanel, layoutViewport } from './geometry';
import { memo } from './memo';
import { ReadingView } from './ReadingView';
import { PANEL_WIDTH } from './styles';
import { userOnly } from './trusted';

// The findings panel: docked right (default) or left, or dragged anywhere; collapsible to its title
// bar. Keyboard: every control is a button in tab order, the title bar moves with the arrow keys,
// Escape collapses the panel.

export interface PanelPlace {
  /** auto: not placed yet, the overlay docks it where it hides the least of the report */
  mode: 'auto' | 'right' | 'left' | 'free';
  /** top-left corner when mode is free */
  x: number;
  y: number;
  collapsed: boolean;
}

export const DEFAULT_PLACE: PanelPlace = { mode: 'auto', x: 0, y: 12, collapsed: false };

interface PanelProps {
  lang: Lang;
  model: ReportModel;
  audit: AuditResult;
  groups: FindingGroup[];
  counts: Record<Tone, number>;
  marks: readonly Mark[];
  selected: number | null;
  /** asks the panel to open and show this finding (a box was activated with Enter) */
  reveal: { index: number; n: number } | null;
  place: PanelPlace;
  onPlace(place: PanelPlace): void;
  onSelect(index: number): void;
  onHighlight(index: number | null): void;
  onClose(): void;
  onReaudit(): void;
  /** the log could not file this audit: said above the findings, so the auditor knows it is not kept */
  logError?: Localized | null;
  /** the report files the page offers: each gets a "审核附件" button that opens the report viewer */
  attachments?: readonly Attachment[];
  onAuditAttachment?(url: string): void;
  /** notes (info findings) are drawn on the page only when this is on (issue 8 §4) */
  showNotes: boolean;
  onShowNotes(on: boolean): void;
  /** how the report was read (读取说明), worked out when the view is first opened */
  reading?: () => ReadingRecord;
  /** whether an address (cell, paragraph/<id>) is on the page, and showing it there */
  canLocate?(address: string): boolean;
  onLocate?(address: string): void;
}

function Counts({ counts, lang }: { counts: Record<Tone, number>; lang: Lang }) {
  return (
    <>
      {TONES.filter((tone) => counts[tone] > 0).map((tone) => (
        <span key={tone} class={`chip tone-${tone}`}>
          {t('overlay.count', lang, {
            n: counts[tone],
            // "1 error", "3 errors": the plural names are the same words in Chinese.
            tone: counts[tone] === 1 ? toneName(tone, lang) : t(`overlay.tones.${tone}` as MessageKey, lang),
          })}
        </span>
      ))}
    </>
  );
}

// Memoized: the overlay re-renders on every frame the page scrolls, the panel only when its props change.
export const Panel = memo(function Panel(props: PanelProps) {
  const { lang, model, audit, groups, counts, marks, selected, place } = props;
  const panel = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const drag = useRef<{ id: number; dx: number; dy: number } | null>(null);
  const placed = new Set(marks.flatMap((m) => m.findings));
  const [view, setView] = useState<'findings' | 'reading'>('findings');
  const reading = useMemo(
    () => (view === 'reading' && props.reading ? props.reading() : null),
    [view === 'reading', props.reading],
  );

  // The layout viewport: fixed boxes live left of the page's scrollbar.
  const viewport = () => layoutViewport(document);
  const size = () => ({
    width: panel.current?.offsetWidth ?? PANEL_WIDTH,
    height: panel.current?.offsetHeight ?? 40,
  });
  const moveTo = (x: number, y: number) => {
    const p = clampPanel({ x, y }, size(), viewport());
    props.onPlace({ ...place, mode: 'free', x: p.x, y: p.y });
  };

  useEffect(() => {
    if (!props.reveal) return;
    if (place.collapsed) props.onPlace({ ...place, collapsed: false });
    // After the panel has opened: bring the finding into the list's view and give it focus.
    const id = requestAnimationFrame(() => {
      const item = panel.current?.querySelector<HTMLElement>(`[data-finding="${props.reveal?.index}"]`);
      item?.scrollIntoView({ block: 'nearest' });
      item?.focus();
    });
    return () => cancelAnimationFrame(id);
  }, [props.reveal]);

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 || !panel.current) return;
    const r = panel.current.getBoundingClientRect();
    drag.current = { id: e.pointerId, dx: e.clientX - r.left, dy: e.clientY - r.top };
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    moveTo(e.clientX - d.dx, e.clientY - d.dy);
  };
  const onPointerUp = (e: PointerEvent) => {
    if (drag.current?.id !== e.pointerId) return;
    drag.current = null;
    (e.currentTarget as HTMLElement).releasePointerCapture(e.pointerId);
  };
  const onHandleKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 96 : 24;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[e.key];
    if (!move || !panel.current) return;
    e.preventDefault();
    const r = panel.current.getBoundingClientRect();
    moveTo(r.left + move[0], r.top + move[1]);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || place.collapsed) return;
    e.preventDefault();
    props.onPlace({ ...place, collapsed: true });
    toggle.current?.focus();
  };

  const dockLeft = place.mode !== 'left';
  if (place.mode === 'auto') return null;
  const style =
    place.mode === 'free' ? { left: `${place.x}px`, top: `${place.y}px`, right: 'auto' } : undefined;
  const read = readState(model);
  const f = audit.figures;
  const figures: [MessageKey, string][] = [
    ['figure.handled', f.applicationsHandled === null ? '—' : String(f.applicationsHandled)],
    ['figure.substantive', percent(f.substantiveDisclosureRate)],
    ['figure.reviewCorrection', percent(f.reviewCorrectionRate)],
    ['figure.litigationCorrection', percent(f.litigationCorrectionRate)],
  ];

  return (
    <aside
      ref={panel}
      class={`panel dock-${place.mode} ${place.collapsed ? 'collapsed' : ''}`}
      style={style}
      aria-label={t('overlay.region', lang)}
      onKeyDown={userOnly(onKeyDown)}
    >
      <div class="bar">
        {/* biome-ignore lint/a11y/useSemanticElements: a drag handle that also moves with arrow keys */}
        <div
          class="handle"
          role="button"
          tabIndex={0}
          aria-label={t('overlay.move', lang)}
          title={t('overlay.move', lang)}
          onPointerDown={userOnly(onPointerDown)}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onKeyDown={userOnly(onHandleKey)}
        >
          <span class="grip" aria-hidden="true">
            ⋮⋮
          </span>
          <span>{t('overlay.name', lang)}</span>
          {place.collapsed && (
            <span class="counts">
              <Counts counts={counts} lang={lang} />
            </span>
          )}
        </div>
        <button
          type="button"
          class="icon"
          data-action="dock"
          aria-label={t(dockLeft ? 'overlay.dockLeft' : 'overlay.dockRight', lang)}
          title={t(dockLeft ? 'overlay.dockLeft' : 'overlay.dockRight', lang)}
          onClick={userOnly(() => props.onPlace({ ...place, mode: dockLeft ? 'left' : 'right' }))}
        >
          {dockLeft ? '⇤' : '⇥'}
        </button>
        <button
          type="button"
          class="icon"
          data-action="reaudit"
          aria-label={t('overlay.reaudit', lang)}
          title={t('overlay.reaudit', lang)}
          onClick={userOnly(() => props.onReaudit())}
        >
          ↻
        </button>
        <button
          ref={toggle}
          type="button"
          class="icon"
          data-action="collapse"
          aria-expanded={!place.collapsed}
          aria-label={t(place.collapsed ? 'overlay.expand' : 'overlay.collapse', lang)}
          title={t(place.collapsed ? 'overlay.expand' : 'overlay.collapse', lang)}
          onClick={userOnly(() => props.onPlace({ ...place, collapsed: !place.collapsed }))}
        >
          {place.collapsed ? '▸' : '▾'}
        </button>
        <button
          type="button"
          class="icon"
          data-action="close"
          aria-label={t('overlay.close', lang)}
          title={t('overlay.close', lang)}
          onClick={userOnly(() => props.onClose())}
        >
          ×
        </button>
      </div>
      {!place.collapsed && (
        <div class="body">
          {props.logError && (
            <p class="not-saved" role="alert" data-field="not-saved">
              {props.logError[lang]}
            </p>
          )}
          {model.title && <p class="doc">{model.title}</p>}
          <dl class="meta">
            <dt>{t('overlay.year', lang)}</dt>
            <dd data-field="year">{model.year ?? '—'}</dd>
            <dt>{t('overlay.format', lang)}</dt>
            <dd data-field="format">{t(`format.${model.format}` as MessageKey, lang)}</dd>
          </dl>
          <div class="figures">
            {figures.map(([key, value]) => (
              <div class="figure" key={key} data-figure={key}>
                <span class="label">{t(key, lang)}</span>
                <span class="value">{value}</span>
              </div>
            ))}
          </div>
          <p class="summary">
            <Counts counts={counts} lang={lang} />
          </p>
          {props.reading && (
            <button
              type="button"
              class="view-switch"
              data-action="reading"
              aria-pressed={view === 'reading'}
              onClick={userOnly(() => setView(view === 'reading' ? 'findings' : 'reading'))}
            >
              {t(view === 'reading' ? 'explain.back' : 'explain.open', lang)}
            </button>
          )}
          {counts.info > 0 && (
            <button
              type="button"
              class="notes-switch"
              role="switch"
              data-action="show-notes"
              aria-checked={props.showNotes}
              onClick={userOnly(() => props.onShowNotes(!props.showNotes))}
            >
              <span class="track" aria-hidden="true" />
              {t('explain.showNotes', lang)}（{counts.info}）
            </button>
          )}
          {view === 'reading' && reading && (
            <ReadingView
              lang={lang}
              format={model.format}
              reading={reading}
              canLocate={props.canLocate ?? (() => false)}
              onLocate={props.onLocate ?? (() => {})}
            />
          )}
          {view === 'findings' && props.attachments?.length && props.onAuditAttachment ? (
            <div class="attachments">
              {props.attachments.slice(0, 3).map((a) => (
                <button
                  type="button"
                  key={a.url}
                  class="attachment"
                  data-action="audit-attachment"
                  data-url={a.url}
                  title={a.url}
                  onClick={userOnly(() => props.onAuditAttachment?.(a.url))}
                >
                  {t('doc.auditAttachment', lang)}：{a.label}
                </button>
              ))}
            </div>
          ) : null}
          {read.level !== 'complete' && (
            <div
              class={`unread level-${read.level}`}
              role="status"
              data-field="read-state"
              data-level={read.level}
            >
              <p>{t(`readState.${read.level}` as MessageKey, lang)}</p>
              <ul>
                {read.reasons.map((r) => (
                  <li key={describeReadReason(r, 'en')}>{describeReadReason(r, lang)}</li>
                ))}
              </ul>
              {counts.error === 0 && <p>{t('readState.notClean', lang)}</p>}
            </div>
          )}
          {view === 'findings' && read.level === 'complete' && audit.findings.length === 0 && (
            <p class="clean">{t('overlay.noFindings', lang)}</p>
          )}
          {view === 'findings' &&
            read.level === 'complete' &&
            audit.findings.length > 0 &&
            counts.error === 0 && <p class="clean">{t('overlay.noErrors', lang)}</p>}
          {view === 'findings' && audit.findings.length > 0 && <p class="hint">{t('overlay.hint', lang)}</p>}
          {view === 'findings' &&
            groups.map((g) => (
              <section class="group" key={g.group} data-group={g.group}>
                <h2>
                  <span>{t(GROUP_LABEL[g.group], lang)}</span>
                  <Counts counts={g.counts} lang={lang} />
                </h2>
                <ul>
                  {g.items.map(({ index, finding, tone }) => (
                    <li key={index}>
                      <button
                        type="button"
                        class={`item tone-${tone}${selected === index ? ' selected' : ''}${placed.has(index) ? '' : ' static'}`}
                        data-finding={index}
                        data-spec={finding.spec}
                        aria-current={selected === index ? 'true' : undefined}
                        onClick={userOnly(() => props.onSelect(index))}
                        onMouseEnter={() => props.onHighlight(index)}
                        onMouseLeave={() => props.onHighlight(null)}
                        onFocus={() => props.onHighlight(index)}
                        onBlur={() => props.onHighlight(null)}
                      >
                        <FindingView finding={finding} lang={lang} compact />
                        {!placed.has(index) && <span class="hint">{t('overlay.notShown', lang)}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
        </div>
      )}
    </aside>
  );
});
