/** Actor ids in filters: the label comes from the id prefix, so lookups use the id constraint's index. */
import { Label, labelForId } from '../../graph/model';

const ACTOR_LABELS = new Set<string>([Label.Nation, Label.Official, Label.Organization]);

/** The actor label for an id, or undefined when the id is not an actor's (the filter then matches nothing). */
export function actorLabelForId(
  id: string,
): typeof Label.Nation | typeof Label.Official | typeof Label.Organization | undefined {
  const label = labelForId(id);
  return label && ACTOR_LABELS.has(label) ? (label as typeof Label.Nation) : undefined;
}
