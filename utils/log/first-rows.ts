import type { AuditRow } from './db';
import { LOG_DB_NAME, LOG_IDB_VERSION } from './db-identity';
import type { RecordSummary } from './schema';
import { toSummary } from './summary';

// The popup's first rows, read straight from IndexedDB by a small classic script in the popup's
// head (entrypoints/popup-first-rows.ts), while the popup's modules are still loading: the same
// rows as list.ts's firstRows, without waiting for Dexie and the page's code (issue 11: the list
// within 200 ms with 10 000 pages in the log). Whatever this read cannot vouch for, it leaves to
// Dexie: no log yet (Dexie creates it), a log at another schema version (Dexie upgrades it), any
// error. It never creates, changes or holds the database.

/** The rows a page of the popup's list holds. */
export const POPUP_PAGE_SIZE = 20;

/**
 * IndexedDB's getAllRecords: in Chrome 141+ and today's Firefox ESR, not in older browsers nor in
 * TypeScript's DOM types.
 */
type RecordsIndex = IDBIndex & {
  getAllRecords?(options: {
    query: IDBKeyRange;
    count: number;
    direction: IDBCursorDirection;
  }): IDBRequest<{ value: unknown }[]>;
};

/** Where the popup's first-rows script leaves its read for the popup's modules. */
export const FIRST_ROWS_GLOBAL = '__goujiFirstRows';

/**
 * The newest `pageSize` latest rows, as firstRows gives them: the [latest+auditedAt] index walked
 * backwards from its end. null when the log cannot be read this way; the caller then reads it
 * through Dexie.
 */
export function readFirstRowsDirect(
  pageSize: number,
  idb: IDBFactory = indexedDB,
  name: string = LOG_DB_NAME,
): Promise<RecordSummary[] | null> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = idb.open(name);
    } catch {
      resolve(null);
      return;
    }
    // no log yet: aborting the creation leaves no database behind, for Dexie to create
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
    open.onblocked = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      // a later upgrade (Dexie, another page) must never wait on this connection
      db.onversionchange = () => db.close();
      if (db.version !== LOG_IDB_VERSION || !db.objectStoreNames.contains('audits')) {
        db.close();
        resolve(null);
        return;
      }
      try {
        const tx = db.transaction('audits', 'readonly');
        const index = tx.objectStore('audits').index('[latest+auditedAt]');
        // [1] < [1, t] < [2] for every time t: the latest rows, by time, whatever the time's type
        const latest = IDBKeyRange.bound([1], [2], false, true);
        let rows: AuditRow[] = [];
        const getAllRecords = (index as RecordsIndex).getAllRecords;
        if (typeof getAllRecords === 'function') {
          // one request: the page's rows read backwards, as firstRows' cursor does
          const all = getAllRecords.call(index, {
            query: latest,
            count: pageSize,
            direction: 'prev',
          });
          all.onsuccess = () => {
            rows = all.result.map((r) => r.value as AuditRow);
          };
        } else {
          // Three requests, not one per row (each is a round trip to the browser's IndexedDB, 1–2 ms
          // on a slow machine): a backward key cursor steps to the page's oldest key, then one
          // getAll reads from that key on. Read forwards and turned round, its rows come newest
          // first and, within one time, by id from the highest: the order of a backward cursor.
          // Rows sharing the oldest key's time come whole, and are cut to the page after.
          const readFrom = (range: IDBKeyRange) => {
            const all = index.getAll(range);
            all.onsuccess = () => {
              rows = (all.result as AuditRow[]).reverse().slice(0, pageSize);
            };
          };
          const cursor = index.openKeyCursor(latest, 'prev');
          let stepped = false;
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (at && !stepped && pageSize > 1) {
              stepped = true;
              at.advance(pageSize - 1);
            } else readFrom(at ? IDBKeyRange.bound(at.key, [2], false, true) : latest);
          };
        }
        tx.oncomplete = () => {
          db.close();
          resolve(rows.map(toSummary));
        };
        tx.onabort = () => {
          db.close();
          resolve(null);
        };
      } catch {
        db.close();
        resolve(null);
      }
    };
  });
}
