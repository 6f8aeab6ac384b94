import type { AuditResult, Finding } from '@/utils/audit/result';
import type { EvidenceTexts } from '@/utils/log/hub';

// The auditor's side of the log (it never opens the log itself: only the background writes it).
// Plain functions over the audit and the element map the auditor keeps, so they are tested with
// happy-dom and the content script stays a few lines.

/**
 * The audit with the findings the log added: the cross-year ones and XYR-08, each once. The
 * engine's findings keep their places (the overlay refers to findings by index).
 */
export function withLogFindings(audit: AuditResult, logged: readonly Finding[]): AuditResult {
  const known = new Set(audit.findings.map((f) => f.fingerprint));
  const extra = logged.filter((f) => !known.has(f.fingerprint));
  return extra.length ? { ...audit, findings: [...audit.findings, ...extra] } : audit;
}

const printed = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

const frames = (n: number): Promise<void> =>
  new Promise((done) => {
    const step = (left: number) => (left <= 0 ? done() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

/**
 * Evidence of a finding on this page: its cells as the page prints them and its sentence. The first
 * cell (or the sentence's paragraph) is scrolled to the middle of the view first, and the overlay
 * given two frames to follow, so the screenshot the background takes next shows the finding.
 * Null when the audit has no such finding.
 */
export async function evidenceTexts(
  audit: AuditResult,
  elements: ReadonlyMap<string, Element>,
  fingerprint: string,
  url: string,
): Promise<EvidenceTexts | null> {
  const finding = audit.findings.find((f) => f.fingerprint === fingerprint);
  if (!finding) return null;
  const cells = finding.cells
    .filter((address) => elements.has(address))
    .map((address) => ({ address, text: printed(elements.get(address)!) }));
  const first =
    elements.get(finding.cells.find((a) => elements.has(a)) ?? '') ??
    (finding.sentence ? elements.get(`paragraph/${finding.sentence.paragraph}`) : undefined);
  if (first) {
    first.scrollIntoView({ block: 'center', inline: 'nearest' });
    await frames(2);
  }
  return { url, cells, ...(finding.sentence ? { sentence: finding.sentence.text } : {}) };
}
