/**
 * Is an entity a document names under a new id one the graph already holds? Names and aliases
 * equal once case, accents, punctuation and British/American spelling are set aside match any
 * kind; officials also match a near miss (a typo, a transliteration, a short first name, the
 * surname with the same office) within their nation. One candidate is a match; several, or a
 * weaker likeness, leave the entity new and flag the pair for an editor.
 */
import { distance } from 'fastest-levenshtein';
import type { DraftEntityKind, KnownEntity } from '../../extract/draft.types';
import { foldText } from '../../graph/text';
import { officeForm, spellingForm } from './spelling';

export interface EntityRecordView {
  id: string;
  kind: DraftEntityKind;
  name: string;
  aliases: readonly string[];
  /** An official's nation id (already resolved). */
  nation?: string;
  /** An official's office titles in this document. */
  offices: readonly string[];
}

export type EntityDecision =
  | { kind: 'same'; id: string; reason: string; score: number }
  | { kind: 'new'; duplicates: { id: string; reason: string; score: number }[] };

type Level = 'exact' | 'near' | 'weak';
const RANK: Record<Level, number> = { exact: 3, near: 2, weak: 1 };

/** Edits a near miss may have: none under 5 letters ("Iran" is not "Iraq"), 1 under 10, else 2. */
const tolerance = (length: number) => (length >= 10 ? 2 : length >= 5 ? 1 : 0);

/** Transliteration and doubling variants set aside: Zelenskyy / Zelenskiy / Zelensky. */
function transliterated(form: string): string {
  return form
    .replace(/kh/g, 'h')
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/ph/g, 'f')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/i+\b/g, 'i');
}

const digits = (form: string) => form.replace(/\D+/g, ' ').trim();
const words = (form: string) => form.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const withoutSuffix = (nameWords: string[]) =>
  nameWords.length > 2 && SUFFIXES.has(nameWords.at(-1)!) ? nameWords.slice(0, -1) : nameWords;

interface Likeness {
  level: Level;
  reason: string;
  edits: number;
}

function likeness(record: EntityRecordView, candidate: KnownEntity): Likeness | undefined {
  const ours = [record.name, ...record.aliases];
  const theirs = [candidate.name, ...candidate.aliases];
  const folded = new Set(theirs.map(foldText));
  const exact = ours.find((name) => folded.has(foldText(name)));
  if (exact) {
    return {
      level: 'exact',
      edits: 0,
      reason: `"${exact}" is a name of ${candidate.id} ("${candidate.name}"), case and accents aside`,
    };
  }
  const spelt = new Set(theirs.map(spellingForm));
  const variant = ours.find((name) => spelt.has(spellingForm(name)));
  if (variant) {
    return {
      level: 'exact',
      edits: 0,
      reason: `"${variant}" is "${candidate.name}" (${candidate.id}) in another spelling`,
    };
  }
  if (record.kind !== 'OFFICIAL') return undefined;
  let best: Likeness | undefined;
  const consider = (found: Likeness) => {
    if (
      !best ||
      RANK[found.level] > RANK[best.level] ||
      (found.level === best.level && found.edits < best.edits)
    )
      best = found;
  };
  const officeForms = new Set(record.offices.map(officeForm));
  const sameOffice = (candidate.offices ?? []).some((office) => officeForms.has(officeForm(office)));
  for (const ourName of ours.map(spellingForm)) {
    for (const theirName of theirs.map(spellingForm)) {
      const [ourWords, theirWords] = [words(ourName), words(theirName)];
      if (ourWords.length === 0 || theirWords.length === 0 || digits(ourName) !== digits(theirName)) continue;
      const sameSurname = ourWords.at(-1) === theirWords.at(-1);
      if (ourWords.length > 1 && theirWords.length > 1 && ourWords.length !== theirWords.length) {
        // Reports drop "Jr." or "III" more often than they add a second person of the same name.
        const [ours, theirs] = [withoutSuffix(ourWords), withoutSuffix(theirWords)];
        if (ours.join(' ') === theirs.join(' ')) {
          consider({
            level: 'near',
            edits: 0,
            reason: `"${record.name}" is "${candidate.name}" (${candidate.id}) without or with a suffix`,
          });
          continue;
        }
      }
      if (ourWords.length > 1 && theirWords.length > 1) {
        const edits = distance(ourName, theirName);
        if (edits <= tolerance(Math.min(ourName.length, theirName.length))) {
          consider({
            level: 'near',
            edits,
            reason: `"${record.name}" is a spelling variant of "${candidate.name}" (${candidate.id}), ${edits} letter(s) apart`,
          });
        } else if (transliterated(ourName) === transliterated(theirName)) {
          consider({
            level: 'near',
            edits,
            reason: `"${record.name}" is a transliteration of "${candidate.name}" (${candidate.id})`,
          });
        } else if (sameSurname && ourWords.length === theirWords.length) {
          const [a, b] = [ourWords[0], theirWords[0]];
          // "J." for John, "Pete" for Peter, "Jon" for John.
          const initial = (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
          const prefix = a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a));
          const compatible = initial || prefix || distance(a, b) <= 1;
          if (compatible) {
            consider({
              level: 'near',
              edits: distance(a, b),
              reason: `same surname as ${candidate.id} ("${candidate.name}") and a short form of the first name`,
            });
          } else {
            consider({
              level: 'weak',
              edits: edits,
              reason: `same surname as ${candidate.id} ("${candidate.name}"), another first name`,
            });
          }
        } else if (edits <= tolerance(Math.min(ourName.length, theirName.length)) + 1) {
          consider({
            level: 'weak',
            edits,
            reason: `"${record.name}" looks like "${candidate.name}" (${candidate.id}), ${edits} letters apart`,
          });
        }
      } else if (sameSurname) {
        consider(
          sameOffice
            ? {
                level: 'near',
                edits: 0,
                reason: `the surname and office of ${candidate.id} ("${candidate.name}")`,
              }
            : { level: 'weak', edits: 0, reason: `the surname of ${candidate.id} ("${candidate.name}")` },
        );
      }
    }
  }
  return best;
}

/** Decides one entity against the stored entities of its kind (candidates of other kinds are ignored). */
export function resolveEntity(record: EntityRecordView, known: readonly KnownEntity[]): EntityDecision {
  const found: { candidate: KnownEntity; like: Likeness }[] = [];
  for (const candidate of known) {
    if (candidate.kind !== record.kind || candidate.id === record.id) continue;
    let like = likeness(record, candidate);
    if (!like) continue;
    // Another nation makes even an equal name a likeness for an editor, never a match.
    if (
      record.kind === 'OFFICIAL' &&
      record.nation &&
      candidate.nation &&
      record.nation !== candidate.nation
    ) {
      like = {
        level: 'weak',
        edits: like.edits,
        reason: `${like.reason}, but of another nation (${candidate.nation})`,
      };
    }
    found.push({ candidate, like });
  }
  if (found.length === 0) return { kind: 'new', duplicates: [] };
  const top = Math.max(...found.map(({ like }) => RANK[like.level]));
  let best = found.filter(({ like }) => RANK[like.level] === top);
  if (best.length > 1) {
    const fewest = Math.min(...best.map(({ like }) => like.edits));
    best = best.filter(({ like }) => like.edits === fewest);
  }
  if (best.length > 1 && record.offices.length > 0) {
    const forms = new Set(record.offices.map(officeForm));
    const sameOffice = best.filter(({ candidate }) =>
      (candidate.offices ?? []).some((o) => forms.has(officeForm(o))),
    );
    if (sameOffice.length === 1) best = sameOffice;
  }
  if (top >= RANK.near && best.length === 1) {
    const [{ candidate, like }] = best;
    return { kind: 'same', id: candidate.id, reason: like.reason, score: like.level === 'exact' ? 1 : 0.9 };
  }
  return {
    kind: 'new',
    duplicates: found.map(({ candidate, like }) => ({
      id: candidate.id,
      reason:
        top >= RANK.near && RANK[like.level] === top
          ? `${like.reason}; ${best.length} stored entities fit equally, so none was chosen`
          : like.reason,
      score: like.level === 'exact' ? 0.8 : like.level === 'near' ? 0.7 : 0.5,
    })),
  };
}
