/**
 * The import format: one JSON document per source, holding the source text and every fact it
 * supports, each with verbatim evidence. Strict (unknown fields are errors) so typos can't
 * silently drop data. `schema/document.schema.json` is generated from this definition.
 */
import { z } from 'zod';

export const FORMAT = 'diplomacy-graph/document@1';

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' })
  .refine(isCalendarDate, { error: 'must be a real calendar date' })
  .describe('A calendar date, YYYY-MM-DD.');

const slug = '[a-z0-9]+(?:-[a-z0-9]+)*';
const SLUG_RULE = 'lower-case letters, digits and single dashes';

/** An id pattern, with the rule and an example a user can copy when their id doesn't fit. */
const idOf = (
  prefix: string,
  pattern = slug,
  rule = `"${prefix}:" then ${SLUG_RULE}`,
  example = `${prefix}:some-slug`,
) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}:${pattern}$`), {
      error: `must be an id like "${example}": ${rule}`,
    })
    .describe(`Stable id: ${rule}.`);

export const NationId = idOf(
  'nation',
  '[a-z]{3}',
  '"nation:" then the ISO 3166-1 alpha-3 code in lower case',
  'nation:gbr',
);
export const OfficialId = idOf('official');
export const OrganizationId = idOf('organization');
export const PlaceId = idOf('place');
export const TopicId = idOf('topic');
export const MeetingId = idOf(
  'meeting',
  `\\d{4}-\\d{2}-\\d{2}-${slug}`,
  `"meeting:", the date YYYY-MM-DD, a dash, then ${SLUG_RULE}`,
  'meeting:2025-04-10-coalition-of-the-willing-brussels',
);
export const StatementId = idOf('statement');
export const PositionId = idOf('position');
export const RoleId = idOf('role');
export const SourceId = idOf('source');
export const ActorId = z
  .string()
  .regex(new RegExp(`^(nation:[a-z]{3}|official:${slug}|organization:${slug})$`), {
    error: 'must be the id of a nation, official or organization',
  })
  .describe('Id of a nation, official or organization.');

const text = z.string().trim().min(1, { error: 'must not be empty' });
const names = {
  name: text.describe('The proper name, in its proper spelling.'),
  aliases: z.array(text).default([]).describe("Other names and spellings, including the source's own."),
};
const wikidata = z
  .string()
  .regex(/^Q\d+$/, { error: 'must be a Wikidata item id like Q145' })
  .optional()
  .describe('Wikidata item id.');

/**
 * The least an excerpt must hold to show a fact: a word or a letter is in almost any text and backs
 * nothing. The seed's shortest excerpt, "President Trump", has 15 characters and 2 words.
 */
export const MIN_EXCERPT_LENGTH = 8;
export const MIN_EXCERPT_WORDS = 2;
const wordCount = (value: string) => (value.match(/[\p{L}\p{N}]+/gu) ?? []).length;

export const Evidence = z
  .strictObject({
    excerpt: z
      .string()
      .trim()
      .min(MIN_EXCERPT_LENGTH, {
        error: `must be at least ${MIN_EXCERPT_LENGTH} characters: quote enough of the source to show the fact`,
        abort: true,
      })
      .refine((value) => wordCount(value) >= MIN_EXCERPT_WORDS, {
        error: `must hold at least ${MIN_EXCERPT_WORDS} words: quote enough of the source to show the fact`,
      })
      .describe(
        `Verbatim text of source.text that states the fact: at least ${MIN_EXCERPT_LENGTH} characters and ${MIN_EXCERPT_WORDS} words.`,
      ),
  })
  .describe('An exact excerpt of the source text.');
const evidence = z.array(Evidence).min(1, { error: 'needs at least one evidence excerpt' });

const eventCode = (codebook: 'CAMEO' | 'PLOVER') =>
  z
    .strictObject({ code: text, codebook: z.literal(codebook) })
    .optional()
    .describe(`${codebook} event code, e.g. ${codebook === 'CAMEO' ? '"044"' : '"CONSULT"'}.`);

/** A link readers can follow safely: http or https only (no `javascript:`, `data:` or `file:`). */
export const HttpUrl = z
  .httpUrl({ error: 'must be an http(s) URL, e.g. "https://example.org/report"' })
  // The JSON Schema's `format: uri` admits any scheme; the pattern tells other validators the rule.
  .meta({ pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' })
  .describe('An http(s) URL.');

export const Source = z.strictObject({
  id: SourceId,
  title: text,
  publisher: text,
  publishedAt: isoDate,
  url: HttpUrl.optional(),
  text: z.string().min(1, { error: 'must hold the full text of the source' }),
});

export const Nation = z.strictObject({
  id: NationId,
  ...names,
  iso3: z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 3166-1 alpha-3 code in capitals, e.g. GBR' }),
  wikidata,
  evidence,
});

export const Role = z.strictObject({
  id: RoleId,
  title: text.describe('The office, e.g. "Defence Secretary".'),
  nation: NationId.optional(),
  organization: OrganizationId.optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  asOf: isoDate.optional().describe('When the source attests the role; defaults to the publication date.'),
  evidence,
});

export const Official = z.strictObject({
  id: OfficialId,
  ...names,
  nation: NationId.optional(),
  wikidata,
  roles: z.array(Role).default([]),
  evidence,
});

export const OrganizationKind = z.enum([
  'ALLIANCE',
  'COALITION',
  'CONTACT_GROUP',
  'INTERNATIONAL_ORGANIZATION',
  'GOVERNMENT_BODY',
  'OTHER',
]);

export const Organization = z.strictObject({
  id: OrganizationId,
  ...names,
  kind: OrganizationKind,
  wikidata,
  members: z.array(z.strictObject({ nation: NationId, evidence })).default([]),
  leaders: z.array(z.strictObject({ actor: ActorId, evidence })).default([]),
  evidence,
});

export const PlaceKind = z.enum(['CITY', 'VENUE', 'REGION', 'COUNTRY', 'OTHER']);

export const Place = z.strictObject({
  id: PlaceId,
  ...names,
  kind: PlaceKind,
  country: NationId.optional(),
  within: PlaceId.optional(),
  wikidata,
  evidence,
});

export const Topic = z.strictObject({
  id: TopicId,
  ...names,
  broader: TopicId.optional().describe('The broader topic this one is part of.'),
  evidence: z.array(Evidence).default([]).describe('Optional: topics are vocabulary, not facts.'),
});

export const DateResolution = z
  .strictObject({
    text: text.describe('The date as written, e.g. "on Thursday".'),
    anchor: isoDate.describe('The date it is resolved against (the publication date).'),
    rule: text.describe('How it was resolved, e.g. "the most recent Thursday before publication".'),
  })
  .describe('How a relative date in the text was turned into `date`.');

export const MeetingStatus = z.enum(['HELD', 'SCHEDULED', 'CANCELLED']);

export const FigureMeasure = z.enum(['NATIONS_REPRESENTED', 'AMOUNT_PLEDGED', 'TROOPS_COMMITTED']);

export const Figure = z
  .strictObject({
    measure: FigureMeasure,
    value: z.number().nonnegative({ error: 'must be a number of 0 or more' }),
    unit: text.optional().describe('For amounts: the currency or unit as an ISO 4217 code, e.g. "EUR".'),
    approximate: z.boolean().optional().describe('True when the source hedges: "around", "more than".'),
    evidence,
  })
  .describe('A number the source reports about the meeting; kept per source, so reports can disagree.');

export const Meeting = z.strictObject({
  id: MeetingId,
  title: text,
  date: isoDate,
  dateText: text.optional(),
  dateResolution: DateResolution.optional(),
  status: MeetingStatus.describe('As of the publication date.'),
  place: PlaceId.optional(),
  convenedBy: z.array(OrganizationId).default([]),
  chairs: z.array(ActorId).default([]),
  participants: z.array(ActorId).default([]),
  nationsRepresented: z.number().int().positive().optional(),
  nationsRepresentedApproximate: z.boolean().optional(),
  figures: z.array(Figure).default([]),
  topics: z.array(TopicId).default([]),
  cameo: eventCode('CAMEO'),
  plover: eventCode('PLOVER'),
  evidence,
});

export const StatementKind = z.enum(['QUOTE', 'PARAPHRASE']);

export const Statement = z.strictObject({
  id: StatementId,
  kind: StatementKind.describe('QUOTE: the words are verbatim in the source.'),
  text,
  speaker: ActorId,
  date: isoDate.optional(),
  meeting: MeetingId.optional(),
  topics: z.array(TopicId).default([]),
  cameo: eventCode('CAMEO'),
  plover: eventCode('PLOVER'),
  evidence,
});

export const Stance = z.enum(['SUPPORTS', 'OPPOSES', 'STRESSES', 'REFUSES', 'HESITANT', 'PLEDGES']);

export const Position = z.strictObject({
  id: PositionId,
  stance: Stance,
  holder: ActorId,
  topic: TopicId,
  summary: text,
  date: isoDate.optional(),
  statements: z.array(StatementId).default([]),
  cameo: eventCode('CAMEO'),
  plover: eventCode('PLOVER'),
  evidence,
});

export const DocumentSchema = z
  .strictObject({
    format: z.literal(FORMAT, { error: `must be "${FORMAT}"` }),
    source: Source,
    nations: z.array(Nation).default([]),
    officials: z.array(Official).default([]),
    organizations: z.array(Organization).default([]),
    places: z.array(Place).default([]),
    topics: z.array(Topic).default([]),
    meetings: z.array(Meeting).default([]),
    statements: z.array(Statement).default([]),
    positions: z.array(Position).default([]),
  })
  .describe('One source document and every fact it supports, each with verbatim evidence.');

export type Document = z.output<typeof DocumentSchema>;

/** Every record of a document that carries an id, roles included (not the source). */
export function documentRecords(document: Document): { id: string }[] {
  return [
    ...document.nations,
    ...document.officials,
    ...document.officials.flatMap((official) => official.roles),
    ...document.organizations,
    ...document.places,
    ...document.topics,
    ...document.meetings,
    ...document.statements,
    ...document.positions,
  ];
}
