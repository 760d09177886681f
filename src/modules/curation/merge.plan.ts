/**
 * What a merge does to each link, and what its undo gives back, decided from the snapshot alone:
 * pure, so every rule is tested without a database and the undo reads the same decisions the merge
 * made (they are stored in the MergeRecord's snapshot).
 */
import { isNamedLabel, Label, Rel } from '../../graph/model';
import { nameText as foldedNameText } from '../../graph/text';
import type { TypedProperties } from '../../graph/typed-properties';
import { SINGLE_LINKS } from '../../ingest/graph-write.cypher';

/** Labels whose nodes may be merged: named entities and facts (roles follow their officials). */
export const MERGEABLE_LABELS = [
  Label.Nation,
  Label.Official,
  Label.Organization,
  Label.Place,
  Label.Topic,
  Label.Meeting,
  Label.Statement,
  Label.Position,
] as const;
export type MergeableLabel = (typeof MERGEABLE_LABELS)[number];

export function isMergeableLabel(label: string | undefined): label is MergeableLabel {
  return (MERGEABLE_LABELS as readonly string[]).includes(label ?? '');
}

export type Direction = 'out' | 'in';

/** One relationship of a node as stored: its type, which way it points, and the node at the other end. */
export interface LinkSnapshot {
  type: Rel;
  direction: Direction;
  otherLabel: Label;
  otherId: string;
  props: TypedProperties;
}

/**
 * `moved`: now on keep (merged with keep's own link to the same node, evidence lists united).
 * `dropped`: deleted with the merged node, because keep already has its one link of that kind (a
 * statement's speaker, an official's nation) or because it joined the two merged nodes.
 */
export interface MergedLink extends LinkSnapshot {
  fate: 'moved' | 'dropped';
}

/** Names the merge added to keep: the merged node's name and aliases, and their folded lines. */
export interface AddedNames {
  aliases: string[];
  folded: string[];
}

/** Everything the undo needs, stored as JSON on the MergeRecord. */
export interface MergeSnapshot {
  version: 1;
  label: MergeableLabel;
  keep: { id: string; props: TypedProperties };
  merge: { id: string; props: TypedProperties };
  /** Every relationship of the merged node, with what the merge did to it. */
  mergeLinks: MergedLink[];
  /** Keep's relationships to the nodes the merged node was linked to, as they were before. */
  keepLinks: LinkSnapshot[];
  /** Null for facts, which have no names. */
  addedNames: AddedNames | null;
}

function sameLink(a: Pick<LinkSnapshot, 'type' | 'direction'>, b: Pick<LinkSnapshot, 'type' | 'direction'>) {
  return a.type === b.type && a.direction === b.direction;
}

/** True when `link` is the one link of its kind a node of `label` may have (see SINGLE_LINKS). */
export function isSingleLink(label: Label, link: Pick<LinkSnapshot, 'type' | 'direction'>): boolean {
  return SINGLE_LINKS.some(
    (single) =>
      single.type === link.type &&
      single.ownerLabel === label &&
      (single.owner === 'from') === (link.direction === 'out'),
  );
}

/** Decides the fate of each of the merged node's links (see MergedLink). */
export function planLinks(
  label: MergeableLabel,
  ids: { keep: string; merge: string },
  mergeLinks: readonly LinkSnapshot[],
  keepLinks: readonly LinkSnapshot[],
): MergedLink[] {
  return mergeLinks.map((link) => {
    const between = link.otherId === ids.keep || link.otherId === ids.merge;
    const keepHasAnother =
      isSingleLink(label, link) &&
      keepLinks.some((own) => sameLink(own, link) && own.otherId !== link.otherId);
    return { ...link, fate: between || keepHasAnother ? 'dropped' : 'moved' };
  });
}

/**
 * Keep's links that a merge with these links touches: the ones to the same nodes (their evidence
 * grows), and keep's single links of a kind the merged node has too (they decide what is dropped).
 */
export function touchedKeepLinks(
  label: MergeableLabel,
  keepLinks: readonly LinkSnapshot[],
  mergeLinks: readonly LinkSnapshot[],
): LinkSnapshot[] {
  return keepLinks.filter((own) =>
    mergeLinks.some(
      (link) => sameLink(own, link) && (link.otherId === own.otherId || isSingleLink(label, own)),
    ),
  );
}

/** Links sharing a type, direction and label at the other end: one statement each. */
export interface LinkGroup<T> {
  type: Rel;
  direction: Direction;
  otherLabel: Label;
  rows: T[];
}

/** Groups links in the order of the model's Rel constants, so statements run in a fixed order. */
export function groupLinks<L extends LinkSnapshot, T>(
  links: readonly L[],
  row: (link: L) => T,
): LinkGroup<T>[] {
  const groups = new Map<string, LinkGroup<T>>();
  const order = Object.values(Rel) as string[];
  const sorted = [...links].sort(
    (a, b) =>
      order.indexOf(a.type) - order.indexOf(b.type) ||
      a.direction.localeCompare(b.direction) ||
      a.otherLabel.localeCompare(b.otherLabel),
  );
  for (const link of sorted) {
    const key = `${link.type}|${link.direction}|${link.otherLabel}`;
    let group = groups.get(key);
    if (!group) {
      group = { type: link.type, direction: link.direction, otherLabel: link.otherLabel, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(row(link));
  }
  return [...groups.values()];
}

type Names = { name?: unknown; aliases?: unknown; nameText?: unknown };

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function lines(text: unknown): string[] {
  return typeof text === 'string' && text !== '' ? text.split('\n') : [];
}

/**
 * Keep's names after the merge: the merged node's name and aliases become aliases of keep (as an
 * import's names do, see MERGE_NAMES in ingest/graph-write.cypher.ts), and their folded lines join
 * keep's `nameText`. Returns null for labels without names.
 */
export function mergeNames(
  label: Label,
  keep: Names,
  merge: Names,
): { aliases: string[]; nameText: string; added: AddedNames } | null {
  if (!isNamedLabel(label)) return null;
  const keepName = typeof keep.name === 'string' ? keep.name : '';
  const aliases = strings(keep.aliases);
  const addedAliases: string[] = [];
  const mergeName = typeof merge.name === 'string' ? [merge.name] : [];
  for (const candidate of [...mergeName, ...strings(merge.aliases)]) {
    if (candidate === keepName || aliases.includes(candidate) || addedAliases.includes(candidate)) continue;
    addedAliases.push(candidate);
  }
  const folded = lines(keep.nameText);
  const mergeFolded = lines(merge.nameText);
  const incoming = mergeFolded.length > 0 ? mergeFolded : lines(foldedNameText(mergeName[0] ?? '', []));
  const addedFolded: string[] = [];
  for (const line of incoming) {
    if (line === '' || folded.includes(line) || addedFolded.includes(line)) continue;
    addedFolded.push(line);
  }
  return {
    aliases: [...aliases, ...addedAliases],
    nameText: [...folded, ...addedFolded].join('\n'),
    added: { aliases: addedAliases, folded: addedFolded },
  };
}

/**
 * Keep's names after an undo: what the merge added is taken away again; anything else (names an
 * import or upsert gave keep since) stays.
 */
export function unmergeNames(keep: Names, added: AddedNames): { aliases: string[]; nameText: string } {
  return {
    aliases: strings(keep.aliases).filter((alias) => !added.aliases.includes(alias)),
    nameText: lines(keep.nameText)
      .filter((line) => !added.folded.includes(line))
      .join('\n'),
  };
}

/** How the undo treats keep's copy of one moved link. */
export interface UnmoveRow {
  otherId: string;
  /** Evidence ids the merge brought to keep's link (the merged node's, that keep's link lacked). */
  contributed: string[];
  /** Keep had this link before the merge: it stays, only the contributed evidence leaves it. */
  hadBefore: boolean;
}

function evidenceOf(props: TypedProperties): string[] {
  return strings(props.values.evidence);
}

/** For each moved link, what keep's copy loses on undo (it is deleted when nothing of its own is left). */
export function unmoveRows(snapshot: MergeSnapshot): LinkGroup<UnmoveRow>[] {
  const moved = snapshot.mergeLinks.filter((link) => link.fate === 'moved');
  return groupLinks(moved, (link) => {
    const before = snapshot.keepLinks.find((own) => sameLink(own, link) && own.otherId === link.otherId);
    const had = before ? evidenceOf(before.props) : [];
    return {
      otherId: link.otherId,
      contributed: evidenceOf(link.props).filter((id) => !had.includes(id)),
      hadBefore: before !== undefined,
    };
  });
}
