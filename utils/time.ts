// Times are epoch milliseconds; people read them in local time, as a spreadsheet does.

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** 2024-03-01 10:20:30, local time: what Excel and WPS read as a date-time. */
export function formatTime(ms: number, withSeconds = true): string {
  const d = new Date(ms);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${withSeconds ? `:${pad(d.getSeconds())}` : ''}`;
  return `${date} ${time}`;
}
