/** Words a label spells in one case that read better another way. */
const PROPER: Readonly<Record<string, string>> = { weboc: 'WeBOC', sost: 'Sost', kashgar: 'Kashgar', tashkurgan: 'Tashkurgan', khunjerab: 'Khunjerab', china: 'China', pakistan: 'Pakistan' };

/**
 * A kernel event's label in one style, lower-case words: "ASSESSED" → "assessed",
 * "power_restored" → "power restored", "documentCheck" → "document check", "weboc_down" →
 * "WeBOC down". Place names keep their capital.
 */
export function eventLabel(label: string): string {
  return label
    .replace(/([a-z])([A-Z][a-z])/g, '$1 $2')
    .split(/[_\s]+/)
    .filter((word) => word !== '')
    .map((word) => {
      const lower = word.toLowerCase();
      if (PROPER[lower] !== undefined) return PROPER[lower];
      return word === word.toUpperCase() || word === word[0] + word.slice(1).toLowerCase() ? lower : word;
    })
    .join(' ');
}
