/**
 * The root listing of facts under several optional filters (meetings, statements, positions).
 * Filters that name something (an actor, a topic, a place) are anchors: the first binds `n`, the
 * others join on it, so every filter is served by an index rather than a scan. Plain conditions
 * on `n` follow one DISTINCT. With no anchor, the listing is read along the label's sort index.
 */
import { actorLabelForId, type Label } from '../../graph/model';
import type { RootPageSpec } from '../../graph/page-spec';
import type { CorroborationConditions } from '../corroboration/corroboration-filter.cypher';

/** Matches nothing, for filters naming an id that can't be an actor: an empty result, not an error. */
function emptyListing(label: Label): RootPageSpec {
  return { match: `MATCH (n:${label}) WHERE false`, sortKey: 'n.date' };
}

export class FilteredListing {
  private readonly anchors: string[] = [];
  private readonly conditions: string[] = [];
  private readonly params: Record<string, unknown> = {};
  private matchesNothing = false;

  /** `indexedProperty`: the date-ordered property read along its index when nothing anchors. */
  constructor(
    private readonly label: Label,
    private readonly indexedProperty: string,
  ) {}

  get anchored(): boolean {
    return this.anchors.length > 0;
  }

  /** How an anchor refers to the listed node: labelled in the first anchor, joined in the others. */
  node(): string {
    return this.anchored ? '(n)' : `(n:${this.label})`;
  }

  anchor(clause: string, params: Record<string, unknown> = {}): this {
    this.anchors.push(clause);
    Object.assign(this.params, params);
    return this;
  }

  /**
   * Anchors on the actor with this id: `path` leads from the actor's pattern to the listed node
   * (see node()). An id that can't be an actor's makes the whole listing empty, not an error.
   */
  anchorOnActor(parameter: string, id: string, path: (actor: string) => string): this {
    const label = actorLabelForId(id);
    if (!label) {
      this.matchesNothing = true;
      return this;
    }
    return this.anchor(`MATCH ${path(`(:${label} {id: $${parameter}})`)}`, { [parameter]: id });
  }

  where(condition: string, params: Record<string, unknown> = {}): this {
    this.conditions.push(condition);
    Object.assign(this.params, params);
    return this;
  }

  /** The corroboration filters (minSources, minReliability, maxCredibility), conditions on `n`. */
  whereCorroborated({ conditions, params }: CorroborationConditions): this {
    for (const condition of conditions) this.where(condition);
    Object.assign(this.params, params);
    return this;
  }

  spec(): RootPageSpec {
    if (this.matchesNothing) return emptyListing(this.label);
    if (!this.anchored) {
      // The conditions go straight on the MATCH so the planner can seek the range index.
      const where = this.conditions.length > 0 ? this.conditions.join(' AND ') : undefined;
      return {
        match: `MATCH (n:${this.label})${where ? ` WHERE ${where}` : ''}`,
        params: this.params,
        sortKey: `n.${this.indexedProperty}`,
        indexedOrder: { label: this.label, property: this.indexedProperty, where },
      };
    }
    const where = this.conditions.length > 0 ? ` WITH DISTINCT n WHERE ${this.conditions.join(' AND ')}` : '';
    return { match: `${this.anchors.join(' ')}${where}`, params: this.params, sortKey: 'n.date' };
  }
}
