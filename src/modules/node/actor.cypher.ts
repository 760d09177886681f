/** Relations every actor has (statements made, positions taken, meetings attended or chaired), per label. */
import { Label, Rel } from '../../graph/model';
import type { RelationSpec } from '../../graph/paging.cypher';

export type ActorLabel = typeof Label.Nation | typeof Label.Official | typeof Label.Organization;

export interface ActorRelations {
  statements: RelationSpec;
  positions: RelationSpec;
  meetings: RelationSpec;
}

/** Date ranges on timelines and relation lists; both bounds inclusive, either may be null. */
export const DATE_RANGE_WHERE = '($from IS NULL OR n.date >= $from) AND ($to IS NULL OR n.date <= $to)';

export function actorRelations(label: ActorLabel): ActorRelations {
  // A nation "was at" a meeting when it or one of its officials attended or chaired it, and it
  // speaks and takes stances through its officials too (as on its timeline); an organization was
  // also at the meetings it convened.
  const via = label === Label.Nation ? `<-[:${Rel.NATIONAL_OF}*0..1]-(:${Label.Actor})` : '';
  const kinds =
    label === Label.Organization
      ? `${Rel.ATTENDED}|${Rel.CHAIRED}|${Rel.CONVENED}`
      : `${Rel.ATTENDED}|${Rel.CHAIRED}`;
  return {
    statements: {
      name: `${label}.statements`,
      parentLabel: label,
      pattern: `(p)${via}-[:${Rel.SAID}]->(n:${Label.Statement})`,
      sortKey: 'n.date',
      where: DATE_RANGE_WHERE,
    },
    positions: {
      name: `${label}.positions`,
      parentLabel: label,
      pattern: `(p)${via}-[:${Rel.TOOK}]->(n:${Label.Position})`,
      sortKey: 'n.date',
      where: DATE_RANGE_WHERE,
    },
    meetings: {
      name: `${label}.meetings`,
      parentLabel: label,
      pattern: `(p)${via}-[:${kinds}]->(n:${Label.Meeting})`,
      sortKey: 'n.date',
      where: DATE_RANGE_WHERE,
    },
  };
}
