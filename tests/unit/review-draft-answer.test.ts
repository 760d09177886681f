/**
 * The review page reads the API's draftDocument answer into a Draft (src/web/review/draft-answer.ts):
 * the match decision lifted out of `match`, GraphQL's nulls gone, the format's defaults filled in,
 * and a document that doesn't fit the format refused with where it fails.
 */
import { draftFromAnswer, type DraftDocumentAnswer } from '../../src/web/review/draft-answer';
import { POSITION_SUDVIK, syntheticDraft } from './helpers/synthetic-draft';

function answerOf(): DraftDocumentAnswer {
  const draft = syntheticDraft();
  const document = JSON.parse(JSON.stringify(draft.document));
  // The drafter may leave out what the format defaults.
  delete document.places;
  delete document.positions[1].statements;
  return {
    document,
    entities: draft.entities.map(({ decision, reason, candidates, ...entity }) => ({
      ...entity,
      match: { decision, reason, candidates },
    })),
    // The draft types hold stances and kinds as strings; the API answers the schema's enums.
    facts: draft.facts.map((fact) => ({
      actor: null,
      stance: null,
      topic: null,
      date: null,
      status: null,
      statementKind: null,
      text: null,
      ...fact,
    })) as DraftDocumentAnswer['facts'],
    warnings: draft.warnings,
  };
}

describe('draftFromAnswer', () => {
  it('gives back the draft the API described', () => {
    expect(draftFromAnswer(answerOf())).toEqual(syntheticDraft());
  });

  it('fills in what the format defaults', () => {
    const draft = draftFromAnswer(answerOf());
    expect(draft.document.places).toEqual([]);
    expect(draft.document.positions.find((p) => p.id === POSITION_SUDVIK)?.statements).toEqual([]);
  });

  it('refuses a document that does not fit the format, saying where', () => {
    const answer = answerOf();
    (answer.document.meetings as { status: string }[])[0].status = 'POSTPONED';
    expect(() => draftFromAnswer(answer)).toThrow(/does not fit the import format \(meetings\.0\.status: /);
  });
});
