/** What every actor did, in date order: the meetings, statements and positions fields of each actor type. */
import type { ActorLabel } from '../../graph/model';
import { connectionField } from '../common/connection-field';
import type { FieldDeclarations } from '../common/field-resolvers';
import { MeetingConnection } from '../meeting/meeting.type';
import { PositionConnection } from '../position/position.type';
import { StatementConnection } from '../statement/statement.type';
import { actorRelations } from './actor.cypher';

/** Descriptions differ by type ("it attended" for a nation, "the official attended"...). */
export function actorFields(
  label: ActorLabel,
  descriptions: { meetings?: string; statements?: string; positions?: string },
): FieldDeclarations {
  const relations = actorRelations(label);
  return {
    meetings: connectionField(() => MeetingConnection, relations.meetings, {
      description: descriptions.meetings,
      dated: true,
    }),
    statements: connectionField(() => StatementConnection, relations.statements, {
      description: descriptions.statements,
      dated: true,
    }),
    positions: connectionField(() => PositionConnection, relations.positions, {
      description: descriptions.positions,
      dated: true,
    }),
  };
}
