import { FIRST_ROWS_GLOBAL, POPUP_PAGE_SIZE, readFirstRowsDirect } from '@/utils/log/first-rows';

// A classic script in popup.html's head: it starts reading the list's first rows while the popup's
// modules load, and leaves the read where the popup takes it (utils/log/first-rows.ts).
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[FIRST_ROWS_GLOBAL] = readFirstRowsDirect(POPUP_PAGE_SIZE);
});
