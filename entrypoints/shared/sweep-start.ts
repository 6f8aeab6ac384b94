import { browser } from '#imports';
import type { Localized } from '@/utils/audit/result';
import { tBoth } from '@/utils/i18n';
import { coveredByBuiltIn, patternHost, sitePattern } from '@/utils/settings';
import type { SweepStart } from './messages';

/**
 * Starts a sweep of `list` in the background, from a user's click (popup, sweep view). A list on a
 * site outside *.gov.cn first needs that site's optional host permission: asked here, first thing in
 * the click (browsers grant the prompt only from a user gesture); refused, nothing is fetched.
 */
export async function startSweep(
  list: string,
): Promise<{ ok: true; id: string } | { ok: false; error: Localized }> {
  const pattern = sitePattern(list);
  if (!pattern) return { ok: false, error: tBoth('sweep.startFailed', { error: list }) };
  if (!coveredByBuiltIn(pattern)) {
    const granted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
    if (!granted)
      return { ok: false, error: tBoth('sweep.permission.refused', { host: patternHost(pattern) }) };
  }
  const message: SweepStart = { type: 'sweep-start', list };
  const reply = (await browser.runtime.sendMessage(message)) as
    | { ok: true; id: string }
    | { ok: false; error: string }
    | undefined;
  if (reply?.ok) return reply;
  return { ok: false, error: tBoth('sweep.startFailed', { error: reply?.error ?? 'no answer' }) };
}
