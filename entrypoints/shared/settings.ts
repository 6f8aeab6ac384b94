import { browser } from '#imports';
import type { Lang } from '@/utils/i18n';
import { readSettings, resolveLang, SETTINGS_KEY, type Settings } from '@/utils/settings';

// Reading the user's settings from the browser's storage, for the background, the popup, the
// options page and the auditor. utils/settings.ts stays free of browser calls (the CLI and the
// unit tests use it as it is).

/**
 * The stored settings, defaults for whatever is missing or malformed. With `orDefaults`, storage
 * that cannot be read gives the defaults instead of failing (the auditor must draw its overlay).
 */
export async function loadSettings({ orDefaults = false }: { orDefaults?: boolean } = {}): Promise<Settings> {
  const read = browser.storage.sync.get(SETTINGS_KEY);
  const stored: Record<string, unknown> = await (orDefaults ? read.catch(() => ({})) : read);
  return readSettings(stored[SETTINGS_KEY]);
}

/** The interface language the settings choose: their own, or the browser's for 'auto'. */
export const langOf = (settings: Settings): Lang => resolveLang(settings.lang, browser.i18n.getUILanguage());

/** The interface language of the stored settings. */
export const loadLang = async (opts: { orDefaults?: boolean } = {}): Promise<Lang> =>
  langOf(await loadSettings(opts));
