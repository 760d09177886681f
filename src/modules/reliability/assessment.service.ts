/**
 * Editors' judgements as stories, each one write transaction: lock what is judged, check it under
 * the lock, write the judgement and its Assessment record together.
 */
import { randomUUID } from 'node:crypto';
import { BadUserInputError, NotFoundError } from '../../errors';
import { ChangeKind } from '../../graph/change-log.cypher';
import type { Row } from '../../graph/database';
import type { GraphWriter } from '../../graph/graph-writer';
import { Label } from '../../graph/model';
import { lockNodesQuery } from '../../graph/write-locks';
import { publisherOf } from '../../ingest/document.rows';
import {
  assessFactQuery,
  dismissDuplicateQuery,
  factStateQuery,
  gradePublisherQuery,
  type AssessmentProps,
} from './assessment.cypher';
import type { AssessableFactLabel } from './credibility';
import type { Reliability } from './reliability.type';

function shown(id: string): string {
  return JSON.stringify(id.slice(0, 100));
}

function assessment(
  kind: AssessmentProps['kind'],
  fields: { subject: string; value: string; evidence: string; by: string },
): AssessmentProps {
  return { id: `assessment:${randomUUID()}`, kind, ...fields, at: new Date().toISOString() };
}

export class AssessmentService {
  constructor(private readonly writer: GraphWriter) {}

  /** Grades the publisher whose name folds to the same key as `name`; NOT_FOUND when no source has it. */
  async gradePublisher(request: { name: string; grade: Reliability; evidence: string; by: string }) {
    const publisher = publisherOf(request.name);
    return this.writer.write(async (tx) => {
      await tx.run(lockNodesQuery(Label.Publisher, [publisher.id]));
      const [row] = await tx.run(
        gradePublisherQuery(
          publisher,
          request.grade,
          assessment('RELIABILITY', {
            subject: publisher.id,
            value: request.grade,
            evidence: request.evidence,
            by: request.by,
          }),
        ),
      );
      // Thrown inside the transaction: the bare node the lock made for an unknown publisher goes too.
      if (!row) {
        throw new NotFoundError(`No source has the publisher ${shown(request.name)}.`, {
          argument: 'publisher',
        });
      }
      return row.publisher as Row;
    });
  }

  /** Sets a fact's credibility; NOT_FOUND when it doesn't exist, BAD_USER_INPUT when retracted. */
  async assessCredibility(request: {
    label: AssessableFactLabel;
    id: string;
    credibility: number;
    evidence: string;
    by: string;
  }): Promise<Row> {
    const { label, id } = request;
    return this.writer.write(async (tx) => {
      await tx.run(lockNodesQuery(label, [id], { create: false }));
      const [state] = await tx.run(factStateQuery(label, id));
      if (!state) throw new NotFoundError(`No fact has the id ${shown(id)}.`, { id });
      if (state.retracted === true) {
        throw new BadUserInputError(`${shown(id)} is retracted; a retracted fact is not assessed.`, {
          argument: 'fact',
        });
      }
      const [row] = await tx.run(
        assessFactQuery(
          label,
          id,
          request.credibility,
          assessment('CREDIBILITY', {
            subject: id,
            value: String(request.credibility),
            evidence: request.evidence,
            by: request.by,
          }),
        ),
      );
      // A new rating changes the fact as a sync client shows it: recorded again, for the change log.
      tx.noteChanges([{ kind: ChangeKind.FACT_RECORDED, subjectId: id, subjectLabel: label }]);
      return row.node as Row;
    });
  }

  /** Removes the possible-duplicate link between two nodes; NOT_FOUND when there is none. */
  async dismissDuplicate(request: { label: Label; a: string; b: string; reason: string; by: string }) {
    const { label, a, b } = request;
    return this.writer.write(async (tx) => {
      await tx.run(lockNodesQuery(label, [a, b], { create: false }));
      const [row] = await tx.run(
        dismissDuplicateQuery(
          label,
          { a, b },
          assessment('NOT_DUPLICATE', { subject: a, value: b, evidence: request.reason, by: request.by }),
        ),
      );
      if (!row) {
        throw new NotFoundError(`No possible-duplicate link joins ${shown(a)} and ${shown(b)}.`, {
          argument: 'b',
        });
      }
      return row.assessment as Row;
    });
  }
}
