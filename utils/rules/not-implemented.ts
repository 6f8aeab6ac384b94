// Catalogue checks that are not per-report rules in utils/rules/, each with the reason or the
// place they run instead. registry.test.ts fails when a catalogue id is neither registered nor
// listed here, and when a registered id is still listed: whoever adds a rule removes its line
// and updates its row in the README's table of checks.

/** Checks with no implementation yet: id → why. */
export const NOT_IMPLEMENTED: Readonly<Record<string, string>> = {};

/** Checks that need more than one report, run elsewhere: id → where (a repository path). */
export const IMPLEMENTED_ELSEWHERE: Readonly<Record<string, string>> = {
  // needs the previous year's report from the audit log, so it runs with the cross-year checks
  'T4-04': 'utils/rules/xyr/t4-04.ts',
};
