/**
 * Which media type a GraphQL answer goes out as, from the request's Accept header, chosen as
 * Apollo chooses it (the client's highest q, then the most specific match, then the client's
 * order; ties go to `application/json`), so taking the choice over changes no answer's type.
 */

export const JSON_MEDIA_TYPE = 'application/json';
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
/** In Apollo's order of preference on a tie. */
const OFFERED = [JSON_MEDIA_TYPE, GRAPHQL_RESPONSE_JSON] as const;

interface AcceptedRange {
  type: string;
  subtype: string;
  q: number;
  order: number;
}

function parseAccept(accept: string): AcceptedRange[] {
  return accept.split(',').flatMap((part, order) => {
    const [range, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const [type, subtype] = (range ?? '').split('/');
    if (!type || !subtype) return [];
    const qParameter = parameters.find((parameter) => /^q\s*=/.test(parameter));
    const q = qParameter === undefined ? 1 : Number(qParameter.replace(/^q\s*=\s*/, ''));
    return Number.isFinite(q) ? [{ type, subtype, q, order }] : [];
  });
}

/** Undefined when the client accepts neither JSON type (Apollo then answers 406). */
export function answerMediaType(accept: string | undefined | null): (typeof OFFERED)[number] | undefined {
  if (!accept || accept.trim() === '') return JSON_MEDIA_TYPE;
  const ranges = parseAccept(accept);
  const ranked = OFFERED.flatMap((offered, index) => {
    const [type, subtype] = offered.split('/');
    // The most specific range that covers the offered type decides its q.
    const matches = ranges
      .map((range) => ({
        range,
        specificity:
          range.type === type && range.subtype === subtype
            ? 2
            : range.type === type && range.subtype === '*'
              ? 1
              : range.type === '*' && range.subtype === '*'
                ? 0
                : -1,
      }))
      .filter((match) => match.specificity >= 0)
      .sort(
        (a, b) => b.specificity - a.specificity || b.range.q - a.range.q || a.range.order - b.range.order,
      );
    const best = matches[0];
    return best && best.range.q > 0
      ? [{ offered, q: best.range.q, specificity: best.specificity, order: best.range.order, index }]
      : [];
  });
  ranked.sort((a, b) => b.q - a.q || b.specificity - a.specificity || a.order - b.order || a.index - b.index);
  return ranked[0]?.offered;
}
