import { render } from 'preact';
import { type ContentScriptContext, createShadowRootUi, type ShadowRootContentScriptUi } from '#imports';
import type { AuditResult } from '@/utils/audit/result';
import type { Lang } from '@/utils/i18n';
import type { ReportModel } from '@/utils/report/model';
import { buildMarks, type Mark } from './findings';
import { Overlay, type Target } from './Overlay';
import { DEFAULT_PLACE, type PanelPlace } from './Panel';
import { OVERLAY_CSS } from './styles';
import { findTextRange } from './text-range';

// Puts the overlay on the page in ONE host element (<gouji-overlay>, a shadow root inside) and
// takes it off again without a trace: hide() unmounts the Preact tree (every effect cleans up its
// listeners and observers) and removes the host. The live elements stay in this module and the
// content script; only plain data ever leaves the page.

export const HOST_TAG = 'gouji-overlay';

export interface OverlayData {
  model: ReportModel;
  audit: AuditResult;
  /** address (cell, or paragraph/<id>) → the element it was read from */
  elements: ReadonlyMap<string, Element>;
  /** inferred cell address → value (T3-08) */
  inferred: ReadonlyMap<string, number>;
}

export interface OverlayHandlers {
  onClose(): void;
  onReaudit(): void;
}

/** The marks of an audit and the page nodes they are drawn over. */
export function layout(data: OverlayData): { marks: Mark[]; targets: Map<string, Target> } {
  const marks = buildMarks(data.audit.findings, (a) => data.elements.has(a), new Set(data.inferred.keys()));
  const targets = new Map<string, Target>();
  for (const mark of marks) {
    if (mark.kind === 'cell') {
      targets.set(mark.key, { kind: 'cell', el: data.elements.get(mark.key)! });
      continue;
    }
    const { paragraph, text } = mark.sentence!;
    const el = data.elements.get(`paragraph/${paragraph}`)!;
    targets.set(mark.key, { kind: 'sentence', el, range: findTextRange(el, text) });
  }
  // Tab order follows the page: marks sorted by where their node is in the document.
  const position = (m: Mark) => targets.get(m.key)!.el;
  marks.sort((a, b) => {
    const ea = position(a);
    const eb = position(b);
    if (ea === eb) return 0;
    return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return { marks, targets };
}

export class OverlayController {
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private data: OverlayData | null = null;
  private lang: Lang;
  private place: PanelPlace = DEFAULT_PLACE;
  private laidOut: ReturnType<typeof layout> | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    lang: Lang,
    private readonly handlers: OverlayHandlers,
  ) {
    this.lang = lang;
  }

  get shown(): boolean {
    return this.ui !== null;
  }

  /** Shows (or updates) the overlay for an audit of this page. */
  async show(data: OverlayData): Promise<void> {
    this.data = data;
    this.laidOut = layout(data);
    if (!this.ui) {
      const ui = await createShadowRootUi<void>(this.ctx, {
        name: HOST_TAG,
        position: 'inline',
        // Under <html>, after <body>: outside any stacking context or transform the page gives <body>.
        anchor: () => document.documentElement,
        append: 'last',
        css: OVERLAY_CSS,
        mode: 'open',
        // Keys typed in the panel must not reach the page's own shortcuts.
        isolateEvents: true,
        onMount: () => this.paint(),
        onRemove: () => {
          if (this.ui) render(null, this.ui.uiContainer);
        },
      });
      // A hide() while the host was being made wins; a second show() meanwhile just repaints.
      if (!this.data) return;
      if (this.ui) return this.paint();
      this.ui = ui;
      ui.mount();
    } else this.paint();
  }

  hide(): void {
    const ui = this.ui;
    if (!ui) return;
    ui.remove();
    this.ui = null;
    this.data = null;
    this.laidOut = null;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.paint();
  }

  private paint(): void {
    const ui = this.ui;
    const data = this.data;
    const laid = this.laidOut;
    if (!ui || !data || !laid) return;
    render(
      <Overlay
        lang={this.lang}
        model={data.model}
        audit={data.audit}
        marks={laid.marks}
        targets={laid.targets}
        inferred={data.inferred}
        host={ui.shadowHost}
        place={this.place}
        onPlace={(place) => {
          this.place = place;
        }}
        onClose={this.handlers.onClose}
        onReaudit={this.handlers.onReaudit}
      />,
      ui.uiContainer,
    );
  }
}
