import { z } from 'zod';
import { AuditResultSchema } from '@/utils/audit/result';
import type {
  LogClearRequest,
  LogDeleteRequest,
  LogEvidenceRequest,
  LogImportRequest,
  LogVerdictRequest,
} from '@/utils/log/hub';
import { cleanUrl } from '@/utils/log/keys';
import { DocumentSourceSchema, VERDICTS } from '@/utils/log/schema';
import { DetectionSchema, ReportModelSchema } from '@/utils/report/model-schema';
import type {
  AuditAttachment,
  Audited,
  AuditFailed,
  AuditTab,
  DocumentAudited,
  ListDetected,
  Message,
  OpenViewer,
  ReportDetected,
  SweepAudited,
  SweepControl,
  SweepStart,
  SweepThisList,
  ToggleOverlay,
} from './messages';

// The background's gate for every message it receives (runtime.onMessage): checked at run time,
// shape and sender, before anything is done with it. TypeScript types say what a message should
// be; they prove nothing about what a content script in a hostile or broken page actually sent.
//
// Background and extension pages only: the content scripts import messages.ts for types and never
// this file, so zod stays out of the scripts that run on every portal page.
//
// ── How to add a message type ───────────────────────────────────────────────────
// 1. Declare its interface in messages.ts (or, for the log's requests, utils/log/hub.ts) and add it
//    to `Message`.
// 2. Add its schema below (z.strictObject: an unknown field is refused, not silently dropped) with
//    the `sameType` line that keeps schema and interface equal, and add the schema to
//    `InboundMessageSchema`.
// 3. Give it a sender class in `SENDER_CLASS`. Typecheck fails until all three are done.
// 4. Handle it in background.ts's switch.

/**
 * Who may send a message type.
 * - 'content': a content script of the tab the message is about: `sender.tab` set, the sender's
 *   frame is a web (or file) page, and any `tabId` in the message is that tab's own.
 * - 'page': one of the extension's own pages (popup, options, viewer), never a content script.
 */
export type SenderClass = 'content' | 'page';

/** What the gate reads of runtime.MessageSender (the browser's type is wider). */
export interface SenderFacts {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** This extension: its ID and the base URL of its pages (runtime.getURL('/')). */
export interface Self {
  id: string;
  base: string;
}

/** Compile-time equality of a schema's output and the interface it checks. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameType = <A, B>(_proof: Same<A, B>): void => {};

const tabId = z.number().int().nonnegative();

const ReportDetectedSchema = z.strictObject({
  type: z.literal('report-detected'),
  detection: DetectionSchema,
});
sameType<z.infer<typeof ReportDetectedSchema>, ReportDetected>(true);

/** An http(s) address, as an attachment's or a viewer's file must be. */
const webAddress = z
  .string()
  .max(4096)
  .refine((s) => /^https?:\/\//i.test(s), { message: 'not an http(s) address' });

const AttachmentSchema = z.strictObject({
  url: webAddress,
  kind: z.enum(['pdf', 'docx', 'doc', 'wps']),
  label: z.string().max(1000),
  via: z.enum(['link', 'viewer', 'embed']),
  likelyReport: z.boolean(),
});

const AuditedSchema = z.strictObject({
  type: z.literal('audited'),
  model: ReportModelSchema,
  audit: AuditResultSchema,
  requested: z.boolean().optional(),
  attachments: z.array(AttachmentSchema).max(200).optional(),
});
sameType<z.infer<typeof AuditedSchema>, Audited>(true);

const AuditFailedSchema = z.strictObject({ type: z.literal('audit-failed'), error: z.string().max(10_000) });
sameType<z.infer<typeof AuditFailedSchema>, AuditFailed>(true);

const AuditTabSchema = z.strictObject({ type: z.literal('audit-tab'), tabId });
sameType<z.infer<typeof AuditTabSchema>, AuditTab>(true);

const ToggleOverlaySchema = z.strictObject({ type: z.literal('toggle-overlay'), tabId: tabId.optional() });
sameType<z.infer<typeof ToggleOverlaySchema>, ToggleOverlay>(true);

const LogVerdictSchema = z.strictObject({
  type: z.literal('log-verdict'),
  url: z.string().min(1),
  fingerprint: z.string().min(1),
  verdict: z.enum(VERDICTS).nullable().optional(),
  note: z.string().optional(),
  rule: z.string().optional(),
});
sameType<z.infer<typeof LogVerdictSchema>, LogVerdictRequest>(true);

const LogEvidenceSchema = z.strictObject({
  type: z.literal('log-evidence'),
  recordId: z.string().min(1),
  fingerprint: z.string().min(1),
  tabId,
});
sameType<z.infer<typeof LogEvidenceSchema>, LogEvidenceRequest>(true);

const LogDeleteSchema = z.strictObject({ type: z.literal('log-delete'), id: z.string().min(1) });
sameType<z.infer<typeof LogDeleteSchema>, LogDeleteRequest>(true);

const LogClearSchema = z.strictObject({ type: z.literal('log-clear') });
sameType<z.infer<typeof LogClearSchema>, LogClearRequest>(true);

const LogImportSchema = z.strictObject({ type: z.literal('log-import'), text: z.string() });
sameType<z.infer<typeof LogImportSchema>, LogImportRequest>(true);

const DocumentAuditedSchema = z.strictObject({
  type: z.literal('document-audited'),
  model: ReportModelSchema,
  audit: AuditResultSchema,
  source: DocumentSourceSchema,
  requested: z.boolean().optional(),
});
sameType<z.infer<typeof DocumentAuditedSchema>, DocumentAudited>(true);

const OpenViewerSchema = z.strictObject({
  type: z.literal('open-viewer'),
  src: webAddress.optional(),
  from: webAddress.optional(),
  tabId: tabId.optional(),
  paste: z.boolean().optional(),
});
sameType<z.infer<typeof OpenViewerSchema>, OpenViewer>(true);

const AuditAttachmentSchema = z.strictObject({ type: z.literal('audit-attachment'), src: webAddress });
sameType<z.infer<typeof AuditAttachmentSchema>, AuditAttachment>(true);

const SweepStartSchema = z.strictObject({
  type: z.literal('sweep-start'),
  list: webAddress,
  maxPages: z.number().int().min(1).max(1000).optional(),
});
sameType<z.infer<typeof SweepStartSchema>, SweepStart>(true);

const SweepControlSchema = z.strictObject({
  type: z.literal('sweep-control'),
  id: z.string().min(1).max(100),
  action: z.enum(['pause', 'resume', 'cancel']),
});
sameType<z.infer<typeof SweepControlSchema>, SweepControl>(true);

const SweepAuditedSchema = z.strictObject({
  type: z.literal('sweep-audited'),
  url: webAddress,
  model: ReportModelSchema,
  audit: AuditResultSchema,
});
sameType<z.infer<typeof SweepAuditedSchema>, SweepAudited>(true);

const ListDetectedSchema = z.strictObject({ type: z.literal('list-detected') });
sameType<z.infer<typeof ListDetectedSchema>, ListDetected>(true);

const SweepThisListSchema = z.strictObject({ type: z.literal('sweep-this-list') });
sameType<z.infer<typeof SweepThisListSchema>, SweepThisList>(true);

/** Every message the background accepts. */
export const InboundMessageSchema = z.discriminatedUnion('type', [
  ReportDetectedSchema,
  AuditedSchema,
  AuditFailedSchema,
  AuditTabSchema,
  ToggleOverlaySchema,
  LogVerdictSchema,
  LogEvidenceSchema,
  LogDeleteSchema,
  LogClearSchema,
  LogImportSchema,
  DocumentAuditedSchema,
  OpenViewerSchema,
  AuditAttachmentSchema,
  SweepStartSchema,
  SweepControlSchema,
  SweepAuditedSchema,
  ListDetectedSchema,
  SweepThisListSchema,
]);
sameType<z.infer<typeof InboundMessageSchema>['type'], Message['type']>(true);

/** Who may send each message type (see SenderClass). */
export const SENDER_CLASS: { readonly [T in Message['type']]: SenderClass } = {
  'report-detected': 'content',
  audited: 'content',
  'audit-failed': 'content',
  'audit-tab': 'page',
  'toggle-overlay': 'page',
  'log-verdict': 'page',
  'log-evidence': 'page',
  'log-delete': 'page',
  'log-clear': 'page',
  'log-import': 'page',
  'document-audited': 'page',
  'open-viewer': 'page',
  'audit-attachment': 'content',
  // the sweep: started and steered from the popup or the sweep view, filed by the runner (all pages
  // of the extension; a portal's page can neither start a sweep nor file a report)
  'sweep-start': 'page',
  'sweep-control': 'page',
  'sweep-audited': 'page',
  // a list page's offer: the detector says so, the offer's click (a trusted event in its closed
  // shadow root) asks to sweep that very page; neither names an address
  'list-detected': 'content',
  'sweep-this-list': 'content',
};

/** The schemes of the pages a content script of ours can run in. */
const WEB_PAGE = /^(https?|file):/i;

/** Which class of sender this is, or null for one that is neither (another extension, a worker…). */
export function senderClassOf(sender: SenderFacts, self: Self): SenderClass | null {
  if (sender.id !== self.id || !sender.url) return null;
  if (sender.url.startsWith(self.base)) return 'page';
  const tab = sender.tab?.id;
  if (tab !== undefined && tab >= 0 && WEB_PAGE.test(sender.url)) return 'content';
  return null;
}

export type Admission =
  | { ok: true; message: Message; from: SenderClass }
  | {
      ok: false;
      /** for the worker's console and tests; not shown to users */
      reason: string;
      /** a content script of a tab sent something malformed: its page could not be read */
      malformedFromTab?: number;
    };

const isKnownType = (type: unknown): type is Message['type'] =>
  typeof type === 'string' && Object.hasOwn(SENDER_CLASS, type);

/**
 * Admits a message or says why not. The sender is checked before the shape, so a sender that may
 * not send a type never costs a validation of its (possibly large) payload.
 */
export function admit(raw: unknown, sender: SenderFacts, self: Self): Admission {
  const type = (raw as { type?: unknown } | null)?.type;
  if (!isKnownType(type)) return { ok: false, reason: `unknown message type ${JSON.stringify(type)}` };
  const from = senderClassOf(sender, self);
  const needed = SENDER_CLASS[type];
  if (from !== needed)
    return { ok: false, reason: `${type} needs a ${needed} sender, got ${from ?? 'none'}` };
  const parsed = InboundMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`)
      .join('; ');
    return {
      ok: false,
      reason: `malformed ${type}: ${where}`,
      ...(from === 'content' ? { malformedFromTab: sender.tab?.id } : {}),
    };
  }
  const message = parsed.data as Message;
  // A content script speaks only for its own tab.
  if (
    from === 'content' &&
    'tabId' in message &&
    message.tabId !== undefined &&
    message.tabId !== sender.tab?.id
  )
    return { ok: false, reason: `${type} from tab ${sender.tab?.id} names tab ${message.tabId}` };
  return { ok: true, message, from };
}

/** The part of a storage area (storage.session) the limiter uses. */
export interface LimiterStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Where the limiter keeps the last requested re-audit per page (storage.session). */
export const REAUDIT_KEY = 'reaudit:last';
/** Pages remembered at most; pages whose window is over are forgotten first. */
const REAUDIT_PAGES = 200;

/**
 * Re-audits the user asks for (the panel's ↻) are filed as new versions; at most one per page per
 * `windowMs`. Past that, an audit is filed like any other (an identical one adds no version), so a
 * page that clicks the button in a loop cannot fill the log. Kept in storage.session, not in worker
 * memory: an MV3 worker stopped and restarted between two clicks still knows the first, and the
 * session area is cleared with the browser session, as a rate limit should be. Decisions run one at
 * a time, so two messages that arrive together cannot both read "no previous one". When the store
 * fails, the audit counts as ordinary (refusing the extra version is the safe side).
 */
export class ReauditLimiter {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(
    private readonly store: LimiterStore,
    private readonly windowMs = 10_000,
  ) {}

  /**
   * Whether a requested audit of `url` at `now` counts as requested. The page is its URL as the log
   * keeps it (no #fragment): a page changing its fragment between clicks is still one page.
   */
  allow(url: string, now = Date.now()): Promise<boolean> {
    const page = cleanUrl(url);
    const decision = this.queue.then(() => this.decide(page, now));
    this.queue = decision.catch(() => undefined);
    return decision.catch(() => false);
  }

  private async decide(url: string, now: number): Promise<boolean> {
    const stored = (await this.store.get(REAUDIT_KEY))[REAUDIT_KEY];
    const last: Record<string, number> = {};
    if (stored && typeof stored === 'object')
      for (const [key, at] of Object.entries(stored)) if (typeof at === 'number') last[key] = at;
    const previous = last[url];
    // a clock set back makes a "future" entry: it counts as over
    if (previous !== undefined && now >= previous && now - previous < this.windowMs) return false;
    last[url] = now;
    const keys = Object.keys(last);
    if (keys.length > REAUDIT_PAGES) {
      for (const key of keys) if (now - last[key]! >= this.windowMs) delete last[key];
      // still too many pages inside their window: keep the newest
      const left = Object.entries(last).sort((a, b) => b[1] - a[1]);
      for (const [key] of left.slice(REAUDIT_PAGES)) delete last[key];
    }
    await this.store.set({ [REAUDIT_KEY]: last });
    return true;
  }
}
