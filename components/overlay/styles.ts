// The overlay's whole stylesheet, given to createShadowRootUi as text: it lives inside the shadow
// root only (nothing is added to the page's <head>), and WXT puts `:host { all: initial !important }`
// before it so nothing the page sets is inherited. px everywhere: rem would follow the page's
// <html> font size.
//
// Every drawn element is position: fixed in viewport coordinates, straight from
// getBoundingClientRect. The host sits under <html>, outside <body>, so a transformed or
// z-indexed <body> cannot trap it in a lower stacking context.

const Z = 2147483600;

/** The panel's width when open (px). */
export const PANEL_WIDTH = 340;

const TONE_COLOURS = {
  error: { line: '#d92d20', fill: 'rgba(217, 45, 32, 0.10)', ink: '#b42318', soft: '#fee4e2' },
  warning: { line: '#e07b00', fill: 'rgba(247, 144, 9, 0.13)', ink: '#93370d', soft: '#fef0c7' },
  uncertain: { line: '#667085', fill: 'rgba(102, 112, 133, 0.10)', ink: '#344054', soft: '#eaecf0' },
  info: { line: '#1570ef', fill: 'rgba(21, 112, 239, 0.06)', ink: '#175cd3', soft: '#d1e9ff' },
} as const;

const tones = Object.entries(TONE_COLOURS)
  .map(
    ([tone, c]) => `
.box.tone-${tone} { border-color: ${c.line}; background-color: ${c.fill}; }
.box.tone-${tone}.inferred { background-image: repeating-linear-gradient(135deg, ${c.line}55 0 2px, transparent 2px 7px); }
.line.tone-${tone} { border-bottom-color: ${c.line}; background-color: ${c.fill}; }
.chip.tone-${tone} { background: ${c.soft}; color: ${c.ink}; }
.item.tone-${tone} { border-left-color: ${c.line}; }
.dot.tone-${tone} { background: ${c.line}; }`,
  )
  .join('\n');

export const OVERLAY_CSS = `
html, body { display: block; margin: 0; padding: 0; border: 0; background: transparent; }
.root, .root * , .root *::before, .root *::after { box-sizing: border-box; }
.root {
  font: 400 13px/1.5 system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: #1d2939; letter-spacing: 0; text-align: left; text-indent: 0; text-transform: none;
  white-space: normal; word-break: normal; overflow-wrap: anywhere; direction: ltr;
}

/* ── marks over the page: they never take the mouse, so the page stays usable ── */
.box, .line {
  position: fixed; z-index: ${Z}; pointer-events: none; margin: 0; padding: 0;
  outline: none; border-radius: 2px;
}
.box { border: 2px solid; }
.box.tone-info, .box.tone-uncertain { border-style: dashed; }
.box.tone-info { border-width: 1px; }
.line { border: 0; border-bottom: 3px solid; border-radius: 0; }
.line.tone-info, .line.tone-uncertain { border-bottom-style: dashed; }
.box:focus-visible, .line:focus-visible, .box.hot, .line.hot {
  box-shadow: 0 0 0 2px #fff, 0 0 0 4px #101828;
}
.box.active, .line.active { box-shadow: 0 0 0 3px rgba(16, 24, 40, 0.35); }
.pulse { animation: gouji-pulse 0.55s ease-in-out 3; }
@media (prefers-reduced-motion: reduce) {
  .pulse { animation: none; box-shadow: 0 0 0 4px rgba(16, 24, 40, 0.45); }
}
@keyframes gouji-pulse {
  0%, 100% { box-shadow: 0 0 0 0 rgba(16, 24, 40, 0); }
  50% { box-shadow: 0 0 0 6px rgba(16, 24, 40, 0.45); }
}

/* ── tooltip ── */
.tip {
  position: fixed; z-index: ${Z + 20}; pointer-events: none;
  width: max-content; max-width: min(380px, calc(100vw - 16px));
  background: #fff; border: 1px solid #d0d5dd; border-radius: 6px;
  box-shadow: 0 8px 24px rgba(16, 24, 40, 0.18); padding: 8px 10px;
}
.tip h3 { margin: 0 0 4px; font-size: 12px; font-weight: 600; color: #475467; }
.tip .finding + .finding { margin-top: 8px; padding-top: 8px; border-top: 1px solid #eaecf0; }
.tip .note { display: block; margin: 0 0 6px; font-size: 12px; color: #475467; font-style: italic; }

/* ── one finding, in the tooltip and the panel ── */
.finding, .finding .msg, .finding .nums, .finding .sure { display: block; }
.finding .head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 6px; }
.finding .spec { font: 600 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: #344054; }
.finding .title { font-weight: 600; }
.finding .msg { margin: 2px 0 0; }
.finding .nums { margin: 2px 0 0; color: #344054; }
.finding .sure { margin: 2px 0 0; font-size: 12px; color: #475467; }
.chip {
  display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 11px; line-height: 18px;
  font-weight: 600; white-space: nowrap;
}
.dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 4px; }

/* ── panel ── */
.panel {
  position: fixed; z-index: ${Z + 10}; top: 12px; width: ${PANEL_WIDTH}px; max-width: calc(100vw - 24px);
  max-height: calc(100vh - 24px); display: flex; flex-direction: column;
  background: #fff; border: 1px solid #d0d5dd; border-radius: 8px;
  box-shadow: 0 12px 32px rgba(16, 24, 40, 0.22); overflow: hidden;
}
.panel.dock-right { right: 12px; }
.panel.dock-left { left: 12px; }
.panel.collapsed { width: auto; max-width: calc(100vw - 24px); }
.bar {
  display: flex; align-items: center; gap: 4px; padding: 4px 4px 4px 6px;
  background: #f9fafb; border-bottom: 1px solid #eaecf0; flex: none;
}
.panel.collapsed .bar { border-bottom: 0; }
.handle {
  flex: 1 1 auto; display: flex; align-items: center; gap: 6px; min-width: 0;
  padding: 4px 6px; border-radius: 4px; cursor: grab; user-select: none; touch-action: none;
  font-weight: 700; color: #1b7f3b; white-space: nowrap;
}
.handle:active { cursor: grabbing; }
.handle .grip { color: #98a2b3; font-weight: 400; letter-spacing: -2px; }
.handle .counts { display: inline-flex; gap: 4px; font-weight: 600; }
button {
  all: unset; box-sizing: border-box; cursor: pointer; font: inherit; color: inherit;
}
.icon {
  width: 28px; height: 28px; display: inline-flex; align-items: center; justify-content: center;
  border-radius: 4px; color: #475467; font-size: 16px; line-height: 1; flex: none;
}
.icon:hover { background: #eaecf0; color: #101828; }
button:focus-visible, .handle:focus-visible { outline: 2px solid #1570ef; outline-offset: 1px; }
.body { overflow: auto; padding: 8px 12px 12px; overscroll-behavior: contain; }
.doc { margin: 0 0 6px; font-weight: 600; font-size: 13px; }
.meta { margin: 0 0 8px; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; font-size: 12px; }
.meta dt { color: #667085; margin: 0; }
.meta dd { margin: 0; }
.figures { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 6px; margin: 0 0 10px; }
.figure { background: #f2f4f7; border-radius: 6px; padding: 4px 8px; }
.figure .label { display: block; font-size: 11px; color: #667085; }
.figure .value { display: block; font-size: 16px; font-weight: 700; font-variant-numeric: tabular-nums; }
.summary { margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 4px; }
.hint { margin: 0 0 8px; font-size: 11px; color: #667085; }
.group { margin: 10px 0 0; }
.group h2 {
  margin: 0 0 4px; font-size: 12px; font-weight: 700; color: #344054;
  display: flex; align-items: center; gap: 6px; flex-wrap: wrap;
}
.group ul { list-style: none; margin: 0; padding: 0; }
.item {
  display: block; width: 100%; margin: 0 0 4px; padding: 6px 8px; border-radius: 4px;
  border: 1px solid #eaecf0; border-left: 4px solid; background: #fff;
}
.item:hover, .item.selected { background: #f9fafb; }
.item.selected { border-color: #98a2b3; }
.item.static { cursor: default; }
.item .hint { display: block; margin: 2px 0 0; }
.clean { margin: 8px 0; color: #1b7f3b; font-weight: 600; }
.unread { margin: 8px 0; padding: 6px 8px; border-left: 3px solid #6b7280; background: #f2f4f7; color: #344054; }
.unread p { margin: 0 0 4px; font-weight: 600; }
.unread ul { margin: 0 0 4px; padding-left: 16px; }
.box.spot { border: 3px solid #1570ef; background: rgba(21, 112, 239, 0.08); }
.view-switch, .notes-switch {
  display: inline-flex; align-items: center; gap: 6px; margin: 0 8px 6px 0; padding: 3px 8px;
  border: 1px solid #d0d5dd; border-radius: 4px; font-size: 12px; color: #344054;
}
.view-switch[aria-pressed="true"] { background: #eaecf0; }
.notes-switch .track {
  width: 22px; height: 12px; border-radius: 6px; background: #d0d5dd; position: relative; flex: none;
}
.notes-switch .track::after {
  content: ""; position: absolute; top: 2px; left: 2px; width: 8px; height: 8px; border-radius: 50%; background: #fff;
}
.notes-switch[aria-checked="true"] .track { background: #1570ef; }
.notes-switch[aria-checked="true"] .track::after { left: 12px; }
.reading h2 { margin: 8px 0 4px; font-size: 13px; }
.reading h3 { margin: 10px 0 2px; font-size: 12px; color: #344054; }
.reading h4 { margin: 6px 0 2px; font-size: 11px; color: #667085; font-weight: 600; }
.reading ul { list-style: none; margin: 0; padding: 0; font-size: 12px; }
.reading li { margin: 0 0 2px; overflow-wrap: anywhere; }
.reading .rows .n { color: #98a2b3; font-variant-numeric: tabular-nums; }
.reading .rows .key { font-weight: 600; color: #1b7f3b; }
.reading .rows [data-status="unplaced"], .reading .rows .status { color: #b54708; }
.reading .locate { display: block; width: 100%; padding: 1px 2px; border-radius: 3px; }
.reading .locate:hover { background: #eff8ff; }
.reading .claims .kind { font-weight: 600; }
.reading .at { color: #667085; font-size: 11px; }
.reading .claims .sentence { display: block; color: #475467; }
.not-saved { margin: 8px 0; padding: 4px 6px; color: #b42318; background: #fef3f2; border-radius: 4px; }
.attachments { margin: 6px 0; }
.attachment {
  display: block; width: 100%; margin: 0 0 4px; padding: 5px 8px; border-radius: 4px; text-align: left;
  border: 1px solid #1b7f3b; background: #fff; color: #1b7f3b; font-weight: 600;
}
.attachment:hover { background: #ecfdf3; }
${tones}
`;
