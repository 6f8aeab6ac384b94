import { render } from 'preact';
import { type ContentScriptContext, createShadowRootUi, type ShadowRootContentScriptUi } from '#imports';
import type { Lang } from '@/utils/i18n';
import { layout, type OverlayData } from './layout';
import { Overlay } from './Overlay';
import { DEFAULT_PLACE, type PanelPlace } from './Panel';
import { OVERLAY_CSS } from './styles';

export type { OverlayData } from './layout';

// Puts the overlay on the page in ONE host element (<gouji-overlay>, a closed shadow root inside) and
// takes it off again without a trace: hide() unmounts the Preact tree (every effect cleans up its
// listeners and observers) and removes the host. The host is made once, on the first show, and
// mounted again on later shows, so WXT holds one UI (and one invalidation listener) per script.
// The live elements stay in this module and the content script; only plain data ever leaves the page.

export const HOST_TAG = 'gouji-overlay';

export interface OverlayHandlers {
  onClose(): void;
  onReaudit(): void;
  /** "审核附件": open the report viewer on this file of the page */
  onAuditAttachment?(url: string): void;
  /** the panel's notes switch was flipped: remember it in the settings */
  onShowNotes?(on: boolean): void;
}

export interface OverlayOptions {
  /**
   * 'closed' (the default, and what users get): no page script can reach the findings or the
   * panel's buttons through `host.shadowRoot`. 'open' only for the e2e harness, which asks for it
   * through extension storage the page cannot write (entrypoints/shared/test-hooks.ts).
   */
  shadowMode?: ShadowRootMode;
}

export class OverlayController {
  /** The one UI, being made or made; a failed attempt is forgotten so the next show tries again. */
  private making: Promise<ShadowRootContentScriptUi<void>> | null = null;
  private ui: ShadowRootContentScriptUi<void> | null = null;
  /** The host is on the page. */
  private mounted = false;
  /** What is shown or being shown; null when hidden. */
  private data: OverlayData | null = null;
  private lang: Lang;
  private place: PanelPlace = DEFAULT_PLACE;
  /** notes drawn on the page (the settings' showNotes) */
  private showNotes = false;
  private laidOut: ReturnType<typeof layout> | null = null;

  private readonly shadowMode: ShadowRootMode;

  constructor(
    private readonly ctx: ContentScriptContext,
    lang: Lang,
    private readonly handlers: OverlayHandlers,
    { shadowMode = 'closed' }: OverlayOptions = {},
  ) {
    this.lang = lang;
    this.shadowMode = shadowMode;
  }

  get shown(): boolean {
    return this.mounted;
  }

  /** Shows (or updates) the overlay for an audit of this page. */
  async show(data: OverlayData): Promise<void> {
    this.data = data;
    this.laidOut = layout(data);
    if (this.mounted) return this.paint();
    this.making ??= this.make();
    const ui = await this.making;
    // A hide() while the host was being made wins; a show() meanwhile has mounted it with the
    // latest data already.
    if (!this.data || this.mounted) return;
    this.mounted = true;
    ui.mount();
  }

  /** New data (the log's findings merged in) for the overlay shown or being shown; none when hidden. */
  update(data: OverlayData): void {
    if (!this.data) return;
    this.data = data;
    this.laidOut = layout(data);
    this.paint();
  }

  hide(): void {
    this.data = null;
    this.laidOut = null;
    if (!this.mounted) return;
    this.ui?.remove();
  }

  private make(): Promise<ShadowRootContentScriptUi<void>> {
    return createShadowRootUi<void>(this.ctx, {
      name: HOST_TAG,
      position: 'inline',
      // Under <html>, after <body>: outside any stacking context or transform the page gives <body>.
      anchor: () => document.documentElement,
      append: 'last',
      css: OVERLAY_CSS,
      mode: this.shadowMode,
      // Keys typed in the panel must not reach the page's own shortcuts.
      isolateEvents: true,
      onMount: () => this.paint(),
      // hide() or the script's invalidation (WXT removes the UI itself then).
      onRemove: () => {
        this.mounted = false;
        if (this.ui) render(null, this.ui.uiContainer);
      },
    }).then(
      (ui) => (this.ui = ui),
      (err) => {
        this.making = null;
        throw err;
      },
    );
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.paint();
  }

  /** The settings' notes switch, at start and when it changes in another tab. */
  setShowNotes(on: boolean): void {
    if (on === this.showNotes) return;
    this.showNotes = on;
    this.paint();
  }

  private paint(): void {
    const ui = this.ui;
    const data = this.data;
    const laid = this.laidOut;
    if (!ui || !this.mounted || !data || !laid) return;
    render(
      <Overlay
        lang={this.lang}
        model={data.model}
        audit={data.audit}
        marks={laid.marks}
        targets={laid.targets}
        inferred={data.inferred}
        logError={data.logError ?? null}
        host={ui.shadowHost}
        place={this.place}
        onPlace={(place) => {
          this.place = place;
        }}
        onClose={this.handlers.onClose}
        onReaudit={this.handlers.onReaudit}
        {...(data.attachments ? { attachments: data.attachments } : {})}
        {...(this.handlers.onAuditAttachment ? { onAuditAttachment: this.handlers.onAuditAttachment } : {})}
        showNotes={this.showNotes}
        onShowNotes={(on) => {
          this.showNotes = on;
          this.handlers.onShowNotes?.(on);
        }}
        elements={data.elements}
        {...(data.reading ? { reading: data.reading } : {})}
      />,
      ui.uiContainer,
    );
  }
}
