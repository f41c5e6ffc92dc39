/**
 * Several series in one plot (the scenarios of a capacity study, the rows of a sweep): each
 * with its own colour, dash and point shape, so that they stay apart in a greyscale print.
 */
import { SERIES_COLOURS, SERIES_DASHES, SERIES_SHAPES } from './theme.js';

/** Encodings that tell the series named in `domain` apart, by the field `field`, with a legend titled `title`. */
export function seriesEncodings(field: string, domain: readonly string[], title: string | null) {
  const pick = <T>(list: readonly T[]): T[] => domain.map((_, i) => list[i % list.length]);
  const legend = domain.length > 1 ? { title, labelLimit: 320 } : null;
  return {
    color: { field, type: 'nominal' as const, scale: { domain: [...domain], range: pick(SERIES_COLOURS) }, legend },
    strokeDash: { field, type: 'nominal' as const, scale: { domain: [...domain], range: pick(SERIES_DASHES) }, legend },
    shape: { field, type: 'nominal' as const, scale: { domain: [...domain], range: pick(SERIES_SHAPES) }, legend },
  };
}
