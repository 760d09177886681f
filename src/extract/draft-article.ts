/**
 * Drafts an article into the import format: sentences and quotations -> entity mentions ->
 * meetings, statements and positions -> entities matched to the graph -> one document whose every
 * excerpt is a slice of the article (so it is verbatim by construction). Pure and synchronous:
 * the caller looks up the graph's entities first (`known`) and nothing is written.
 */
import { foldText } from '../graph/text';
import { FORMAT, type Document } from '../ingest/document.format';
import {
  actorMentions,
  MAX_EVIDENCE_PER_FACT,
  MAX_FACT_SENTENCE_CHARS,
  type ArticleContext,
} from './article-context';
import type { ArticleInput, Draft, DraftEntity, DraftFact, KnownEntity, TextSpan } from './draft.types';
import type { EntityDraft } from './entities';
import { slugify, sourceIdFor } from './ids';
import { MEETING_CODES, STANCE_CODES, STATEMENT_CAMEO } from './lexicon';
import { matchEntity, type MatchResult } from './match';
import { extractMeetings, type MeetingDraft } from './meetings';
import { extractPositions, summaryOf } from './positions';
import { recogniseEntities } from './recognise';
import { findQuotations, splitSentences, wordsOf } from './sentences';
import { extractStatements, shorten, type StatementDraft } from './statements';
import { tokenize } from './tokens';
import { TopicResolver } from './topics';

/** Most mentions of one entity a draft lists. */
const MAX_MENTIONS_SHOWN = 100;

type Records = Required<
  Pick<
    Document,
    'nations' | 'officials' | 'organizations' | 'places' | 'topics' | 'meetings' | 'statements' | 'positions'
  >
>;

export function draftArticle(article: ArticleInput, known: readonly KnownEntity[]): Draft {
  const { text } = article;
  const warnings: string[] = [];
  const sentences = splitSentences(text);
  const tokens = tokenize(text);
  const factSentences = sentences.filter((sentence) => sentence.text.length <= MAX_FACT_SENTENCE_CHARS);
  if (factSentences.length < sentences.length) {
    warnings.push(
      `${sentences.length - factSentences.length} "sentence(s)" longer than ${MAX_FACT_SENTENCE_CHARS} characters (the first at ${sentences.find((sentence) => sentence.text.length > MAX_FACT_SENTENCE_CHARS)!.start}) were not read for facts: split them into sentences to draft them.`,
    );
  }
  const table = recogniseEntities({
    text,
    sentences: factSentences,
    tokens,
    known,
    publisher: article.publisher,
  });
  const context: ArticleContext = {
    text,
    anchor: article.publishedAt,
    sentences,
    factSentences,
    quotations: findQuotations(text),
    table,
    actors: actorMentions(table),
  };
  const meetings = extractMeetings(context);
  const statements = extractStatements(context, (message) => warnings.push(message));
  const positions = extractPositions(context, statements);

  const records: Records = {
    nations: [],
    officials: [],
    organizations: [],
    places: [],
    topics: [],
    meetings: [],
    statements: [],
    positions: [],
  };
  const facts: DraftFact[] = [];
  const entities: DraftEntity[] = [];
  const used = new Set<string>();
  const reserved = new Set<string>(known.map((entity) => entity.id));
  // The next free suffix per base id, so a thousand "meeting:…-2", "-3", … cost one step each.
  const nextSuffix = new Map<string, number>();
  const unique = (id: string) => {
    let candidate = id;
    let n = nextSuffix.get(id) ?? 2;
    while (used.has(candidate) || reserved.has(candidate)) candidate = `${id}-${n++}`;
    nextSuffix.set(id, n);
    used.add(candidate);
    return candidate;
  };
  const span = (start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });
  const excerptOf = (start: number, end: number) => ({ excerpt: text.slice(start, end) });

  // Entities: ids, match decisions and records.
  const idOf = new Map<string, string>();
  const matches = new Map<string, MatchResult>();
  const nationOf = (key: string) =>
    key.startsWith('nation:') ? `nation:${key.slice(7).toLowerCase()}` : undefined;
  const ordered = [...table.byKey.values()].filter((entity) => entity.mentions.length > 0);
  const knownById = new Map(known.map((entity) => [entity.id, entity]));
  const topicNames = new Map<string, string>();
  const entityById = new Map<string, DraftEntity>();
  // Every id the graph holds is taken: a new entity or topic never reuses one (an AMBIGUOUS "John
  // Smith" must not land on "official:john-smith-new" if a reviewer kept such a one before).
  for (const entity of ordered) {
    const match = matchEntity(entity, known, nationOf);
    matches.set(entity.key, match);
    let id: string;
    if (match.decision === 'EXISTING' && match.known) {
      id = match.known.id;
      used.add(id);
    } else {
      const base = newIdFor(entity);
      id = unique(reserved.has(base) ? `${base}-new` : base);
    }
    idOf.set(entity.key, id);
  }

  // Topics come from positions; resolve them before writing records.
  const topics = new TopicResolver(known);
  const topicIds = new Map<string, string>();
  const topicOf = (words: string, evidenceAt: TextSpan): string | undefined => {
    const choice = topics.resolve(words);
    if (!choice) return undefined;
    if (choice.knownId) return choice.knownId;
    const key = foldText(choice.name);
    let id = topicIds.get(key);
    if (!id) {
      id = unique(`topic:${slugify(choice.name)}`);
      topicIds.set(key, id);
      const evidence =
        wordsOf(evidenceAt.text).length >= 2 && evidenceAt.text.trim().length >= 8
          ? [{ excerpt: evidenceAt.text }]
          : [];
      records.topics.push({ id, name: choice.name, aliases: [], evidence });
      topicNames.set(id, choice.name);
      entities.push({
        id,
        kind: 'TOPIC',
        name: choice.name,
        decision: 'NEW',
        reason: choice.reason,
        candidates: [],
        mentions: [evidenceAt],
      });
    }
    return id;
  };

  /** The id an entity key was given (undefined for one with no mention left). */
  const actorId = (key: string) => idOf.get(key);

  // Meetings.
  const meetingIds = new Map<MeetingDraft, string>();
  for (const meeting of meetings) {
    const convener = meeting.convenedBy[0] ? table.byKey.get(meeting.convenedBy[0]) : undefined;
    const place = meeting.place ? table.byKey.get(meeting.place) : undefined;
    const city = place?.within ? table.byKey.get(place.within) : place;
    const people = meeting.participants
      .map((key) => table.byKey.get(key))
      .filter((entity): entity is EntityDraft => entity?.kind === 'OFFICIAL');
    const hostNames = meeting.chairs
      .map((key) => table.byKey.get(key)?.name)
      .filter((name): name is string => Boolean(name));
    const who =
      convener?.name ??
      (people.length > 0
        ? people
            .slice(0, 3)
            .map((person) => lastName(person.name))
            .join('-')
        : hostNames.length > 0
          ? `${hostNames.join(' ')} meeting`
          : 'meeting');
    const id = unique(
      `meeting:${meeting.date}-${slugify([who, city?.name].filter(Boolean).join(' '), 70) || 'meeting'}`,
    );
    meetingIds.set(meeting, id);
    const title = convener
      ? `${convener.name} meeting`
      : people.length > 0
        ? `Meeting of ${people.map((person) => person.name).join(', ')}`
        : hostNames.length > 0
          ? `Meeting hosted by ${hostNames.join(' and ')}`
          : `Meeting${city ? ` in ${city.name}` : ''}`;
    const date = meeting.dateResolution;
    records.meetings.push({
      id,
      title,
      figures: [],
      date: meeting.date,
      ...(date && date.relative
        ? {
            dateText: date.text,
            dateResolution: { text: date.text, anchor: article.publishedAt, rule: date.rule },
          }
        : date
          ? { dateText: date.text }
          : {}),
      status: meeting.status,
      ...(meeting.place && actorId(meeting.place) ? { place: actorId(meeting.place) } : {}),
      convenedBy: meeting.convenedBy.map(actorId).filter((value): value is string => Boolean(value)),
      chairs: meeting.chairs.map(actorId).filter((value): value is string => Boolean(value)),
      participants: meeting.participants.map(actorId).filter((value): value is string => Boolean(value)),
      ...(meeting.nationsRepresented ? { nationsRepresented: meeting.nationsRepresented } : {}),
      ...(meeting.approximate ? { nationsRepresentedApproximate: true } : {}),
      topics: [],
      cameo: { code: MEETING_CODES.cameo, codebook: 'CAMEO' },
      plover: { code: MEETING_CODES.plover, codebook: 'PLOVER' },
      evidence: dedupe(meeting.evidence).map(({ start, end }) => excerptOf(start, end)),
    });
    const first = meeting.evidence[0];
    facts.push({
      id,
      kind: 'MEETING',
      summary: `${title}, ${meeting.status.toLowerCase()}, ${meeting.date}${place ? `, ${place.name}` : ''}${meeting.nationsRepresented ? `, ${meeting.approximate ? 'around ' : ''}${meeting.nationsRepresented} countries` : ''}`,
      excerpt: text.slice(first.start, first.end),
      start: first.start,
      end: first.end,
      confidence: meeting.confidence,
      date: meeting.date,
      status: meeting.status,
      text: title,
    });
  }
  const meetingBySentence = new Map<number, MeetingDraft>();
  for (const meeting of meetings) {
    for (const sentence of meeting.sentences)
      if (!meetingBySentence.has(sentence.index)) meetingBySentence.set(sentence.index, meeting);
  }
  const meetingOf = (sentenceIndex: number) => {
    const meeting = meetingBySentence.get(sentenceIndex);
    return meeting ? { id: meetingIds.get(meeting)!, date: meeting.date } : undefined;
  };

  // Statements.
  const statementIds: { draft: StatementDraft; id: string }[] = [];
  const statementsBySentence = new Map<number, { draft: StatementDraft; id: string }[]>();
  const seenStatements = new Set<string>();
  for (const statement of statements) {
    const speaker = actorId(statement.speaker);
    if (!speaker) continue;
    const dedupeKey = `${speaker}|${statement.kind}|${foldText(statement.text)}`;
    if (seenStatements.has(dedupeKey)) continue;
    seenStatements.add(dedupeKey);
    const id = unique(
      `statement:${slugify(lastName(table.byKey.get(statement.speaker)?.name ?? speaker), 30)}-${slugify(wordsOf(statement.text).slice(0, 6).join(' '), 50)}`,
    );
    const meeting = meetingOf(statement.sentence.index);
    records.statements.push({
      id,
      kind: statement.kind,
      text: statement.text,
      speaker,
      ...(meeting ? { date: meeting.date, meeting: meeting.id } : {}),
      topics: [],
      cameo: { code: STATEMENT_CAMEO, codebook: 'CAMEO' },
      evidence: [excerptOf(statement.evidence.start, statement.evidence.end)],
    });
    statementIds.push({ draft: statement, id });
    const inSentence = statementsBySentence.get(statement.sentence.index) ?? [];
    inSentence.push({ draft: statement, id });
    statementsBySentence.set(statement.sentence.index, inSentence);
    facts.push({
      id,
      kind: 'STATEMENT',
      summary: `${nameFor(statement.speaker)} (${statement.kind === 'QUOTE' ? 'quote' : 'paraphrase'}): ${shorten(statement.text, 90)}`,
      excerpt: text.slice(statement.evidence.start, statement.evidence.end),
      start: statement.evidence.start,
      end: statement.evidence.end,
      confidence: round(statement.confidence),
      actor: speaker,
      statementKind: statement.kind,
      text: statement.text,
      ...(meeting ? { date: meeting.date } : {}),
    });
  }

  // Positions, one per holder; the same holder, stance and topic twice is one position with more evidence.
  const positionByKey = new Map<string, Records['positions'][number]>();
  let lastTopic: { topic: string; sentence: number } | undefined;
  for (const position of positions) {
    const objectSpan = span(position.object.start, position.object.end);
    // "such a guarantee", "this plan": the topic of the stance just before (this sentence or the last).
    const anaphora =
      /^(?:such|this|that|these|those|the same)\b/iu.test(objectSpan.text.trim()) &&
      lastTopic !== undefined &&
      position.sentence.index - lastTopic.sentence <= 1;
    const topic = anaphora ? lastTopic!.topic : topicOf(objectSpan.text, objectSpan);
    if (topic) lastTopic = { topic, sentence: position.sentence.index };
    if (!topic) continue;
    const summary = summaryOf(text, position);
    const meeting = meetingOf(position.sentence.index);
    for (const holderKey of position.holders) {
      const holder = actorId(holderKey);
      if (!holder) continue;
      const key = `${holder}|${position.stance}|${topic}`;
      const existing = positionByKey.get(key);
      if (existing) {
        const excerpt = excerptOf(position.evidence.start, position.evidence.end);
        if (
          existing.evidence.length < MAX_EVIDENCE_PER_FACT &&
          !existing.evidence.some((item) => item.excerpt === excerpt.excerpt)
        ) {
          existing.evidence.push(excerpt);
        }
        continue;
      }
      let linked = (statementsBySentence.get(position.sentence.index) ?? [])
        .filter(({ draft }) => draft.speaker === holderKey)
        .map(({ id }) => id);
      const quoted = context.quotations.some(
        (quote) => quote.start <= position.cue.start && position.cue.end <= quote.end,
      );
      if (linked.length === 0 && position.speech && !quoted && table.byKey.has(holderKey)) {
        // "stressing the importance of …" said of an official is a paraphrase of what they said.
        const id = unique(
          `statement:${slugify(lastName(table.byKey.get(holderKey)!.name), 30)}-${slugify(wordsOf(summary).slice(0, 6).join(' '), 50)}`,
        );
        records.statements.push({
          id,
          kind: 'PARAPHRASE',
          text: summary,
          speaker: holder,
          ...(meeting ? { date: meeting.date, meeting: meeting.id } : {}),
          topics: [topic],
          cameo: { code: STATEMENT_CAMEO, codebook: 'CAMEO' },
          evidence: [excerptOf(position.evidence.start, position.evidence.end)],
        });
        facts.push({
          id,
          kind: 'STATEMENT',
          summary: `${nameFor(holderKey)} (paraphrase): ${shorten(summary, 90)}`,
          excerpt: text.slice(position.evidence.start, position.evidence.end),
          start: position.evidence.start,
          end: position.evidence.end,
          confidence: round(position.confidence - 0.05),
          actor: holder,
          statementKind: 'PARAPHRASE',
          text: summary,
          ...(meeting ? { date: meeting.date } : {}),
        });
        linked = [id];
      }
      const id = unique(
        `position:${slugify(lastName(nameFor(holderKey)), 30)}-${position.stance.toLowerCase()}-${slugify(topic.split(':')[1] ?? topic, 50)}`,
      );
      const codes = STANCE_CODES[position.stance];
      const record: Records['positions'][number] = {
        id,
        stance: position.stance,
        holder,
        topic,
        summary,
        ...(meeting ? { date: meeting.date } : {}),
        statements: linked,
        ...(codes.cameo ? { cameo: { code: codes.cameo, codebook: 'CAMEO' as const } } : {}),
        ...(codes.plover ? { plover: { code: codes.plover, codebook: 'PLOVER' as const } } : {}),
        evidence: [excerptOf(position.evidence.start, position.evidence.end)],
      };
      positionByKey.set(key, record);
      records.positions.push(record);
      facts.push({
        id,
        kind: 'POSITION',
        summary: `${nameFor(holderKey)} ${position.stance} ${topicName(topic)}`,
        excerpt: text.slice(position.evidence.start, position.evidence.end),
        start: position.evidence.start,
        end: position.evidence.end,
        confidence: round(position.confidence),
        actor: holder,
        stance: position.stance,
        topic,
        ...(meeting ? { date: meeting.date } : {}),
      });
    }
  }
  function nameFor(key: string): string {
    return table.byKey.get(key)?.name ?? key;
  }
  function topicName(id: string): string {
    return topicNames.get(id) ?? knownById.get(id)?.name ?? id;
  }

  // Entity records: every entity mentioned, with a short excerpt around its first mention.
  for (const entity of ordered) {
    const id = idOf.get(entity.key)!;
    const match = matches.get(entity.key)!;
    const existing = match.decision === 'EXISTING' ? match.known : undefined;
    const evidence = dedupeExcerpts(
      entity.mentions.slice(0, 3).map((mention) => excerptOf(...window(text, mention))),
    );
    // Every other spelling the article uses, accent-less ones included: they are how later reports will write it.
    const aliases = [...new Set([entity.name, ...entity.aliases])].filter(
      (alias) => alias !== (existing?.name ?? entity.name) && alias.length > 1,
    );
    // Two spellings of one existing entity ("Hakkanen", "Hakanen") are one record.
    const twin = entityById.get(id);
    if (twin) {
      twin.mentions.push(
        ...entity.mentions
          .slice(0, Math.max(0, MAX_MENTIONS_SHOWN - twin.mentions.length))
          .map((mention) => span(mention.start, mention.end)),
      );
      mergeInto(records, id, aliases, evidence);
      continue;
    }
    const drafted: DraftEntity = {
      id,
      kind: entity.kind,
      name: existing?.name ?? entity.name,
      decision: match.decision,
      reason: match.reason,
      candidates: match.candidates,
      // The first MAX_MENTIONS_SHOWN: enough to review, and a response's size stays bounded.
      mentions: entity.mentions
        .slice(0, MAX_MENTIONS_SHOWN)
        .map((mention) => span(mention.start, mention.end)),
    };
    entities.push(drafted);
    entityById.set(id, drafted);
    const name = existing?.name ?? entity.name;
    if (entity.kind === 'NATION') {
      records.nations.push({ id, name, aliases, iso3: entity.iso3!, evidence });
    } else if (entity.kind === 'OFFICIAL') {
      const nation = entity.nation ? idOf.get(entity.nation) : undefined;
      const keepNation = nation && (!existing?.nation || existing.nation === nation) ? nation : undefined;
      // An existing official's office the graph already has (by its id's slug) is not restated: the
      // graph's title and nation stand ("Defence-Secretary" or another nation would be refused).
      const knownOffices = new Set((existing?.offices ?? []).map((title) => slugify(title, 40)));
      const roles = dedupeRoles(entity.offices)
        .filter((office) => !knownOffices.has(slugify(office.title, 40)))
        .map((office) => {
          const officeNation = office.nation ? idOf.get(office.nation) : undefined;
          const organization = office.organization ? idOf.get(office.organization) : undefined;
          return {
            id: `role:${slugify(name, 40)}-${slugify(office.title, 40)}`,
            title: office.title,
            ...(officeNation ? { nation: officeNation } : {}),
            ...(organization && organization.startsWith('organization:') ? { organization } : {}),
            asOf: article.publishedAt,
            evidence: [excerptOf(...window(text, office.span))],
          };
        });
      records.officials.push({
        id,
        name,
        aliases,
        ...(keepNation ? { nation: keepNation } : {}),
        roles,
        evidence,
      });
    } else if (entity.kind === 'ORGANIZATION') {
      // An organization or place the graph has is referred to by id (its kind is the graph's).
      if (!existing)
        records.organizations.push({
          id,
          name,
          aliases,
          kind: entity.organizationKind ?? 'OTHER',
          members: [],
          leaders: [],
          evidence,
        });
    } else if (entity.kind === 'PLACE') {
      const country = entity.nation ? idOf.get(entity.nation) : undefined;
      const within = entity.within ? idOf.get(entity.within) : undefined;
      if (!existing) {
        records.places.push({
          id,
          name,
          aliases,
          kind: entity.placeKind ?? 'OTHER',
          ...(country ? { country } : {}),
          ...(within && within !== id ? { within } : {}),
          evidence,
        });
      }
    }
  }

  const document: Document = {
    format: FORMAT,
    source: {
      id: sourceIdFor(article),
      title: article.title,
      publisher: article.publisher,
      publishedAt: article.publishedAt,
      ...(article.url ? { url: article.url } : {}),
      text,
    },
    ...records,
  };
  return { document, entities, facts, warnings };
}

function mergeInto(records: Records, id: string, aliases: string[], evidence: { excerpt: string }[]): void {
  const record = [...records.nations, ...records.officials, ...records.organizations, ...records.places].find(
    (candidate) => candidate.id === id,
  );
  if (!record) return;
  record.aliases = [...new Set([...record.aliases, ...aliases])].filter((alias) => alias !== record.name);
  record.evidence = dedupeExcerpts([...record.evidence, ...evidence]);
}

function newIdFor(entity: EntityDraft): string {
  switch (entity.kind) {
    case 'NATION':
      return `nation:${entity.iso3!.toLowerCase()}`;
    case 'OFFICIAL':
      return `official:${slugify(entity.name) || 'unnamed'}`;
    case 'ORGANIZATION':
      return `organization:${slugify(entity.name) || 'unnamed'}`;
    case 'PLACE':
      return `place:${slugify(entity.name) || 'unnamed'}`;
    default:
      return `topic:${slugify(entity.name) || 'unnamed'}`;
  }
}

function lastName(name: string): string {
  const words = name.split(/\s+/);
  return words[words.length - 1] ?? name;
}

function round(value: number): number {
  return Math.round(Math.max(0.05, Math.min(1, value)) * 100) / 100;
}

function dedupe<T extends { start: number; end: number }>(spans: T[]): T[] {
  return spans.filter(
    (span, index) =>
      spans.findIndex((other) => other.start === span.start && other.end === span.end) === index,
  );
}

function dedupeExcerpts(evidence: { excerpt: string }[]): { excerpt: string }[] {
  return evidence.filter(
    (item, index) => evidence.findIndex((other) => other.excerpt === item.excerpt) === index,
  );
}

/** One role per id: titles that slug alike ("Secretary-General", "Secretary General") are one. */
function dedupeRoles<T extends { title: string; nation?: string }>(offices: T[]): T[] {
  return offices.filter(
    (office, index) =>
      offices.findIndex((other) => slugify(other.title, 40) === slugify(office.title, 40)) === index,
  );
}

/**
 * A short excerpt around a mention, within its line: at least three words and twelve characters,
 * so the format's minimum (8 characters, 2 words) holds and a reader sees the mention in context.
 */
function window(text: string, mention: TextSpan): [number, number] {
  // Within its line, and within 200 characters of it: a window never costs the whole line.
  const lineStart = Math.max(text.lastIndexOf('\n', mention.start - 1) + 1, mention.start - 200);
  const lineEndAt = text.indexOf('\n', mention.end);
  const lineEnd = Math.min(lineEndAt < 0 ? text.length : lineEndAt, mention.end + 200);
  const line = tokenize(text, lineStart, lineEnd).filter((token) => /[\p{L}\p{N}]/u.test(token.text));
  let first = line.findIndex((token) => token.end > mention.start);
  let last = line.findIndex((token) => token.end >= mention.end);
  if (first < 0) first = 0;
  if (last < 0) last = line.length - 1;
  const enough = () => last - first + 1 >= 3 && line[last].end - line[first].start >= 12;
  while (!enough() && (first > 0 || last < line.length - 1)) {
    if (last < line.length - 1) last += 1;
    if (!enough() && first > 0) first -= 1;
  }
  let start = Math.min(line[first]?.start ?? mention.start, mention.start);
  let end = Math.max(line[last]?.end ?? mention.end, mention.end);
  if (end - start >= 8 && last - first + 1 >= 2) return [start, end];
  // A line too short to show anything ("France." alone): read on across lines, then back, until the
  // excerpt has the format's minimum (8 characters, 2 words); it is still a slice of the text.
  const around = tokenize(
    text,
    Math.max(0, mention.start - 200),
    Math.min(text.length, mention.end + 200),
  ).filter((token) => /[\p{L}\p{N}]/u.test(token.text));
  let from = around.findIndex((token) => token.end > mention.start);
  let to = from;
  if (from < 0) return [start, end];
  const sufficient = () => to - from + 1 >= 2 && around[to].end - around[from].start >= 12;
  while (!sufficient() && to < around.length - 1) to += 1;
  while (!sufficient() && from > 0) from -= 1;
  start = Math.min(around[from].start, mention.start);
  end = Math.max(around[to].end, mention.end);
  return [start, end];
}
