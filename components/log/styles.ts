// Styles of the log views, for the popup to put in one <style> (the views carry class names only).
// Status colours: red errors, orange warnings, blue notes, green clean; grey for uncertain findings.

export const LOG_COLORS = {
  error: '#c62828',
  warning: '#e65100',
  info: '#1565c0',
  clean: '#2e7d32',
  uncertain: '#757575',
} as const;

export const LOG_CSS = `
.log-filters { display: flex; gap: 4px; flex-wrap: wrap; margin-bottom: 6px; }
.log-filters input[type=search] { flex: 1 1 140px; min-width: 0; }
.log-rows { list-style: none; margin: 0; padding: 0; }
.log-row { display: flex; gap: 6px; align-items: flex-start; width: 100%; text-align: left; padding: 6px;
  background: none; border: 0; border-bottom: 1px solid #e0e0e0; border-left: 4px solid transparent; cursor: pointer; }
.log-row:hover, .log-row:focus-visible { background: #f5f5f5; }
.log-row.status-error { border-left-color: ${LOG_COLORS.error}; }
.log-row.status-warning { border-left-color: ${LOG_COLORS.warning}; }
.log-row.status-info { border-left-color: ${LOG_COLORS.info}; }
.log-row.status-clean { border-left-color: ${LOG_COLORS.clean}; }
.dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-top: 5px; flex: none; }
.dot.error { background: ${LOG_COLORS.error}; } .dot.warning { background: ${LOG_COLORS.warning}; }
.dot.info { background: ${LOG_COLORS.info}; } .dot.clean { background: ${LOG_COLORS.clean}; }
.dot.unread { background: #6b7280; } .log-row.status-unread { border-left-color: #6b7280; }
.count.unread, .read-state { color: #b54708; font-weight: 600; }
.row-main { display: flex; flex-direction: column; flex: 1; min-width: 0; }
.row-title { font-weight: 600; overflow: hidden; text-overflow: ellipsis; }
.row-meta { color: #616161; font-size: 12px; }
.row-counts { display: flex; flex-direction: column; align-items: flex-end; font-size: 12px; white-space: nowrap; }
.count.error, .badge.error { color: ${LOG_COLORS.error}; } .count.warning, .badge.warning { color: ${LOG_COLORS.warning}; }
.count.info, .badge.info { color: ${LOG_COLORS.info}; } .count.clean { color: ${LOG_COLORS.clean}; }
.badge.uncertain { color: ${LOG_COLORS.uncertain}; } .badge.changed { color: ${LOG_COLORS.warning}; }
.log-pager { display: flex; justify-content: space-between; align-items: center; margin-top: 6px; }
.finding { list-style: none; border-left: 3px solid ${LOG_COLORS.info}; padding: 4px 8px; margin: 6px 0; }
.finding.tone-error { border-left-color: ${LOG_COLORS.error}; } .finding.tone-warning { border-left-color: ${LOG_COLORS.warning}; }
.finding.tone-uncertain { border-left-color: ${LOG_COLORS.uncertain}; }
.finding.verdict-dismissed .message { text-decoration: line-through; color: #757575; }
.finding .badge { font-size: 12px; margin-right: 4px; } .finding .spec { color: #757575; font-size: 12px; }
.verdict button[aria-pressed=true] { font-weight: 700; outline: 2px solid currentColor; }
.verdict { border: 0; padding: 0; margin: 4px 0; display: flex; gap: 4px; }
.note { display: flex; flex-direction: column; font-size: 12px; } .note textarea { width: 100%; box-sizing: border-box; }
.evidence img { max-width: 100%; border: 1px solid #e0e0e0; }
.change table { border-collapse: collapse; font-size: 12px; } .change td, .change th { border: 1px solid #e0e0e0; padding: 2px 6px; }
.change .before { color: #757575; } .change .after { font-weight: 600; }
.follow-through .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; font-size: 12px; }
.export-bar .actions { display: flex; gap: 4px; flex-wrap: wrap; }
.export-bar .message.error { color: ${LOG_COLORS.error}; white-space: pre-wrap; }
.export-bar .confirm { border: 1px solid ${LOG_COLORS.error}; padding: 6px; margin-top: 6px; }
`;
