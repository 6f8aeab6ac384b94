import { browser, createShadowRootUi, defineContentScript } from '#imports';
import { HOST_TAG } from '@/components/overlay/mount';
import { userOnly } from '@/components/overlay/trusted';
import { tBoth } from '@/utils/i18n';
import { listOffer, readListPage } from '@/utils/sweep/list';
import type { SweepThisList } from './shared/messages';
import { overlayShadowMode } from './shared/test-hooks';

// On a list of reports (the detector said kind "index"): the offer to sweep it, as the popup makes
// it — "审核列表中的 N 份年报 / Audit the N reports listed here", the bodies and years the titles
// name and how many more pages the list has. Injected by the background, never declared; small (no
// parser): the list reader only. One closed shadow host, like the overlay's; only a trusted click
// acts, and the click asks the background to sweep this very page, whose address the message does
// not carry (the background takes the sender's).

const CSS = `
:host { all: initial; }
.bar { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 420px;
  font: 13px/1.5 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #1f2933;
  background: #fff; border: 1px solid #d0d5dd; border-radius: 6px; box-shadow: 0 2px 10px rgba(0,0,0,.15);
  padding: 10px 12px; }
button { font: inherit; cursor: pointer; }
button.go { border: 1px solid #1b7f3b; background: #1b7f3b; color: #fff; border-radius: 4px; padding: 4px 10px; }
button.close { float: right; border: 0; background: none; color: #52606d; font-size: 16px; line-height: 1; }
p { margin: 6px 0 0; color: #52606d; }
p.said { color: #1b7f3b; }
p.error { color: #b42318; }
`;

export default defineContentScript({
  registration: 'runtime',
  matches: ['*://*.gov.cn/*'],
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const offer = listOffer(readListPage(document, location.href));
    if (!offer) return;
    const both = (l: { zh: string; en: string }) => `${l.zh} / ${l.en}`;
    const found = tBoth('sweep.offer.found', { bodies: offer.bodies, years: offer.years });
    const more = offer.more ? tBoth('sweep.offer.morePages', { n: offer.more }) : null;
    const ui = await createShadowRootUi(ctx, {
      name: HOST_TAG,
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      css: CSS,
      mode: await overlayShadowMode(),
      isolateEvents: true,
      onMount(container) {
        const bar = document.createElement('div');
        bar.className = 'bar';
        bar.dataset.gouji = 'sweep-offer';
        const close = document.createElement('button');
        close.className = 'close';
        close.name = 'close';
        close.type = 'button';
        close.textContent = '×';
        close.addEventListener(
          'click',
          userOnly(() => ui.remove()),
        );
        const go = document.createElement('button');
        go.className = 'go';
        go.name = 'sweep';
        go.type = 'button';
        go.textContent = both(tBoth('sweep.offer', { n: offer.reports }));
        const line = document.createElement('p');
        line.className = 'found';
        line.textContent = `${found.zh}${more ? `，${more.zh}` : ''} / ${found.en}${more ? `, ${more.en}` : ''}`;
        const said = document.createElement('p');
        go.addEventListener(
          'click',
          userOnly(() => {
            go.disabled = true;
            const message: SweepThisList = { type: 'sweep-this-list' };
            browser.runtime.sendMessage(message).then(
              (reply: { ok?: boolean; error?: string } | undefined) => {
                said.className = reply?.ok ? 'said' : 'error';
                said.textContent = reply?.ok
                  ? both(tBoth('sweep.offer.started'))
                  : both(tBoth('sweep.startFailed', { error: reply?.error ?? '?' }));
                if (!reply?.ok) go.disabled = false;
              },
              () => {
                go.disabled = false;
              },
            );
          }),
        );
        bar.append(close, go, line, said);
        container.append(bar);
      },
    });
    ui.mount();
  },
});
