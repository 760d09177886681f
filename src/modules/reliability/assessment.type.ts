/** The audit record of an editor's judgement: a publisher's grade, a fact's credibility, a dismissed duplicate. */
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';

export enum AssessmentKind {
  RELIABILITY = 'RELIABILITY',
  CREDIBILITY = 'CREDIBILITY',
  NOT_DUPLICATE = 'NOT_DUPLICATE',
}
registerEnumType(AssessmentKind, {
  name: 'AssessmentKind',
  valuesConfig: {
    RELIABILITY: { description: "A publisher's reliability grade (value A-F)." },
    CREDIBILITY: { description: "A fact's credibility (value 1-6)." },
    NOT_DUPLICATE: {
      description: 'Two nodes an import thought alike are not the same (subject and value: their ids).',
    },
  },
});

@ObjectType({ description: 'Who judged what, when and on what grounds. Never changed once written.' })
export class Assessment {
  @Field(() => ID)
  id: string;

  @Field(() => AssessmentKind)
  kind: AssessmentKind;

  @Field(() => ID, { description: 'What was judged: a publisher, a fact, or the first of two nodes.' })
  subject: string;

  @Field(() => String, {
    description: 'The grade (A-F), the credibility (1-6), or the other node of a dismissed duplicate.',
  })
  value: string;

  @Field(() => String, { description: 'The justification, as the editor wrote it.' })
  evidence: string;

  @Field(() => String, { description: 'Name of the API key that made it.' })
  by: string;

  @Field(() => String, { description: 'ISO 8601 timestamp.' })
  at: string;
}

export const AssessmentConnection = ConnectionType(Assessment, 'Assessment');
