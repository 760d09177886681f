/**
 * Proposed facts as highlights over the article: the text cut at every span's ends, each piece
 * knowing which facts cover it, so overlapping facts render as one run of marks and the text once.
 */

export interface FactSpan {
  id: string;
  start: number;
  end: number;
}

/** A piece of the text, [start, end), and the facts whose spans cover all of it (none: plain text). */
export interface TextSegment {
  start: number;
  end: number;
  factIds: string[];
}

/** Spans outside the text, or empty, are left out (the page lists them as warnings). */
export function fitsText(span: FactSpan, length: number): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start < span.end &&
    span.end <= length
  );
}

export function segmentText(length: number, spans: readonly FactSpan[]): TextSegment[] {
  const fitting = spans.filter((span) => fitsText(span, length));
  const cuts = new Set([0, length]);
  for (const span of fitting) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const factIds = fitting.filter((span) => span.start <= start && span.end >= end).map((span) => span.id);
    segments.push({ start, end, factIds });
  }
  return segments;
}

/** Of the facts covering a piece of text, the one a click there means: the shortest span. */
export function innermostFact(factIds: readonly string[], spans: readonly FactSpan[]): string | undefined {
  const covering = spans.filter((span) => factIds.includes(span.id));
  covering.sort((a, b) => a.end - a.start - (b.end - b.start));
  return covering[0]?.id;
}
