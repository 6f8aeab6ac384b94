import type { Finding, Localized } from '@/utils/audit/result';
import { type Lang, type MessageKey, t } from '@/utils/i18n';
import { rules } from '@/utils/rules/index';
import { fmtNum } from '@/utils/rules/lib/cells';
import { type Tone, toneOf } from './findings';

// One finding in words: tone, catalogue id and rule title, the message (the arithmetic in words),
// expected and actual, and how sure we are. Spans only, so it can sit inside a <button>.

const RULE_TITLES = new Map<string, Localized>(rules.map((r) => [r.id, r.title]));

export const toneName = (tone: Tone, lang: Lang): string => t(`overlay.tone.${tone}` as MessageKey, lang);

export function FindingView({
  finding,
  lang,
  compact = false,
}: {
  finding: Finding;
  lang: Lang;
  compact?: boolean;
}) {
  const tone = toneOf(finding);
  const title = RULE_TITLES.get(finding.rule)?.[lang];
  const nums = [
    finding.expected !== undefined ? t('overlay.expected', lang, { value: fmtNum(finding.expected) }) : null,
    finding.actual !== undefined ? t('overlay.actual', lang, { value: fmtNum(finding.actual) }) : null,
  ].filter(Boolean);
  return (
    <span class="finding">
      <span class="head">
        <span class={`chip tone-${tone}`}>{toneName(tone, lang)}</span>
        <span class="spec">{finding.spec}</span>
        {title && <span class="title">{title}</span>}
      </span>
      <span class="msg">{finding.message[lang]}</span>
      {!compact && nums.length > 0 && <span class="nums">{nums.join(lang === 'zh' ? '，' : ', ')}</span>}
      {!compact && (
        <span class="sure">
          {t(finding.outcome === 'fail' ? 'overlay.sure.fail' : 'overlay.sure.uncertain', lang)}
        </span>
      )}
    </span>
  );
}
