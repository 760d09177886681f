/**
 * Real ids read from the database before timing, from which every request draws its parameters:
 * each request asks about another actor, topic or page, so no system answers from a warm cache of
 * one repeated question.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export interface MeetingCursor {
  /** How many meetings come before the page (0: the first page). */
  depth: number;
  /** The last meeting before the page: its (date, id), the keyset; '' for the first page. */
  date: string;
  id: string;
}

export interface Pools {
  /** Keyset positions at several depths (first page, 10, 100, 1,000, ... and a spread between). */
  meetingCursors: MeetingCursor[];
  /** Officials who attended or chaired a meeting. */
  participants: string[];
  /** Actors who made a statement. */
  speakers: string[];
  /** Names of topics with meetings about them (or a narrower topic). */
  meetingTopics: string[];
  /** A holder, a topic it took a position on (or a broader one), and that stance. */
  stances: { holder: string; topic: string; stance: string }[];
  /** Broad topics (with narrower ones) and the stances taken on them. */
  broadTopics: { topic: string; stance: string }[];
  /** Nations and officials. */
  timelineActors: string[];
  /** Officials, for path ends. */
  officials: string[];
  /** Two or three words from statement texts and titles. */
  searchTexts: string[];
  /** Statements, for provenance. */
  statements: string[];
  /** Meetings, statements and positions, for credibility writes. */
  facts: string[];
  /** Meeting dates, for date windows. */
  dates: string[];
}

async function column(driver: Driver, cypher: string, params: Record<string, unknown> = {}) {
  const result = await driver.executeQuery(cypher, params, { routing: 'READ' });
  return result.records.map((record) => record.toObject());
}

const strings = (rows: Record<string, unknown>[], key = 'id') => rows.map((row) => row[key] as string);

export async function readPools(driver: Driver, limit = 2000): Promise<Pools> {
  const lim = neo4j.int(limit);
  const [{ meetings }] = await column(
    driver,
    'MATCH (m:Meeting) WHERE m.retractedAt IS NULL RETURN count(m) AS meetings',
  );
  const total = neo4j.integer.toNumber(meetings as number);
  // Depths 1, 10, 100, ... plus 20 spread evenly, so deep keyset pages weigh as much as shallow ones.
  const depths = new Set<number>([0]);
  for (let depth = 1; depth < total; depth *= 10) depths.add(depth);
  for (let i = 1; i <= 20; i += 1) depths.add(Math.floor((total * i) / 21));
  const meetingCursors: MeetingCursor[] = [];
  for (const depth of [...depths].sort((a, b) => a - b)) {
    if (depth === 0) {
      meetingCursors.push({ depth, date: '', id: '' });
      continue;
    }
    const [row] = await column(
      driver,
      `MATCH (m:Meeting) WHERE m.date >= '' AND m.retractedAt IS NULL
       WITH m ORDER BY m.date, m.id SKIP $skip LIMIT 1 RETURN m.date AS date, m.id AS id`,
      { skip: neo4j.int(depth - 1) },
    );
    if (row) meetingCursors.push({ depth, date: row.date as string, id: row.id as string });
  }
  const stances = await column(
    driver,
    `MATCH (h:Actor)-[:TOOK]->(p:Position)-[:ABOUT]->(t:Topic) WHERE p.retractedAt IS NULL
     WITH h, p, t LIMIT $lim
     RETURN h.id AS holder, p.stance AS stance,
            [(t)-[:BROADER*0..2]->(b:Topic) | b.name] AS topics`,
    { lim },
  );
  return {
    meetingCursors,
    participants: strings(
      await column(
        driver,
        'MATCH (o:Official)-[:ATTENDED|CHAIRED]->(:Meeting) RETURN DISTINCT o.id AS id LIMIT $lim',
        { lim },
      ),
    ),
    speakers: strings(
      await column(driver, 'MATCH (a:Actor)-[:SAID]->(:Statement) RETURN DISTINCT a.id AS id LIMIT $lim', {
        lim,
      }),
    ),
    meetingTopics: strings(
      await column(
        driver,
        'MATCH (t:Topic)<-[:BROADER*0..2]-(:Topic)<-[:ABOUT]-(:Meeting) RETURN DISTINCT t.name AS id LIMIT $lim',
        { lim },
      ),
    ),
    stances: stances.flatMap((row) =>
      (row.topics as string[]).map((topic) => ({
        holder: row.holder as string,
        topic,
        stance: row.stance as string,
      })),
    ),
    broadTopics: (
      await column(
        driver,
        `MATCH (t:Topic) WHERE NOT (t)-[:BROADER]->() AND EXISTS { (t)<-[:BROADER]-() }
         UNWIND ['SUPPORTS', 'STRESSES', 'OPPOSES', 'PLEDGES', 'REFUSES', 'HESITANT'] AS stance
         RETURN t.name AS topic, stance LIMIT $lim`,
        { lim },
      )
    ).map((row) => ({ topic: row.topic as string, stance: row.stance as string })),
    timelineActors: strings(
      await column(
        driver,
        `CALL () { MATCH (n:Nation) RETURN n.id AS id LIMIT $lim
                   UNION MATCH (o:Official)-[:ATTENDED|CHAIRED|SAID|TOOK]->() RETURN DISTINCT o.id AS id LIMIT $lim }
         RETURN id`,
        { lim },
      ),
    ),
    officials: strings(await column(driver, 'MATCH (o:Official) RETURN o.id AS id LIMIT $lim', { lim })),
    searchTexts: (
      await column(
        driver,
        `CALL () { MATCH (s:Statement) RETURN s.text AS text LIMIT $lim
                   UNION MATCH (m:Meeting) RETURN m.title AS text LIMIT $lim }
         RETURN text`,
        { lim },
      )
    ).flatMap((row) => {
      // The first two and the last two words of each text: real words, in an order they occur.
      const words = (row.text as string).split(/\s+/).filter((word) => /^[A-Za-z]{3,}$/.test(word));
      return words.length >= 2 ? [words.slice(0, 2).join(' '), words.slice(-2).join(' ')] : [];
    }),
    statements: strings(
      await column(driver, 'MATCH (s:Statement) WHERE s.retractedAt IS NULL RETURN s.id AS id LIMIT $lim', {
        lim,
      }),
    ),
    facts: strings(
      await column(
        driver,
        `CALL () { MATCH (n:Meeting) RETURN n.id AS id LIMIT $lim
                   UNION MATCH (n:Statement) RETURN n.id AS id LIMIT $lim
                   UNION MATCH (n:Position) RETURN n.id AS id LIMIT $lim }
         RETURN id`,
        { lim },
      ),
    ),
    dates: strings(
      await column(driver, 'MATCH (m:Meeting) RETURN DISTINCT m.date AS id LIMIT $lim', { lim }),
    ),
  };
}
