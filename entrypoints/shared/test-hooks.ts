import { browser } from '#imports';
import { OPEN_SHADOW_FOR_TESTS } from './messages';

// What the e2e harness may switch on in a test profile. Only through extension storage, which no
// web page can read or write; a user's browser never has these keys.

/** The overlay's shadow root mode: closed, unless the e2e harness asked for open. */
export async function overlayShadowMode(): Promise<ShadowRootMode> {
  const stored: Record<string, unknown> = await browser.storage.local
    .get(OPEN_SHADOW_FOR_TESTS)
    .catch(() => ({}));
  return stored[OPEN_SHADOW_FOR_TESTS] === true ? 'open' : 'closed';
}
