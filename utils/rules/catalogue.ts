// The check ids of report-formats.md §5.1–§5.7 and §5.9, and XDOC-01 of §5.8 (the rest of §5.8,
// cross-year, is not a per-report rule set: utils/rules/xyr/). XDOC-01 is a per-report rule for
// the scope a compiled report states; its comparison with the members' reports is XBD-02's, across
// the reports of a sweep. registry.test.ts compares this list with the spec when the spec is at
// hand, so the two cannot drift apart silently.

export const CATALOGUE_IDS = [
  'FMT-01',
  'FMT-02',
  'FMT-03',
  'FMT-04',
  'FMT-05',
  'FMT-06',
  'FMT-07',
  'FMT-08',
  'FMT-09',
  'FMT-10',
  'FMT-11',
  'FMT-12',
  'FMT-13',
  'FMT-14',
  'FMT-15',
  'VAL-01',
  'VAL-02',
  'VAL-03',
  'VAL-04',
  'VAL-05',
  'VAL-06',
  'T2-01',
  'T2-02',
  'T2-03',
  'T2-04',
  'T2-05',
  'T2-11',
  'T2-12',
  'T2-13',
  'T3-01',
  'T3-02',
  'T3-03',
  'T3-04',
  'T3-05',
  'T3-06',
  'T3-07',
  'T3-08',
  'T3-09',
  'T4-01',
  'T4-02',
  'T4-03',
  'T4-04',
  'T4-05',
  'TXT-01',
  'TXT-02',
  'TXT-03',
  'TXT-04',
  'TXT-05',
  'TXT-06',
  'TXT-07',
  'TXT-08',
  'TXT-09',
  'TXT-10',
  'TXT-11',
  'TXT-12',
  'ARI-01',
  'ARI-02',
  'ARI-03',
  'ARI-04',
  'ARI-05',
  'XDOC-01',
  'S17-01',
  'S17-02',
  'S17-03',
  'S17-04',
  'S17-05',
  'S17-06',
  'S17-07',
  'S17-08',
  'S17-09',
] as const;

/** The ids of the catalogue tables in §5.1–§5.7 and §5.9 of report-formats.md, and §5.8's XDOC. */
export function extractCatalogueIds(markdown: string): string[] {
  const ids: string[] = [];
  for (const section of markdown.split(/\n### /)) {
    const m = /^5\.(\d)\b/.exec(section);
    if (!m) continue;
    for (const row of section.matchAll(/^\| ([A-Z][A-Z0-9]*-\d+) \|/gm))
      if (m[1] !== '8' || row[1]!.startsWith('XDOC-')) ids.push(row[1]!);
  }
  return ids;
}
