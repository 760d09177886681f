/** Relations every actor has (statements made, positions taken, meetings attended or chaired), per label. */
import { Label, Rel, type ActorLabel } from '../../graph/model';
import type { RelationSpec, RelationVariables } from '../../graph/page-spec';
import { byProperty, relationSpec } from '../../graph/relation-spec';

export interface ActorRelations {
  statements: RelationSpec;
  positions: RelationSpec;
  meetings: RelationSpec;
}

/** Date ranges on timelines and relation lists; both bounds inclusive, either may be null. */
function dateRange({ node }: RelationVariables): string {
  return `($from IS NULL OR ${node}.date >= $from) AND ($to IS NULL OR ${node}.date <= $to)`;
}

export function actorRelations(label: ActorLabel): ActorRelations {
  // A nation "was at" a meeting when it or one of its officials attended or chaired it, and it
  // speaks and takes stances through its officials too (as on its timeline); an organization was
  // also at the meetings it convened.
  const viaOfficials = label === Label.Nation;
  const via = viaOfficials ? `<-[:${Rel.NATIONAL_OF}*0..1]-(:${Label.Actor})` : '';
  const kinds =
    label === Label.Organization
      ? `${Rel.ATTENDED}|${Rel.CHAIRED}|${Rel.CONVENED}`
      : `${Rel.ATTENDED}|${Rel.CHAIRED}`;
  const relation = (name: string, types: string, target: Label): RelationSpec =>
    relationSpec(
      label,
      name,
      {
        pattern: ({ parent, node }) => `(${parent})${via}-[:${types}]->(${node}:${target})`,
        singleHop: !viaOfficials,
      },
      byProperty('date'),
      dateRange,
    );
  return {
    statements: relation('statements', Rel.SAID, Label.Statement),
    positions: relation('positions', Rel.TOOK, Label.Position),
    meetings: relation('meetings', kinds, Label.Meeting),
  };
}
