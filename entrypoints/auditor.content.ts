import { type Browser, browser, defineContentScript } from '#imports';
import { OverlayController, type OverlayData } from '@/components/overlay/mount';
import { inferT3 } from '@/utils/audit/infer';
import { runAudit } from '@/utils/audit/run';
import { AUDIT_BUDGET_MS, Budget, BudgetExceeded } from '@/utils/budget';
import { type Lang, t } from '@/utils/i18n';
import type { EvidenceTexts } from '@/utils/log/hub';
import { findAttachments } from '@/utils/report/attachments';
import { parseReport } from '@/utils/report/parse';
import { type ReadingRecord, readingRecord } from '@/utils/report/reading';
import { SETTINGS_KEY } from '@/utils/settings';
import { evidenceTexts, withLogFindings } from './shared/log-content';
import type { AuditAttachment, Audited, AuditFailed, ContentMessage, ContentReply } from './shared/messages';
import { langOf, loadSettings } from './shared/settings';
import { auditBudgetMs, overlayShadowMode } from './shared/test-hooks';

// Injected on demand (scripting.executeScript), never declared in the manifest, so pages that
// are not reports never load the parser. Injected again (the popup's button), the new copy takes
// over: WXT invalidates the old context, which removes the old overlay.
//
// parse → audit → message the plain result to the background → draw the overlay. The element
// map (address → live element) stays in this script.

/** How long after injection the page is watched for an article that arrives late (review M9). */
const LATE_MS = 6000;
/** A re-audit waits for the page to stop changing this long. */
const SETTLE_MS = 400;

/** What a late article changes: the number of tables and the amount of text. */
function pageSize(): { tables: number; text: number } {
  return { tables: document.querySelectorAll('table').length, text: document.body?.textContent?.length ?? 0 };
}

/** A change worth a new audit: a table came or went, or the text grew or shrank by a tenth (and 200 characters). */
function grewMaterially(
  before: { tables: number; text: number },
  now: { tables: number; text: number },
): boolean {
  const delta = Math.abs(now.text - before.text);
  return now.tables !== before.tables || (delta >= 200 && delta >= before.text / 10);
}

/** Unreadable storage gives the default settings: the overlay is drawn all the same. */
const currentSettings = async (): Promise<{ lang: Lang; showNotes: boolean }> => {
  const settings = await loadSettings({ orDefaults: true });
  return { lang: langOf(settings), showNotes: settings.showNotes };
};

/** The panel's notes switch, remembered: the other settings are read first and kept as they are. */
const rememberShowNotes = (on: boolean): void => {
  void loadSettings()
    .then((settings) => browser.storage.sync.set({ [SETTINGS_KEY]: { ...settings, showNotes: on } }))
    .catch(() => {});
};

/**
 * The audit runs on the page's main thread, so a page past these sizes is not audited at all:
 * parsing is linear (grids capped per table, claims tokenised once), and in real Chromium about
 * 4 ms per thousand table cells (BENCHMARKS.md), so the caps keep an audit under about a second.
 * The 50-report stress page has 14 000 cells; real reports a few hundred.
 */
const MAX_CELLS = 150_000;
const MAX_CHARS = 3_000_000;

/** Why this page is too large to audit here, or null. Counting is cheap: no text is read twice. */
function tooLarge(): string | null {
  const cells = document.getElementsByTagName('td').length + document.getElementsByTagName('th').length;
  const chars = cells > MAX_CELLS ? 0 : (document.body?.textContent?.length ?? 0);
  if (cells <= MAX_CELLS && chars <= MAX_CHARS) return null;
  const data = { cells, chars: chars || '—' };
  return `${t('audit.tooLarge', 'zh', data)} / ${t('audit.tooLarge', 'en', data)}`;
}

/** Lets the page finish what it is doing (load, input) before the audit takes the main thread. */
const idle = (): Promise<void> =>
  new Promise((resolve) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => resolve(), { timeout: 500 })
      : setTimeout(resolve, 0),
  );

/** Why the audit gave up, in both languages like tooLarge's: the page was not read. */
const timedOut = (err: BudgetExceeded): string => {
  const data = { seconds: err.limitMs / 1000 };
  return `${t('audit.timedOut', 'zh', data)} / ${t('audit.timedOut', 'en', data)}`;
};

function audit(requested: boolean, budgetMs: number): OverlayData | null {
  try {
    const refused = tooLarge();
    if (refused) {
      const message: AuditFailed = { type: 'audit-failed', error: refused };
      browser.runtime.sendMessage(message).catch(() => {});
      return null;
    }
    // One deadline for parse and audit: what holds the main thread is their sum.
    const budget = new Budget(budgetMs);
    const parsed = parseReport(document, { url: location.href, budget });
    const { model, elements } = parsed;
    const attachments = findAttachments(document, location.href);
    // One inference: the audit's, whose steps the overlay marks as inferred cells.
    const inference = inferT3(model);
    const result = runAudit(model, undefined, inference, { budget });
    const message: Audited = { type: 'audited', model, audit: result, requested, attachments };
    browser.runtime.sendMessage(message).catch(() => {});
    if (model.kind !== 'report') return null;
    const inferred = new Map(inference.steps.map((s) => [s.cell, s.value]));
    // How it was read is worked out only if the user opens the panel's 读取说明 view.
    let reading: ReadingRecord | null = null;
    return {
      model,
      audit: result,
      elements,
      inferred,
      attachments,
      reading: () => (reading ??= readingRecord(parsed)),
    };
  } catch (err) {
    // Out of time is a page not read, like one too large: nothing is filed in the log as audited.
    const error = err instanceof BudgetExceeded ? timedOut(err) : String(err);
    const message: AuditFailed = { type: 'audit-failed', error };
    browser.runtime.sendMessage(message).catch(() => {});
    return null;
  }
}

export default defineContentScript({
  registration: 'runtime',
  matches: ['*://*.gov.cn/*'],
  // WXT would otherwise window.postMessage "<extension id>:auditor:wxt:content-script-started" to
  // the page: Gouji's ID and the fact that this page is being audited (review M1).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    /** Once the user closed the overlay, a late article does not bring it back on its own. */
    let closedByUser = false;
    const [settings, shadowMode, budgetMs] = await Promise.all([
      currentSettings(),
      overlayShadowMode(),
      auditBudgetMs(AUDIT_BUDGET_MS),
    ]);
    const overlay = new OverlayController(
      ctx,
      settings.lang,
      {
        onClose: () => {
          closedByUser = true;
          overlay.hide();
        },
        onReaudit: () => void show(true),
        onAuditAttachment: (src) => {
          // The background opens the viewer next to this tab; the page's own tables are compared with the file.
          const message: AuditAttachment = { type: 'audit-attachment', src };
          browser.runtime.sendMessage(message).catch(() => {});
        },
        onShowNotes: rememberShowNotes,
      },
      { shadowMode },
    );
    overlay.setShowNotes(settings.showNotes);

    /** The latest audit as shown, with what the log added to it (cross-year findings, XYR-08). */
    let current: OverlayData | null = null;

    /** Audits the page as it is now and shows the result; a page that is not a report gets nothing. */
    const show = async (requested = false): Promise<boolean> => {
      await idle();
      const data = audit(requested, budgetMs);
      current = data;
      if (!data) {
        overlay.hide();
        return false;
      }
      await overlay.show(data);
      return true;
    };

    const onMessage = (
      message: ContentMessage,
      _sender: Browser.runtime.MessageSender,
      reply: (r: ContentReply) => void,
    ) => {
      if (message?.type === 'overlay-toggle') {
        if (overlay.shown) {
          closedByUser = true;
          overlay.hide();
          reply({ ok: true, shown: false });
        } else void show().then((shown) => reply({ ok: true, shown }));
        return true;
      }
      if (message?.type === 'overlay-reaudit') {
        void show(true).then((shown) => reply({ ok: true, shown }));
        return true;
      }
      if (message?.type === 'log-result') {
        const merged = current ? withLogFindings(current.audit, message.findings) : null;
        if (current && merged && merged !== current.audit) {
          current = { ...current, audit: merged };
          // Shown or still being made: drawn with them; hidden: nothing to draw.
          overlay.update(current);
        }
        return false;
      }
      if (message?.type === 'log-failed') {
        // The audit is shown but not kept: the panel says so.
        if (current) {
          current = { ...current, logError: message.error };
          overlay.update(current);
        }
        return false;
      }
      if (message?.type === 'evidence-texts') {
        const answer = reply as unknown as (r: EvidenceTexts | null) => void;
        if (!current) answer(null);
        else
          void evidenceTexts(current.audit, current.elements, message.fingerprint, location.href).then(
            answer,
          );
        return !!current;
      }
      return false;
    };
    const onStorage = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
      if (area === 'sync' && changes[SETTINGS_KEY])
        void currentSettings().then(({ lang, showNotes }) => {
          overlay.setShowNotes(showNotes);
          overlay.setLang(lang);
        });
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.storage.onChanged.removeListener(onStorage);
      overlay.hide();
    });

    // A page whose article a script fills in late may have been sent by its title alone, or with
    // half its body: watch it for a few seconds and audit again when it has grown.
    let audited = pageSize();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new MutationObserver(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        const now = pageSize();
        if (closedByUser || !grewMaterially(audited, now)) return;
        audited = now;
        void show();
      }, SETTLE_MS);
    });
    const stopWatching = () => {
      late.disconnect();
      clearTimeout(timer);
      clearTimeout(deadline);
    };
    const deadline = setTimeout(stopWatching, LATE_MS);
    if (document.body) late.observe(document.body, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(stopWatching);

    // The value of the injection (scripting.executeScript waits for it): is the overlay up?
    return show();
  },
});
