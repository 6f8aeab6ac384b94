import { render } from 'preact';
import { type ContentScriptContext, createShadowRootUi, type ShadowRootContentScriptUi } from '#imports';
import type { Lang } from '@/utils/i18n';
import { layout, type OverlayData } from './layout';
import { Overlay } from './Overlay';
import { DEFAULT_PLACE, type PanelPlace } from './Panel';
import { OVERLAY_CSS } from './styles';

export type { OverlayData } from './layout';

// Puts the overlay on the page in ONE host element (<gouji-overlay>, a shadow root inside) and
// takes it off again without a trace: hide() unmounts the Preact tree (every effect cleans up its
// listeners and observers) and removes the host. The live elements stay in this module and the
// content script; only plain data ever leaves the page.

export const HOST_TAG = 'gouji-overlay';

export interface OverlayHandlers {
  onClose(): void;
  onReaudit(): void;
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
