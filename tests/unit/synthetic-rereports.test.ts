/**
 * The re-report mode of the synthetic generator (scripts/lib/synthetic-documents.ts), which
 * `npm run bench:rereports` imports: original events are distinct under docs/corroboration.md's
 * matching rules, and every re-reported meeting, statement, position and official matches exactly
 * the original it re-reports. So a graph that matches right holds exactly `distinct`, and a
 * difference the benchmark finds is the matcher's. Without re-reports the output is unchanged
 * (other benchmarks and tests build on it).
 */
import { createHash } from 'node:crypto';
import { distance } from 'fastest-levenshtein';
import {
  generateCorpus,
  generateDocuments,
  MIN_NAME_DISTANCE,
  nameLetters,
} from '../../scripts/lib/synthetic-documents';
import type { Document } from '../../src/ingest/document.format';
import { formatDocumentError, validateDocument } from '../../src/ingest/document.validate';
import { daysBetween, meetingScore, sameWords } from './helpers/corroboration-rules';

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('synthetic documents without re-reports', () => {
  it('are byte for byte what they were before re-reports existed', () => {
    expect(sha256(generateDocuments({ documents: 60 }))).toBe(
      '361b512a46d3f0e9ccaf6a6134802d0cbb8267c0981755d3871bdebc80d09714',
    );
    expect(sha256(generateDocuments({ documents: 60, rereports: false }))).toBe(
      '361b512a46d3f0e9ccaf6a6134802d0cbb8267c0981755d3871bdebc80d09714',
    );
    expect(sha256(generateDocuments({ documents: 10, nations: 20, organizations: 5, places: 8 }))).toBe(
      '9fe0e7233ffeaa22705087700f70ba946c080012a77d401bcec919f60c78ac4a',
    );
  });
});

describe('synthetic documents with re-reports', () => {
  const corpus = generateCorpus({ documents: 300, rereports: true });
  const [registry, ...events] = corpus.documents;
  const isRereport = (index: number) => corpus.rereportOf.has(index);
  const originals = corpus.documents.filter((_, index) => index > 0 && !isRereport(index));
  const rereports = [...corpus.rereportOf].map(([index, of]) => ({
    document: corpus.documents[index],
    original: corpus.documents[of],
  }));
  const registryName = new Map(registry.officials.map((official) => [official.id, official.name]));
  /** A re-report's official id as the registry official it spells differently. */
  const variantOf = new Map<string, string>();
  for (const { document, original } of rereports)
    for (const official of document.officials) {
      const mentioned = new Set([
        ...original.meetings.flatMap((m) => m.participants),
        ...original.statements.map((s) => s.speaker),
      ]);
      const matches = [...mentioned].filter(
        (id) => distance(nameLetters(registryName.get(id)!), nameLetters(official.name)) <= 2,
      );
      if (matches.length !== 1)
        throw new Error(`${official.id} spells ${matches.length} officials it mentions`);
      variantOf.set(official.id, matches[0]);
    }
  const resolve = (id: string) => variantOf.get(id) ?? id;
  const facts = <K extends 'meetings' | 'statements' | 'positions'>(documents: Document[], key: K) =>
    documents.flatMap((document) =>
      (document[key] as Document[K][number][]).map((fact) => ({ fact, document })),
    );

  it('re-report a third of the event documents, each an earlier original', () => {
    expect(events).toHaveLength(300);
    expect(corpus.rereportOf.size).toBe(100);
    for (const [index, of] of corpus.rereportOf) {
      expect(of).toBeLessThan(index);
      expect(of).toBeGreaterThan(0);
      expect(isRereport(of)).toBe(false);
    }
    expect(corpus.distinct).toEqual({
      meetings: facts(originals, 'meetings').length,
      statements: facts(originals, 'statements').length,
      positions: facts(originals, 'positions').length,
      officials: registry.officials.length,
    });
    expect(rereports.every(({ document }) => document.officials.length === 1)).toBe(true);
  });

  it('are valid documents', () => {
    const errors = corpus.documents.flatMap((document, index) => {
      const result = validateDocument(document, `synthetic-${index}.json`);
      return result.ok ? [] : result.errors.map(formatDocumentError);
    });
    expect(errors).toEqual([]);
  });

  it('name registry officials far apart, each with its own surname', () => {
    const keys = registry.officials.map((official) => nameLetters(official.name));
    const surnames = registry.officials.map((official) => official.name.split(' ')[1]);
    expect(new Set(surnames).size).toBe(surnames.length);
    expect(keys.every((key) => key.length >= 8)).toBe(true);
    let closest = Infinity;
    for (let i = 0; i < keys.length; i += 1)
      for (let j = i + 1; j < keys.length; j += 1) closest = Math.min(closest, distance(keys[i], keys[j]));
    expect(closest).toBeGreaterThanOrEqual(MIN_NAME_DISTANCE);
  });

  it("spell a re-report's official close to its registry official (same first letter) and far from every other", () => {
    for (const { document } of rereports) {
      const [official] = document.officials;
      const own = registry.officials.find((o) => o.id === variantOf.get(official.id))!;
      expect(official.name).not.toBe(own.name);
      expect(official.name[0]).toBe(own.name[0]);
      expect(official.nation).toBe(own.nation);
      const key = nameLetters(official.name);
      expect(key.length).toBeGreaterThanOrEqual(8);
      expect(distance(key, nameLetters(own.name))).toBeLessThanOrEqual(2);
      const nearestOther = Math.min(
        ...registry.officials.filter((o) => o !== own).map((o) => distance(key, nameLetters(o.name))),
      );
      expect(nearestOther).toBeGreaterThanOrEqual(4);
    }
  });

  it('keep original meetings apart: within a day, no shared convener, place, chair or participant', () => {
    const meetings = facts(originals, 'meetings')
      .map(({ fact }) => fact)
      .sort((a, b) => a.date.localeCompare(b.date));
    const clashes: string[] = [];
    let pairs = 0;
    for (const [i, a] of meetings.entries())
      for (const b of meetings.slice(i + 1)) {
        if (daysBetween(a.date, b.date) > 1) break;
        pairs += 1;
        const theirs = new Set([b.place, ...b.convenedBy, ...b.chairs, ...b.participants]);
        const shared = [a.place, ...a.convenedBy, ...a.chairs, ...a.participants].filter((id) =>
          theirs.has(id),
        );
        if (shared.length > 0 || meetingScore(a, b, { strict: false }) >= 5)
          clashes.push(`${a.id} ${b.id}: ${shared.join(', ')}`);
      }
    expect(pairs).toBeGreaterThan(1000);
    expect(clashes).toEqual([]);
  });

  it('keep original statements apart: no two of one speaker within 7 days with the same words', () => {
    const statements = facts(originals, 'statements').map(({ fact }) => fact);
    const bySpeaker = new Map<string, typeof statements>();
    for (const s of statements) bySpeaker.set(s.speaker, [...(bySpeaker.get(s.speaker) ?? []), s]);
    const clashes: string[] = [];
    for (const list of bySpeaker.values())
      for (const [i, a] of list.entries())
        for (const b of list.slice(i + 1))
          if (daysBetween(a.date!, b.date!) <= 7 && sameWords(a.text, b.text))
            clashes.push(`${a.id} ${b.id}`);
    expect(clashes).toEqual([]);
    // Whoever speaks them, no original's words hold another's first six.
    const openings = new Map(statements.map((s) => [s.text.split(' ').slice(0, 6).join(' '), s.id]));
    expect(openings.size).toBe(statements.length);
    const holding = statements.flatMap((s) =>
      [...openings]
        .filter(([opening, id]) => id !== s.id && s.text.includes(opening))
        .map(([, id]) => `${s.id} ${id}`),
    );
    expect(holding).toEqual([]);
  });

  it('keep original positions apart: no holder, topic and stance twice within 7 days', () => {
    const positions = facts(originals, 'positions').map(({ fact }) => fact);
    for (const [i, a] of positions.entries())
      for (const b of positions.slice(i + 1))
        if (a.holder === b.holder && a.topic === b.topic && a.stance === b.stance)
          expect(daysBetween(a.date!, b.date!)).toBeGreaterThan(7);
  });

  it('re-report each meeting, statement and position so that it matches exactly its original', () => {
    const originalMeetings = facts(originals, 'meetings').map(({ fact }) => fact);
    const originalStatements = facts(originals, 'statements');
    const originalPositions = facts(originals, 'positions');
    const variants = new Set<string>();
    for (const { document, original } of rereports) {
      document.meetings.forEach((meeting, m) => {
        const own = original.meetings[m];
        expect(meeting.id).not.toBe(own.id);
        expect(meeting.title).not.toBe(own.title);
        expect(daysBetween(meeting.date, own.date)).toBeLessThanOrEqual(1);
        expect(meetingScore(meeting, own, { strict: true, resolve })).toBeGreaterThanOrEqual(5);
        const rivals = originalMeetings.filter(
          (other) => other !== own && meetingScore(meeting, other, { strict: false, resolve }) >= 5,
        );
        expect(rivals).toEqual([]);
      });
      document.statements.forEach((statement, s) => {
        const own = original.statements[s];
        expect(statement.text).not.toBe(own.text);
        expect(statement.text.split(' ').length).toBeGreaterThanOrEqual(7);
        variants.add(
          /\u2019/.test(statement.text) ? 'curly' : /iz|defense/.test(statement.text) ? 'american' : 'cut',
        );
        const matches = originalStatements.filter(
          ({ fact, document: source }) =>
            fact.speaker === resolve(statement.speaker) &&
            daysBetween(
              fact.date ?? source.source.publishedAt,
              statement.date ?? document.source.publishedAt,
            ) <= 7 &&
            sameWords(fact.text, statement.text),
        );
        expect(matches.map(({ fact }) => fact.id)).toEqual([own.id]);
      });
      document.positions.forEach((position, p) => {
        const own = original.positions[p];
        const matches = originalPositions.filter(
          ({ fact }) =>
            fact.holder === resolve(position.holder) &&
            fact.topic === position.topic &&
            fact.stance === position.stance &&
            daysBetween(fact.date!, position.date!) <= 7,
        );
        expect(matches.map(({ fact }) => fact.id)).toEqual([own.id]);
      });
      // The official under its new id stands in for the registry one everywhere the report names it.
      const [official] = document.officials;
      const used = [
        ...document.meetings.flatMap((m) => m.participants),
        ...document.statements.map((s) => s.speaker),
        ...document.positions.map((p) => p.holder),
      ];
      expect(used).toContain(official.id);
      expect(used).not.toContain(variantOf.get(official.id));
    }
    expect([...variants].sort()).toEqual(['american', 'curly', 'cut']);
  });
});
