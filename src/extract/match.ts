/**
 * Matches the article's entities to the graph's: the same name or alias with accents and case
 * ignored ("Hakkanen" is "Häkkänen"), else a near miss (one edit in five letters or more, two in
 * ten or more), with the office and nation as context when names are close. One existing entity
 * that fits is a match; two that fit equally are AMBIGUOUS and left for a reviewer; an entity is
 * never matched to two, and two existing entities are never merged.
 */
import { distance } from 'fastest-levenshtein';
import { foldText } from '../graph/text';
import type { DraftEntityKind, KnownEntity, MatchDecision } from './draft.types';
import type { EntityDraft } from './entities';

export interface MatchResult {
  decision: MatchDecision;
  reason: string;
  candidates: string[];
  known?: KnownEntity;
}

const tolerance = (length: number) => (length >= 10 ? 2 : length >= 5 ? 1 : 0);

export function matchEntity(
  entity: EntityDraft,
  known: readonly KnownEntity[],
  nationOf: (key: string) => string | undefined,
): MatchResult {
  const sameKind = known.filter((candidate) => candidate.kind === kindOf(entity.kind));
  if (entity.kind === 'NATION') {
    const id = `nation:${entity.iso3?.toLowerCase()}`;
    const hit = sameKind.find((candidate) => candidate.id === id);
    return hit
      ? {
          decision: 'EXISTING',
          reason: `ISO 3166 code ${entity.iso3} is ${hit.id} in the graph`,
          candidates: [hit.id],
          known: hit,
        }
      : { decision: 'NEW', reason: `ISO 3166 code ${entity.iso3}; not yet in the graph`, candidates: [] };
  }
  const ours = [entity.name, ...entity.aliases].map(foldText).filter((form) => form.length > 1);
  const exact = sameKind.filter((candidate) => forms(candidate).some((form) => ours.includes(form)));
  const scored =
    exact.length > 0
      ? exact.map((candidate) => ({ candidate, score: 2 }))
      : nearMisses(ours, sameKind, entity);
  if (scored.length === 0)
    return {
      decision: 'NEW',
      reason: 'no name or alias in the graph is this one or a near miss',
      candidates: [],
    };
  // Context: a known official whose nation or office agrees outranks one whose doesn't.
  const withContext = scored.map(({ candidate, score }) => ({
    candidate,
    score: score + contextScore(entity, candidate, nationOf),
  }));
  const best = Math.max(...withContext.map((entry) => entry.score));
  const top = withContext.filter((entry) => entry.score === best);
  if (top.length > 1) {
    return {
      decision: 'AMBIGUOUS',
      reason: `${top.length} entities in the graph fit "${entity.name}" equally well; choose one or keep it new`,
      candidates: top.map((entry) => entry.candidate.id),
    };
  }
  const hit = top[0].candidate;
  const how =
    exact.length > 0
      ? foldText(hit.name) === foldText(entity.name) || forms(hit).includes(foldText(entity.name))
        ? entity.name === hit.name || hit.aliases.includes(entity.name)
          ? `name "${entity.name}" of ${hit.id}`
          : `"${entity.name}" is "${hit.name}" (${hit.id}) with accents or case ignored`
        : `an alias of ${hit.id} ("${hit.name}")`
      : `"${entity.name}" is a near miss of "${hit.name}" (${hit.id})`;
  return { decision: 'EXISTING', reason: how, candidates: [hit.id], known: hit };
}

function kindOf(kind: DraftEntityKind): DraftEntityKind {
  return kind;
}

function forms(candidate: KnownEntity): string[] {
  return [candidate.name, ...candidate.aliases].map(foldText);
}

function nearMisses(
  ours: string[],
  candidates: readonly KnownEntity[],
  entity: EntityDraft,
): { candidate: KnownEntity; score: number }[] {
  const results: { candidate: KnownEntity; score: number }[] = [];
  for (const candidate of candidates) {
    let best = Infinity;
    for (const theirs of forms(candidate)) {
      for (const form of ours) {
        // A single word only matches a single word ("Jonson" is no near miss of "Pal Jonson").
        if (form.includes(' ') !== theirs.includes(' ') && entity.kind === 'OFFICIAL') continue;
        const allowed = tolerance(Math.min(form.length, theirs.length));
        if (allowed === 0 || Math.abs(form.length - theirs.length) > allowed) continue;
        const d = distance(form, theirs);
        if (d <= allowed) best = Math.min(best, d);
      }
    }
    if (best !== Infinity) results.push({ candidate, score: 1 - best * 0.1 });
  }
  return results;
}

function contextScore(
  entity: EntityDraft,
  candidate: KnownEntity,
  nationOf: (key: string) => string | undefined,
): number {
  if (entity.kind !== 'OFFICIAL') return 0;
  let score = 0;
  const nation = entity.nation ? nationOf(entity.nation) : undefined;
  if (nation && candidate.nation) score += nation === candidate.nation ? 0.5 : -0.5;
  const titles = entity.offices.map((office) => foldText(office.title));
  if (titles.length > 0 && candidate.offices && candidate.offices.length > 0) {
    score += candidate.offices.some((office) => titles.includes(foldText(office))) ? 0.3 : 0;
  }
  return score;
}
