// A finding's fingerprint: stable across re-audits and engine upgrades because it hashes only the
// rule id and the place where the rule applied, never the values (a human verdict on a finding
// must survive a corrected number). 32-bit FNV-1a over the UTF-16 code units is enough here.

export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export const fingerprint = (ruleId: string, place: string): string =>
  `${ruleId}:${fnv1a(`${ruleId}|${place}`)}`;
