/** The "says who?" fields of an entity or fact: its evidence, and (where it can grow) the same paged. */
import type { Label } from '../../graph/model';
import { connectionField } from '../common/connection-field';
import type { FieldDeclarations } from '../common/field-resolvers';
import { relationList } from '../common/relation-field';
import { evidenceOf } from './evidence.cypher';
import { Evidence, EvidenceConnection } from './evidence.type';

/** `evidence`, plus `evidenceConnection` unless `paged` is false (a fact has a handful of excerpts). */
export function evidenceFields(
  label: Label,
  options: { description?: string; paged?: boolean } = {},
): FieldDeclarations {
  const spec = evidenceOf(label);
  const evidence = relationList(() => Evidence, spec, { description: options.description });
  if (options.paged === false) return { evidence };
  return {
    evidence,
    evidenceConnection: connectionField(() => EvidenceConnection, spec, {
      description: 'All of `evidence`, paged.',
    }),
  };
}
