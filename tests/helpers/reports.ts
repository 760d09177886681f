/**
 * Small synthetic reports in the document format, for tests of what several sources say: a source
 * whose text is the given sentences, and records whose excerpts are taken from those sentences.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface ReportSource {
  slug: string;
  publisher: string;
  publishedAt: string;
  sentences: string[];
}

/** A document: `records` are the format's sections (nations, officials, positions...). */
export function report(source: ReportSource, records: Record<string, Json[]>): Json {
  return {
    format: 'diplomacy-graph/document@1',
    source: {
      id: `source:${source.slug}`,
      title: `${source.publisher}: ${source.sentences[0].slice(0, 60)}`,
      publisher: source.publisher,
      publishedAt: source.publishedAt,
      text: source.sentences.join(' '),
    },
    ...records,
  };
}

/** Evidence of one excerpt (copy it verbatim from a sentence of the report). */
export function says(excerpt: string): Json[] {
  return [{ excerpt }];
}
