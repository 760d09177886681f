/**
 * A reviewer's decisions applied to a draft (src/extract/draft-review.ts): rejected facts leave
 * with every reference to them, corrections land in their records, a meeting moved to another day
 * takes a new id that its statements follow, and the result still passes the import validator.
 * Bad corrections are refused all at once, each naming its fact and field.
 */
import { applyReview, ReviewError, type ReviewDecisions } from '../../src/extract/draft-review';
import type { Draft } from '../../src/extract/draft.types';
import { formatDocumentError, validateDocument } from '../../src/ingest/document.validate';
import {
  MEETING_HELD,
  MEETING_NEXT,
  POSITION_NORDIA,
  POSITION_SUDVIK,
  STATEMENT,
  SUDVIK_CANDIDATE,
  syntheticDraft,
} from './helpers/synthetic-draft';

/** Fails the test with the validator's own lines when the document would not import. */
function expectImportable(document: unknown) {
  const result = validateDocument(document, 'reviewed.json');
  if (!result.ok) throw new Error(result.errors.map(formatDocumentError).join('\n'));
  return result;
}

/** The ReviewError's problems, or a failure when the decisions were accepted. */
function problemsOf(draft: Draft, decisions: ReviewDecisions) {
  try {
    applyReview(draft, decisions);
  } catch (error) {
    if (error instanceof ReviewError) return error.problems;
    throw error;
  }
  throw new Error('expected the decisions to be refused');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('applyReview', () => {
  it('takes a fact left out of the decisions as accepted: no decisions, the drafted document', () => {
    const draft = syntheticDraft();
    expectImportable(draft.document);
    const document = applyReview(draft, {});
    expect(document).toEqual(draft.document);
    expect(document).not.toBe(draft.document);
    expect(applyReview(draft, { [STATEMENT]: { accept: true } })).toEqual(draft.document);
    expect(expectImportable(document).unresolvedReferences).toEqual([]);
  });

  it('never changes the draft it is given', () => {
    const draft = deepFreeze(syntheticDraft());
    const before = JSON.stringify(draft);
    // A frozen draft throws on any write in strict mode, so this proves no write was attempted.
    applyReview(draft, {
      [MEETING_HELD]: { accept: true, date: '2025-05-09', status: 'CANCELLED' },
      [STATEMENT]: { accept: true, actor: 'official:bo-sudvik', date: '' },
      [POSITION_NORDIA]: { accept: false },
      [POSITION_SUDVIK]: { accept: true, stance: 'OPPOSES' },
    });
    expect(JSON.stringify(draft)).toBe(before);
  });

  it('removes a rejected statement and drops it from the positions based on it', () => {
    const document = applyReview(syntheticDraft(), { [STATEMENT]: { accept: false } });
    expect(document.statements).toEqual([]);
    expect(document.positions.find((p) => p.id === POSITION_NORDIA)?.statements).toEqual([]);
    expect(document.positions).toHaveLength(2);
    expectImportable(document);
  });

  it("removes a rejected meeting and the statement's link to it, keeping the statement", () => {
    const document = applyReview(syntheticDraft(), { [MEETING_HELD]: { accept: false } });
    expect(document.meetings.map((m) => m.id)).toEqual([MEETING_NEXT]);
    const statement = document.statements.find((s) => s.id === STATEMENT)!;
    expect(statement).not.toHaveProperty('meeting');
    expect(statement.text).toBe('We stand ready to fund the bridge.');
    expectImportable(document);
  });

  it('removes a rejected position and leaves the rest as drafted', () => {
    const draft = syntheticDraft();
    const document = applyReview(draft, { [POSITION_SUDVIK]: { accept: false } });
    expect(document.positions.map((p) => p.id)).toEqual([POSITION_NORDIA]);
    expect(document.statements).toEqual(draft.document.statements);
    expect(document.officials).toEqual(draft.document.officials); // entities keep their own evidence
    expectImportable(document);
  });

  it("corrects a position's stance, holder and topic, and rewrites its summary to match", () => {
    const document = applyReview(syntheticDraft(), {
      [POSITION_SUDVIK]: { accept: true, stance: 'OPPOSES', actor: 'nation:sdl', topic: 'topic:bridge-fund' },
      [POSITION_NORDIA]: { accept: true, stance: 'SUPPORTS' }, // as drafted: nothing changes
    });
    const sudvik = document.positions.find((p) => p.id === POSITION_SUDVIK)!;
    expect(sudvik).toMatchObject({
      stance: 'OPPOSES',
      holder: 'nation:sdl',
      topic: 'topic:bridge-fund',
      summary: 'Sudland OPPOSES Bridge fund',
    });
    expect(document.positions.find((p) => p.id === POSITION_NORDIA)?.summary).toBe(
      'Nordia SUPPORTS Bridge fund',
    );
    expectImportable(document);
  });

  it("corrects a statement's speaker, and takes an ambiguous entity's candidate from the graph", () => {
    const document = applyReview(syntheticDraft(), {
      [STATEMENT]: { accept: true, actor: 'official:bo-sudvik' },
      [POSITION_SUDVIK]: { accept: true, actor: SUDVIK_CANDIDATE },
    });
    expect(document.statements[0].speaker).toBe('official:bo-sudvik');
    expect(document.positions.find((p) => p.id === POSITION_SUDVIK)?.holder).toBe(SUDVIK_CANDIDATE);
    // The candidate exists in the graph, not in the document: the loader resolves it there.
    expect(expectImportable(document).unresolvedReferences).toEqual([
      { record: POSITION_SUDVIK, field: 'holder', id: SUDVIK_CANDIDATE },
    ]);
  });

  it('drops an ambiguous entity once the reviewer has chosen a graph candidate for every fact that named it', () => {
    const kept = applyReview(syntheticDraft(), {
      [POSITION_SUDVIK]: { accept: true, actor: SUDVIK_CANDIDATE },
    });
    // Still a participant of the meeting drafted: kept.
    expect(kept.officials.map((official) => official.id)).toContain('official:bo-sudvik');
    const document = applyReview(syntheticDraft(), {
      [MEETING_HELD]: { accept: false },
      [POSITION_SUDVIK]: { accept: true, actor: SUDVIK_CANDIDATE },
    });
    // Named by no fact kept: importing it would create a second Bo Sudvik beside the one chosen.
    expect(document.officials.map((official) => official.id)).not.toContain('official:bo-sudvik');
    expect(document.officials.map((official) => official.id)).toContain('official:ada-norland');
    expectImportable(document);
  });

  it("moves a meeting to another day: new id, statements follow, the relative date's resolution goes", () => {
    const document = applyReview(syntheticDraft(), {
      [MEETING_HELD]: { accept: true, date: '2025-05-09', status: 'CANCELLED' },
    });
    const moved = 'meeting:2025-05-09-northern-council-ministers';
    expect(document.meetings.map((m) => m.id)).toEqual([moved, MEETING_NEXT]);
    const meeting = document.meetings[0];
    expect(meeting).toMatchObject({ date: '2025-05-09', status: 'CANCELLED' });
    expect(meeting).not.toHaveProperty('dateText');
    expect(meeting).not.toHaveProperty('dateResolution');
    expect(document.statements[0].meeting).toBe(moved);
    // Made at the meeting, so made on its new day.
    expect(document.statements[0].date).toBe('2025-05-09');
    expectImportable(document);
  });

  it('keeps a meeting whose date is confirmed as drafted, its id and date resolution with it', () => {
    const draft = syntheticDraft();
    const document = applyReview(draft, { [MEETING_HELD]: { accept: true, date: '2025-05-08' } });
    expect(document.meetings).toEqual(draft.document.meetings);
  });

  it("sets and removes statement and position dates (a meeting's can't be removed)", () => {
    const document = applyReview(syntheticDraft(), {
      [STATEMENT]: { accept: true, date: '' },
      [POSITION_NORDIA]: { accept: true, date: '2025-05-10' },
    });
    expect(document.statements[0]).not.toHaveProperty('date');
    expect(document.positions.find((p) => p.id === POSITION_NORDIA)?.date).toBe('2025-05-10');
    expectImportable(document);
    expect(problemsOf(syntheticDraft(), { [MEETING_NEXT]: { accept: true, date: '' } })).toEqual([
      { fact: MEETING_NEXT, field: 'date', message: 'cannot be removed: a meeting needs a date' },
    ]);
  });

  it('refuses to move a meeting onto the id of another, unless that one is rejected', () => {
    expect(problemsOf(syntheticDraft(), { [MEETING_HELD]: { accept: true, date: '2025-05-20' } })).toEqual([
      {
        fact: MEETING_HELD,
        field: 'date',
        message: `moves the meeting to 2025-05-20, which gives it the id ${MEETING_NEXT}, as another meeting of this draft (${MEETING_NEXT}); reject one of them`,
      },
    ]);
    const document = applyReview(syntheticDraft(), {
      [MEETING_HELD]: { accept: true, date: '2025-05-20' },
      [MEETING_NEXT]: { accept: false },
    });
    expect(document.meetings.map((m) => m.id)).toEqual([MEETING_NEXT]);
    expect(document.meetings[0].title).toBe('Northern Council foreign ministers');
    expect(document.meetings[0].status).toBe('HELD');
    expect(document.statements[0].meeting).toBe(MEETING_NEXT);
    expectImportable(document);
  });

  it('lets two meetings swap dates, and so ids, with their statements following', () => {
    const document = applyReview(syntheticDraft(), {
      [MEETING_HELD]: { accept: true, date: '2025-05-20' },
      [MEETING_NEXT]: { accept: true, date: '2025-05-08' },
    });
    expect(document.meetings.map((m) => [m.id, m.status])).toEqual([
      [MEETING_NEXT, 'HELD'],
      [MEETING_HELD, 'SCHEDULED'],
    ]);
    expect(document.statements[0].meeting).toBe(MEETING_NEXT);
    expectImportable(document);
  });

  it('refuses an id that is neither in the document nor among the entities, naming fact and field', () => {
    const draft = syntheticDraft();
    const attempt = () =>
      applyReview(draft, { [STATEMENT]: { accept: true, actor: 'official:nobody-at-all' } });
    expect(attempt).toThrow(ReviewError);
    expect(attempt).toThrow(
      `${STATEMENT}: actor: refers to "official:nobody-at-all", which is neither in the draft document nor among its entities`,
    );
  });

  it('reports every bad decision at once, each with its fact and field', () => {
    const problems = problemsOf(syntheticDraft(), {
      [POSITION_SUDVIK]: { accept: true, stance: 'LIKES', topic: 'topic:weather', actor: 'topic:fund-audit' },
      [POSITION_NORDIA]: { accept: true, date: '2025-02-30' },
      [MEETING_NEXT]: { accept: true, stance: 'SUPPORTS', status: 'POSTPONED' },
      'statement:not-drafted': { accept: false },
      // Corrections to a rejected fact are moot: not checked, not applied.
      [STATEMENT]: { accept: false, actor: 'official:nobody-at-all' },
    });
    expect(problems).toEqual([
      {
        fact: 'statement:not-drafted',
        field: 'id',
        message: expect.stringContaining('is not a fact of this draft'),
      },
      {
        fact: MEETING_NEXT,
        field: 'stance',
        message: 'cannot be corrected on a meeting (only date, status)',
      },
      {
        fact: MEETING_NEXT,
        field: 'status',
        message: 'is "POSTPONED": must be one of HELD, SCHEDULED, CANCELLED',
      },
      { fact: POSITION_NORDIA, field: 'date', message: 'is "2025-02-30": must be a real calendar date' },
      {
        fact: POSITION_SUDVIK,
        field: 'actor',
        message: 'is "topic:fund-audit": must be the id of a nation, official or organization',
      },
      {
        fact: POSITION_SUDVIK,
        field: 'stance',
        message: 'is "LIKES": must be one of SUPPORTS, OPPOSES, STRESSES, REFUSES, HESITANT, PLEDGES',
      },
      {
        fact: POSITION_SUDVIK,
        field: 'topic',
        message: 'refers to "topic:weather", which is neither in the draft document nor among its entities',
      },
    ]);
  });
});
