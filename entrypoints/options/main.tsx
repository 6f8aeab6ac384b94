import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type Browser, browser } from '#imports';
import { type Lang, t } from '@/utils/i18n';
import {
  coveredByBuiltIn,
  LANG_CHOICES,
  type LangChoice,
  onPublicSuffix,
  patternHost,
  readSettings,
  SETTINGS_KEY,
  type Settings,
  sitePattern,
} from '@/utils/settings';
import { langOf, loadSettings } from '../shared/settings';

// Options: the interface language, and the sites besides *.gov.cn where the detector runs. Adding
// a site asks the browser for access to it (optional host permission, granted at run time); the
// background registers the detector for the sites it was granted, and keeps that in step.

async function save(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
}

const LANG_LABELS: Record<LangChoice, 'options.lang.auto' | 'options.lang.zh' | 'options.lang.en'> = {
  auto: 'options.lang.auto',
  zh: 'options.lang.zh',
  en: 'options.lang.en',
};

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [input, setInput] = useState('');
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    void loadSettings().then(setSettings);
    const onChanged = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
      if (area === 'sync' && changes[SETTINGS_KEY]) setSettings(readSettings(changes[SETTINGS_KEY].newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  if (!settings) return null;
  const lang: Lang = langOf(settings);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';

  const update = async (next: Settings, message?: string) => {
    setSettings(next);
    await save(next);
    setStatus({ text: message ?? t('options.saved', lang), error: false });
  };

  const add = async (e: Event) => {
    e.preventDefault();
    const pattern = sitePattern(input);
    if (!pattern) {
      setStatus({ text: t('options.sites.invalid', lang, { input }), error: true });
      return;
    }
    const site = patternHost(pattern);
    if (coveredByBuiltIn(pattern)) {
      setStatus({ text: t('options.sites.builtIn', lang, { site }), error: false });
      return;
    }
    if (onPublicSuffix(pattern)) {
      setStatus({ text: t('options.sites.publicSuffix', lang, { site }), error: true });
      return;
    }
    // Must run straight from the click: the browser asks the user only during a user gesture.
    const granted = await browser.permissions.request({ origins: [pattern] });
    if (!granted) {
      setStatus({ text: t('options.sites.denied', lang, { site }), error: true });
      return;
    }
    setInput('');
    if (!settings.sites.includes(pattern)) await update({ ...settings, sites: [...settings.sites, pattern] });
  };

  const remove = async (pattern: string) => {
    await update({ ...settings, sites: settings.sites.filter((s) => s !== pattern) });
    // Give the access back: the extension should hold no more than the user wants audited.
    await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  };

  return (
    <main>
      <h1>{t('options.title', lang)}</h1>
      <h2 id="lang-label">{t('options.lang', lang)}</h2>
      <fieldset aria-labelledby="lang-label">
        {LANG_CHOICES.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="lang"
              value={choice}
              checked={settings.lang === choice}
              onChange={() => void update({ ...settings, lang: choice })}
            />{' '}
            {t(LANG_LABELS[choice], lang)}
          </label>
        ))}
      </fieldset>
      <h2>{t('options.sites', lang)}</h2>
      <p class="help">{t('options.sites.help', lang)}</p>
      <form onSubmit={add}>
        <input
          type="text"
          name="site"
          value={input}
          placeholder={t('options.sites.placeholder', lang)}
          aria-label={t('options.sites.placeholder', lang)}
          onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{t('options.sites.add', lang)}</button>
      </form>
      <ul aria-label={t('options.sites', lang)}>
        {settings.sites.length === 0 && <li>{t('options.sites.none', lang)}</li>}
        {settings.sites.map((pattern) => (
          <li key={pattern} data-site={pattern}>
            <span>{patternHost(pattern)}</span>
            <button type="button" class="link" onClick={() => void remove(pattern)}>
              {t('options.sites.remove', lang)}
            </button>
          </li>
        ))}
      </ul>
      <p class={`status${status?.error ? ' error' : ''}`} role="status">
        {status?.text ?? ''}
      </p>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
