/** Resolves an evidence item's source, batched across all evidence in a request. */
import { Resolver } from 'type-graphql';
import { FieldResolvers } from '../common/field-resolvers';
import { relationOne } from '../common/relation-field';
import { Source } from '../source/source.type';
import { EVIDENCE_SOURCE } from './evidence.cypher';
import { Evidence } from './evidence.type';

@Resolver(() => Evidence)
@FieldResolvers({ source: relationOne(() => Source, EVIDENCE_SOURCE) })
export class EvidenceResolver {}
