// The log's IndexedDB name and schema version, apart from db.ts (and Dexie) so that the popup's
// first-rows script (./first-rows.ts) can check them without loading Dexie.

export const LOG_DB_NAME = 'gouji-log';

/** The schema version LogDb declares last (db.ts); a log at another version is not read directly. */
export const LOG_DB_VERSION = 4;

/**
 * The version IndexedDB itself holds for LogDb's LOG_DB_VERSION: Dexie opens the database at ten
 * times its declared version (db.test.ts holds it to that).
 */
export const LOG_IDB_VERSION = LOG_DB_VERSION * 10;
