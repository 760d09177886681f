/**
 * Topics from a stance's object words: a topic the graph (or this draft) already has when its name
 * or an alias is in the words ("the importance of US involvement in the mission" -> US
 * involvement), else a new topic named by the words with their lead-ins and trailing clauses cut
 * ("to provide a security "backstop" to a Western mission" -> "Security backstop").
 */
import { foldText } from '../graph/text';
import type { KnownEntity } from './draft.types';
import { MAX_TOPIC_WORDS, TOPIC_LEAD_INS, TOPIC_STOP_WORDS } from './lexicon';

export interface TopicChoice {
  /** A known topic's id, or a new topic's name. */
  knownId?: string;
  name: string;
  reason: string;
}

interface Vocabulary {
  id?: string;
  name: string;
  forms: string[];
}

export class TopicResolver {
  /** Every name and alias, folded to words, filed under its first word: a phrase is checked only against forms that start with one of its words. */
  private readonly byFirstWord = new Map<string, { entry: Vocabulary; form: string }[]>();
  readonly created = new Map<string, { name: string; aliases: Set<string> }>();

  constructor(known: readonly KnownEntity[]) {
    for (const entity of known) {
      if (entity.kind !== 'TOPIC') continue;
      this.add({ id: entity.id, name: entity.name, forms: [entity.name, ...entity.aliases].map(foldText) });
    }
  }

  private add(entry: Vocabulary): void {
    for (const form of entry.forms) {
      const clean = form.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      if (clean.length < 3) continue;
      const first = clean.split(' ')[0];
      const list = this.byFirstWord.get(first) ?? [];
      list.push({ entry, form: clean });
      this.byFirstWord.set(first, list);
    }
  }

  resolve(words: string): TopicChoice | null {
    const clean = foldText(words)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    const folded = ` ${clean} `;
    let best: { entry: Vocabulary; form: string } | undefined;
    for (const word of new Set(clean.split(' '))) {
      for (const candidate of this.byFirstWord.get(word) ?? []) {
        if (folded.includes(` ${candidate.form} `) && (!best || candidate.form.length > best.form.length))
          best = candidate;
      }
    }
    if (best?.entry.id) {
      return {
        knownId: best.entry.id,
        name: best.entry.name,
        reason: `"${best.form}" is a name or alias of ${best.entry.id}`,
      };
    }
    if (best)
      return { name: best.entry.name, reason: `"${best.form}" names a topic this draft already proposes` };
    const name = topicName(words);
    if (!name) return null;
    const key = foldText(name);
    const existing = this.created.get(key);
    if (existing) return { name: existing.name, reason: 'a topic this draft already proposes' };
    this.created.set(key, { name, aliases: new Set() });
    this.add({ name, forms: [key] });
    return { name, reason: 'new: no topic in the graph is named in these words' };
  }
}

const LEAD_INS = [...TOPIC_LEAD_INS].sort((a, b) => b.length - a.length);

/** The topic a stance's object names, or null when nothing of substance is left. */
export function topicName(words: string): string | null {
  let rest = words
    .replace(/["“”„«»]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  // "$2 billion in military aid to Ukraine": the amount is a claim, the aid is the topic.
  rest = rest.replace(
    /^(?:(?:about|around|some|up to|a further|another|an additional|an extra)\s+)?(?:[$€£¥]\s?)?\d[\d.,]*\s*(?:million|billion|trillion|bn|m|k)?\s*(?:(?:dollars|euros|pounds|USD|EUR)\s+)?(?:(?:in|of|worth of|for)\s+)?/iu,
    '',
  );
  rest = stripLeadIns(rest);
  // Cut at the first word that starts a new clause or a circumstance ("in the mission", "as …").
  const tokens = rest.split(' ');
  let cut = tokens.length;
  for (let i = 2; i < tokens.length; i += 1) {
    if (TOPIC_STOP_WORDS.includes(tokens[i].toLowerCase())) {
      cut = i;
      break;
    }
  }
  rest = stripLeadIns(tokens.slice(0, cut).join(' '));
  rest = rest.replace(/[\s,.;:!?'’-]+$/u, '').replace(/^[\s,.;:'’-]+/u, '');
  const kept = rest.split(' ').slice(0, MAX_TOPIC_WORDS).join(' ');
  if (!/\p{L}{3,}/u.test(kept)) return null;
  return kept.charAt(0).toUpperCase() + kept.slice(1);
}

function stripLeadIns(words: string): string {
  let rest = words;
  for (let changed = true; changed;) {
    changed = false;
    for (const lead of LEAD_INS) {
      if (rest.toLowerCase().startsWith(`${lead} `)) {
        rest = rest.slice(lead.length + 1);
        changed = true;
      }
    }
  }
  return rest;
}
