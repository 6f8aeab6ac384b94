import { browser } from '#imports';
import { AUDIT_BUDGET_FOR_TESTS, OPEN_SHADOW_FOR_TESTS } from './messages';

// What the e2e harness may switch on in a test profile. Only through extension storage, which no
// web page can read or write; a user's browser never has these keys.

/** The overlay's shadow root mode: closed, unless the e2e harness asked for open. */
export async function overlayShadowMode(): Promise<ShadowRootMode> {
  const stored: Record<string, unknown> = await browser.storage.local
    .get(OPEN_SHADOW_FOR_TESTS)
    .catch(() => ({}));
  return stored[OPEN_SHADOW_FOR_TESTS] === true ? 'open' : 'closed';
}

/**
 * The audit's time budget: `budgetMs`, or less when the e2e harness asked for less (a positive
 * number of milliseconds). Never more: a test profile cannot make the tab freeze longer.
 */
export async function auditBudgetMs(budgetMs: number): Promise<number> {
  const stored: Record<string, unknown> = await browser.storage.local
    .get(AUDIT_BUDGET_FOR_TESTS)
    .catch(() => ({}));
  const asked = stored[AUDIT_BUDGET_FOR_TESTS];
  return typeof asked === 'number' && asked > 0 ? Math.min(asked, budgetMs) : budgetMs;
}
