// The panel acts only on what the user did. A page script can call `.click()` or dispatchEvent on
// anything it can reach, and such events are never `isTrusted`; the shadow root is closed, so this
// is the second wall, not the first (review M1).

let acceptSynthetic = false;

/** Whether the event came from the user (the browser), not from a script's dispatchEvent. */
export const fromUser = (e: Event): boolean => e.isTrusted || acceptSynthetic;

/** A handler that ignores events a script made. */
export const userOnly =
  <E extends Event>(handler: (e: E) => void) =>
  (e: E): void => {
    if (fromUser(e)) handler(e);
  };

/**
 * Unit tests only: happy-dom's events are never trusted. Module state of the content script's own
 * world, which no page script can reach.
 */
export function acceptSyntheticEventsForTests(on: boolean): void {
  acceptSynthetic = on;
}
