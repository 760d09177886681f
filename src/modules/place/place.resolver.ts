/** Places: the country they are in (directly or through an enclosing place), and what happened there. */
import { Resolver } from 'type-graphql';
import { Label } from '../../graph/model';
import { connectionField } from '../common/connection-field';
import { FieldResolvers } from '../common/field-resolvers';
import { relationOne } from '../common/relation-field';
import { evidenceFields } from '../evidence/evidence.fields';
import { MeetingConnection } from '../meeting/meeting.type';
import { Nation } from '../nation/nation.type';
import { PLACE_COUNTRY, PLACE_MEETINGS, PLACE_WITHIN } from './place.cypher';
import { Place } from './place.type';

@Resolver(() => Place)
@FieldResolvers({
  country: relationOne(() => Nation, PLACE_COUNTRY, { nullable: true }),
  within: relationOne(() => Place, PLACE_WITHIN, {
    nullable: true,
    description: 'The enclosing place (NATO headquarters is within Brussels).',
  }),
  ...evidenceFields(Label.Place, { description: 'Where sources mention the place.' }),
  meetings: connectionField(() => MeetingConnection, PLACE_MEETINGS, {
    description: 'Meetings held here or at a place within it.',
  }),
})
export class PlaceResolver {}
