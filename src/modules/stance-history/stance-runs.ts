/**
 * A holder's positions on a topic, in the order they were taken, cut into runs of one stance: a
 * new run starts each time the stance changes. Pure, so the rule is pinned down by unit tests.
 */
export interface DatedStance<P> {
  stance: string;
  /** The position's date, else when it was first reported. */
  reported: string | null;
  item: P;
}

export interface StanceRun<P> {
  stance: string;
  from: string | null;
  until: string | null;
  items: P[];
}

/** `positions` must already be in order (by reported date, then id). */
export function stanceRuns<P>(positions: readonly DatedStance<P>[]): StanceRun<P>[] {
  const runs: StanceRun<P>[] = [];
  for (const position of positions) {
    const current = runs.at(-1);
    if (current && current.stance === position.stance) {
      current.items.push(position.item);
      current.until = position.reported ?? current.until;
    } else {
      runs.push({
        stance: position.stance,
        from: position.reported,
        until: position.reported,
        items: [position.item],
      });
    }
  }
  return runs;
}
