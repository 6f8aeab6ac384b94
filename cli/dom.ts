import { Window } from 'happy-dom';

// A Node DOM for the parser: happy-dom with every network and script feature off, so a
// saved page is only read, never run.

export function documentFromHtml(html: string, url = 'http://localhost/'): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  const parser = new window.DOMParser();
  return parser.parseFromString(html, 'text/html') as unknown as Document;
}
