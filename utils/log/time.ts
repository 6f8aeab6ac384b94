// Times in the log are epoch milliseconds; people read them in local time, as a spreadsheet does.

export { formatTime } from '../time';

/** A new record or evidence id: random, so logs from two browsers merge without collisions. */
export function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
