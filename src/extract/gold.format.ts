/**
 * The gold annotation of an article: what a careful analyst records from its text, independently
 * of any extractor, so drafts can be scored against it (`evaluate.ts`). Small on purpose: names,
 * dates, stances and verbatim text, no ids. Strict, like the import format, so a typo in a fixture
 * fails loudly instead of silently scoring nothing. docs/extraction.md explains each field.
 */
import { z } from 'zod';
import { MeetingStatus, Stance } from '../ingest/document.format';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' });
const iso3 = z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 3166-1 alpha-3 code in capitals' });
const text = z.string().trim().min(1, { error: 'must not be empty' });
/** A nation, official or organization, by a name the annotation lists (or a nation's common name). */
const actorName = text;

export const GoldArticle = z.strictObject({
  title: text,
  publisher: text,
  publishedAt: isoDate,
  url: z.string().optional(),
});

export const GoldOfficial = z.strictObject({
  name: text,
  /** Other spellings the article uses or an analyst would accept ("Hakkanen", "Healey"). */
  aliases: z.array(text).default([]),
  office: text.optional(),
  nation: iso3.optional(),
  organization: text.optional(),
});

export const GoldOrganization = z.strictObject({
  name: text,
  aliases: z.array(text).default([]),
});

export const GoldMeeting = z.strictObject({
  /** The day it was held or is to be held, resolved against `article.publishedAt`. */
  date: isoDate,
  /** When the text gives only a span ("next week"): its last day; any date from `date` on counts. */
  dateLatest: isoDate.optional(),
  status: MeetingStatus,
  place: text.optional(),
  nationsRepresented: z.number().int().positive().optional(),
  nationsRepresentedApproximate: z.boolean().optional(),
  /** Verbatim: the text that reports the meeting. */
  excerpt: text,
});

export const GoldQuote = z.strictObject({
  speaker: actorName,
  /** The words inside the quotation marks, verbatim; a quote split by its attribution is two quotes. */
  text,
});

export const GoldParaphrase = z.strictObject({
  speaker: actorName,
  /** Verbatim: the reported speech, usually its clause or sentence. */
  excerpt: text,
});

export const GoldPosition = z.strictObject({
  holder: actorName,
  stance: Stance,
  topic: text,
  /** Other names an analyst would accept for the topic. */
  topicAliases: z.array(text).default([]),
  /** Verbatim: the text that states the stance. */
  excerpt: text,
});

export const GoldSchema = z.strictObject({
  /** true for the fixtures written for this project; false for the seed's own extraction. */
  synthetic: z.boolean(),
  article: GoldArticle,
  /** Every nation mentioned: by name, short form, demonym, or its capital standing for its government. */
  nations: z.array(iso3),
  officials: z.array(GoldOfficial).default([]),
  organizations: z.array(GoldOrganization).default([]),
  meetings: z.array(GoldMeeting).default([]),
  quotes: z.array(GoldQuote).default([]),
  paraphrases: z.array(GoldParaphrase).default([]),
  positions: z.array(GoldPosition).default([]),
  /** The annotator's judgement calls, for the reader of the fixture; not scored. */
  notes: z.array(text).default([]),
});

export type Gold = z.output<typeof GoldSchema>;
export type GoldMeetingItem = z.output<typeof GoldMeeting>;
export type GoldPositionItem = z.output<typeof GoldPosition>;
