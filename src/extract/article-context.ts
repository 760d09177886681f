/**
 * What every fact pass reads: the article's sentences, quotations and entity mentions, and the few
 * questions they all ask of them: who is the subject before this verb, who was the last person
 * named, which organization is the article about.
 */
import type { EntityDraft, EntityTable, Mention } from './entities';
import { COLLECTIVE_SUBJECTS, GROUP_PRONOUNS, PERSON_PRONOUNS } from './lexicon';
import type { Quotation, Sentence } from './sentences';

export interface ArticleContext {
  text: string;
  /** Publication date, YYYY-MM-DD. */
  anchor: string;
  sentences: Sentence[];
  /**
   * The sentences facts are drafted from: all but those longer than MAX_FACT_SENTENCE_CHARS (a
   * table, a list or junk run together, never a sentence a reporter wrote), which keeps the
   * drafter's work per sentence bounded.
   */
  factSentences: Sentence[];
  quotations: Quotation[];
  table: EntityTable;
  /** Actor mentions (officials, nations, organizations), in text order. */
  actors: Mention[];
}

/** Most evidence excerpts a drafted fact keeps: more reports of the same thing add nothing to review. */
export const MAX_EVIDENCE_PER_FACT = 10;

/** The longest sentence facts are drafted from (news sentences run to a few hundred characters). */
export const MAX_FACT_SENTENCE_CHARS = 1500;

export interface Subject {
  keys: string[];
  /** How the subject was found: a name, a pronoun, a group word. */
  via: 'name' | 'pronoun' | 'collective';
  start: number;
  /** The words that named it ("Capitals"), for a position's summary. */
  words: string;
}

const ACTOR_KINDS = new Set(['OFFICIAL', 'NATION', 'ORGANIZATION']);

/**
 * Mentions that can be an actor of a fact. A nation or organization that only qualifies an
 * official's office ("UK Defence Secretary John Healey", "his Swedish counterpart") is not one.
 */
export function actorMentions(table: EntityTable): Mention[] {
  const offices = table
    .ofKind('OFFICIAL')
    .flatMap((official) => official.offices.map((office) => office.span));
  return table
    .sorted()
    .filter((mention) => ACTOR_KINDS.has(mention.kind))
    .filter(
      (mention) =>
        mention.kind === 'OFFICIAL' ||
        !offices.some((span) => span.start <= mention.start && mention.end <= span.end),
    );
}

/**
 * Asides that sit between a subject and its verb and name other actors: ", led by France and
 * Britain,", ", who …,", ", including …,". Blanked (same length) so offsets still hold.
 */
const ASIDE =
  /,\s+(?:(?:led|chaired|headed|hosted|backed|joined|supported|founded|formed|made up|represented)\s+by|who|whose|which|including|such as|like|along with|together with)\s[^,]*,/giu;

export function withoutAsides(text: string): string {
  return text.replace(ASIDE, (aside) => ' '.repeat(aside.length));
}

/**
 * Words that may stand between a subject and its verb: auxiliaries and adverbs ("has so far
 * refused", "have however been hesitant", "also said").
 */
const GAP =
  /^(?:\s|,|(?:has|have|had|is|are|was|were|be|been|being|will|would|could|should|may|might|must|shall|so far|also|however|still|now|already|again|once again|long|previously|reportedly|repeatedly|publicly|firmly|strongly|openly|clearly|in the past|on \p{Lu}\p{L}+|too|then|later|both|all|each|\p{L}+ly|remains?|remained|appeared|appears|seemed|seems|became|stays?|stayed|government|authorities|officials|ministry|diplomats|cabinet|leadership|delegation|side|administration|parliament|leaders|president|prime minister))*$/iu;

/** A possessive "X's" names a thing of X, not X as a subject. */
const isPossessive = (text: string, mention: Mention) =>
  /^['’]s\b/u.test(text.slice(mention.end, mention.end + 2));

/**
 * The actors a verb at `position` has as its subject: the nearest actor mention before it in the
 * sentence with only auxiliaries and adverbs between, with any actors joined to it by "and" or
 * "and his … counterpart"; else a pronoun (the last person or group named) or a collective noun
 * ("Capitals", "the group").
 */
export function subjectBefore(context: ArticleContext, sentence: Sentence, position: number): Subject | null {
  const { text } = context;
  const head = withoutAsides(text.slice(sentence.start, position));
  const visible = (mention: Mention) =>
    head.slice(mention.start - sentence.start, mention.end - sentence.start).trim().length > 0;
  const inSentence = actorsIn(context, sentence.start, position).filter(
    (mention) => !isPossessive(text, mention) && visible(mention),
  );
  const nearest = inSentence.at(-1);
  if (nearest && GAP.test(head.slice(nearest.end - sentence.start))) {
    return {
      keys: conjoined(context, inSentence, inSentence.length - 1),
      via: 'name',
      start: nearest.start,
      words: nearest.text,
    };
  }
  const word = /(?<![\p{L}])(\p{L}+(?:\s+\p{L}+)?)\s*$/u.exec(trimGap(head))?.[1];
  if (!word) return null;
  const pairOrOwn = ownGovernmentOrPair(context, sentence, trimGap(head), position);
  if (pairOrOwn) return pairOrOwn;
  const lower = word.toLowerCase();
  const last = lower.split(/\s+/).at(-1) ?? '';
  if (PERSON_PRONOUNS.includes(last)) {
    const person = lastActorBefore(context, sentence.start + trimGap(head).length - last.length, 'OFFICIAL');
    return person ? { keys: [person.key], via: 'pronoun', start: position, words: last } : null;
  }
  if (GROUP_PRONOUNS.includes(last)) {
    const group = lastSubjectGroupBefore(context, sentence);
    return group.length > 0 ? { keys: group, via: 'pronoun', start: position, words: last } : null;
  }
  const collective = COLLECTIVE_SUBJECTS.find(
    (noun) => lower === noun || lower.endsWith(` ${noun}`) || last === noun,
  );
  if (collective) {
    const organization = salientOrganization(context);
    if (organization) return { keys: [organization.key], via: 'collective', start: position, words: word };
  }
  return null;
}

/**
 * "his government supports the deal": the nation of the official named last; "the two pledged",
 * "both ministers": the last two officials named; "it will not accept": the last nation or
 * organization named (in this sentence or the one before).
 */
function ownGovernmentOrPair(
  context: ArticleContext,
  sentence: Sentence,
  head: string,
  position: number,
): Subject | null {
  const own = /(?<![\p{L}])(?:his|her)\s+(?:government|country|administration|ministry|cabinet)$/iu.exec(
    head,
  );
  if (own) {
    const person = lastActorBefore(context, position, 'OFFICIAL');
    const nation = person ? context.table.byKey.get(person.key)?.nation : undefined;
    return nation ? { keys: [nation], via: 'pronoun', start: position, words: own[0] } : null;
  }
  if (
    /(?<![\p{L}])(?:the two(?:\s+\p{L}+)?|both(?:\s+(?:men|women|ministers|leaders|sides|officials))?|the pair)$/iu.test(
      head,
    )
  ) {
    const people = [
      ...new Set(
        actorsIn(context, Math.max(0, position - REFERENCE_REACH), position)
          .filter((mention) => mention.kind === 'OFFICIAL')
          .map((mention) => mention.key),
      ),
    ];
    return people.length >= 2
      ? { keys: people.slice(-2), via: 'pronoun', start: position, words: 'the two' }
      : null;
  }
  if (/(?<![\p{L}])it$/iu.test(head)) {
    const previous = context.sentences[sentence.index - 1];
    const from = previous ? previous.start : sentence.start;
    const actor = actorsIn(context, from, position)
      .filter((mention) => mention.kind !== 'OFFICIAL')
      .at(-1);
    return actor ? { keys: [actor.key], via: 'pronoun', start: position, words: 'it' } : null;
  }
  return null;
}

function trimGap(text: string): string {
  let rest = text;
  for (;;) {
    const next = rest.replace(
      /(?:\s|,|\b(?:has|have|had|is|are|was|were|be|been|will|would|so far|also|however|still|now|already|again|long|in the past|remains?|remained|\p{L}+ly))\s*$/iu,
      '',
    );
    if (next === rest) return rest;
    rest = next;
  }
}

/** The mention at `index` and every actor joined to it by "and", "," or "and his … counterpart". */
function conjoined(context: ArticleContext, mentions: Mention[], index: number): string[] {
  const keys = [mentions[index].key];
  for (let i = index; i > 0; i -= 1) {
    const between = context.text.slice(mentions[i - 1].end, mentions[i].start);
    if (
      !/^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+and\s+(?:his|her|their)\s+(?:\p{L}+\s+)?counterparts?,?\s+)$/u.test(
        between,
      )
    )
      break;
    keys.unshift(mentions[i - 1].key);
  }
  return [...new Set(keys)];
}

/** The actors a sentence opens with ("Finnish Defence Minister Antti Hakkanen and his … counterpart Pal Jonson"). */
export function sentenceSubjects(context: ArticleContext, sentence: Sentence): string[] {
  const inSentence = actorsIn(context, sentence.start, sentence.end).filter(
    (mention) => !isPossessive(context.text, mention),
  );
  if (inSentence.length === 0) return [];
  const lead = context.text.slice(sentence.start, inSentence[0].start);
  // Only qualifiers may come first: "Finnish Defence Minister", "UK", "The".
  if (lead.split(/\s+/).filter(Boolean).length > 5) return [];
  let last = 0;
  while (last + 1 < inSentence.length && conjoined(context, inSentence, last + 1).includes(inSentence[0].key))
    last += 1;
  return conjoined(context, inSentence, last);
}

/** Items of a list sorted by `start` that lie wholly inside [start, end); binary search, not a scan. */
export function within<T extends { start: number; end: number }>(
  sorted: readonly T[],
  start: number,
  end: number,
): T[] {
  const found: T[] = [];
  for (let i = firstAt(sorted, start); i < sorted.length && sorted[i].start < end; i += 1) {
    if (sorted[i].end <= end) found.push(sorted[i]);
  }
  return found;
}

/** Index of the first item starting at or after `position` (binary search: the list is in text order). */
function firstAt(actors: readonly { start: number }[], position: number): number {
  let low = 0;
  let high = actors.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (actors[middle].start < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Actor mentions wholly inside [start, end), in text order; found by binary search, not a scan. */
export function actorsIn(context: ArticleContext, start: number, end: number): Mention[] {
  const found: Mention[] = [];
  for (
    let i = firstAt(context.actors, start);
    i < context.actors.length && context.actors[i].start < end;
    i += 1
  ) {
    if (context.actors[i].end <= end) found.push(context.actors[i]);
  }
  return found;
}

/** How far back a pronoun or "the two" may reach for the people it means (characters). */
const REFERENCE_REACH = 3000;

export function lastActorBefore(
  context: ArticleContext,
  position: number,
  kind?: string,
): Mention | undefined {
  const floor = Math.max(0, position - REFERENCE_REACH);
  for (let i = firstAt(context.actors, position) - 1; i >= 0 && context.actors[i].start >= floor; i -= 1) {
    const mention = context.actors[i];
    if (mention.end <= position && (!kind || mention.kind === kind)) return mention;
  }
  return undefined;
}

function lastSubjectGroupBefore(context: ArticleContext, sentence: Sentence): string[] {
  for (let i = sentence.index; i >= 0; i -= 1) {
    const subjects = sentenceSubjects(context, context.sentences[i]);
    if (subjects.length > 1 || (i < sentence.index && subjects.length > 0)) return subjects;
  }
  return [];
}

/** The organization the article is about: the one it names most (first named on a tie). */
export function salientOrganization(context: ArticleContext): EntityDraft | undefined {
  const organizations = context.table.ofKind('ORGANIZATION');
  return organizations
    .filter((organization) => organization.mentions.length > 0)
    .sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start)[0];
}

export function sentenceAt(context: ArticleContext, position: number): Sentence | undefined {
  return context.sentences.find((sentence) => sentence.start <= position && position < sentence.end);
}

export function insideQuotation(context: ArticleContext, start: number, end = start): Quotation | undefined {
  return context.quotations.find((quote) => quote.start <= start && end <= quote.end);
}
