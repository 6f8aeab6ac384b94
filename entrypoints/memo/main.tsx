import { render } from 'preact';
import { Memo } from '@/components/memo/Memo';
import { t } from '@/utils/i18n';
import { getEvidence, getRecord, getVerdicts } from '@/utils/log/queries';
import { loadLang } from '../shared/settings';

// memo.html?id=<record id>: the audit memo of one logged audit, read from the log, to print.

async function start(root: HTMLElement): Promise<void> {
  const lang = await loadLang({ orDefaults: true });
  const id = new URLSearchParams(location.search).get('id') ?? '';
  const record = id ? await getRecord(id) : null;
  if (!record) {
    render(<p class="status">{t('memo.notFound', lang)}</p>, root);
    return;
  }
  const [verdicts, evidence] = await Promise.all([getVerdicts(record.url), getEvidence(record.id)]);
  document.title = `${record.title ?? record.url} · ${t('memo.title', lang)}`;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  render(
    <Memo
      lang={lang}
      record={record}
      verdicts={verdicts}
      evidence={evidence}
      now={Date.now()}
      onPrint={() => window.print()}
    />,
    root,
  );
}

void start(document.getElementById('app')!);
