/**
 * A reviewed import document (the seed) read as gold: its records are what an analyst recorded, so
 * drafting its source text can be scored against them like any annotated fixture. Ids become the
 * names they stand for; speakers and holders keep their entity's aliases through `officials` and
 * `organizations`, and nations resolve through their common names (see `eval-actors.ts`).
 */
import type { Document } from '../ingest/document.format';
import type { Gold } from './gold.format';

/** The name of an actor or topic id as the document defines it; the id itself when it doesn't. */
function nameIn(document: Document, id: string): string {
  const records: { id: string; name: string }[] = [
    ...document.nations,
    ...document.officials,
    ...document.organizations,
    ...document.topics,
    ...document.places,
  ];
  return records.find((record) => record.id === id)?.name ?? id;
}

const iso3Of = (nationId: string | undefined) => nationId?.slice('nation:'.length).toUpperCase();

export function goldFromDocument(document: Document): Gold {
  const { source } = document;
  const topicOf = (id: string) => document.topics.find((topic) => topic.id === id);
  return {
    synthetic: false,
    article: {
      title: source.title,
      publisher: source.publisher,
      publishedAt: source.publishedAt,
      ...(source.url ? { url: source.url } : {}),
    },
    nations: document.nations.map((nation) => nation.iso3),
    officials: document.officials.map((official) => ({
      name: official.name,
      aliases: official.aliases,
      ...(official.roles[0] ? { office: official.roles[0].title } : {}),
      ...(official.nation ? { nation: iso3Of(official.nation) } : {}),
    })),
    organizations: document.organizations.map(({ name, aliases }) => ({ name, aliases })),
    meetings: document.meetings.map((meeting) => ({
      date: meeting.date,
      status: meeting.status,
      ...(meeting.place ? { place: nameIn(document, meeting.place) } : {}),
      ...(meeting.nationsRepresented ? { nationsRepresented: meeting.nationsRepresented } : {}),
      ...(meeting.nationsRepresentedApproximate !== undefined
        ? { nationsRepresentedApproximate: meeting.nationsRepresentedApproximate }
        : {}),
      excerpt: meeting.evidence[0].excerpt,
    })),
    quotes: document.statements
      .filter((statement) => statement.kind === 'QUOTE')
      .map((statement) => ({ speaker: nameIn(document, statement.speaker), text: statement.text })),
    paraphrases: document.statements
      .filter((statement) => statement.kind === 'PARAPHRASE')
      .map((statement) => ({
        speaker: nameIn(document, statement.speaker),
        excerpt: statement.evidence[0].excerpt,
      })),
    positions: document.positions.map((position) => ({
      holder: nameIn(document, position.holder),
      stance: position.stance,
      topic: nameIn(document, position.topic),
      topicAliases: topicOf(position.topic)?.aliases ?? [],
      excerpt: position.evidence[0].excerpt,
    })),
    notes: [],
  };
}
