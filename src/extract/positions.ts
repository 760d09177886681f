/**
 * Positions: a stance cue from the lexicon ("stressed", "refused to", "pledged", "is vital") with a
 * holder (the subject before it, the subject of a participle clause ", stressing …", the speaker
 * of reported speech, or "we" in a quotation) and a topic (the words the cue governs). A cue with
 * no holder the drafter can name is left out rather than guessed.
 */
import {
  insideQuotation,
  sentenceSubjects,
  subjectBefore,
  type ArticleContext,
  type Subject,
} from './article-context';
import { NEGATED_STANCE, NEGATIONS, STANCE_CUES, type StanceCue, type StanceName } from './lexicon';
import type { Sentence } from './sentences';
import type { StatementDraft } from './statements';

export interface PositionDraft {
  stance: StanceName;
  holders: string[];
  /** The words that name the topic (resolved to a topic later). */
  object: { start: number; end: number };
  cue: { start: number; end: number; text: string };
  evidence: { start: number; end: number };
  sentence: Sentence;
  confidence: number;
  how: string;
  /** Whether the cue is a speech act (the holder said so): it makes a paraphrase too. */
  speech: boolean;
  /** Words that named the holder when they were no name ("Capitals"). */
  collectiveWords?: string;
}

/** Most stance cues one sentence is read for. */
const MAX_CUES_PER_SENTENCE = 12;
const CUES = STANCE_CUES.map((cue) => ({
  cue,
  pattern: new RegExp(`(?<![\\p{L}])(?:${cue.pattern})(?![\\p{L}])`, 'giu'),
}));
const NEGATED = new RegExp(
  `(?<![\\p{L}])(?:${NEGATIONS.map((word) => word.replace(/'/g, "['’]")).join('|')})\\s+(?:\\p{L}+\\s+)?$`,
  'iu',
);
/** Where a stance's object ends: the end of its clause. */
const CLAUSE_END =
  /[.;:!?]|,\s|,["”]|\s[-–—]\s|\s(?:as|because|while|but|whereas|although|though|since|after|before|if|when|so that)\s/u;

export function extractPositions(
  context: ArticleContext,
  statements: readonly StatementDraft[],
): PositionDraft[] {
  const positions: PositionDraft[] = [];
  for (const sentence of context.factSentences) {
    const taken: { start: number; end: number }[] = [];
    const found: { cue: StanceCue; start: number; end: number; text: string }[] = [];
    for (const { cue, pattern } of CUES) {
      for (const match of sentence.text.matchAll(pattern)) {
        const start = sentence.start + (match.index ?? 0);
        found.push({ cue, start, end: start + match[0].length, text: match[0] });
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    // A real sentence holds a few stances; the rest of a run-on one is not read.
    found.splice(MAX_CUES_PER_SENTENCE);
    for (const hit of found) {
      // A cue inside another stance's object ("hesitant to commit to …") is that stance's topic.
      if (taken.some((span) => span.start <= hit.start && hit.start < span.end)) continue;
      const position = positionAt(
        context,
        sentence,
        hit,
        statements,
        positions.filter((other) => other.sentence === sentence).at(-1),
      );
      if (!position) continue;
      taken.push({ start: position.cue.start, end: Math.max(position.object.end, position.cue.end) });
      positions.push(position);
    }
  }
  positions.push(...ownProposals(context, statements));
  return positions;
}

/** Nouns too general to be a topic after "Our" ("Our position is …"). */
const GENERAL_NOUNS =
  /^(?:position|view|views|message|goal|aim|priority|priorities|concern|concerns|country|countries|people|government|side|team|relationship|discussions|talks|meeting|hope|thoughts|understanding|assessment|answer|response)$/iu;

/**
 * A quotation that opens with the speaker's own proposal — "Our reassurance force for Ukraine
 * would be a committed and credible security arrangement" — is the speaker backing it.
 */
function ownProposals(context: ArticleContext, statements: readonly StatementDraft[]): PositionDraft[] {
  const found: PositionDraft[] = [];
  for (const statement of statements) {
    if (statement.kind !== 'QUOTE') continue;
    const words = context.text.slice(statement.words.start, statement.words.end);
    const match = /^Our\s+((?:[\p{L}'’-]+\s+){1,7}?)(?:would|will|must|should|can|is|are)\s/u.exec(words);
    if (!match) continue;
    const phrase = match[1].trim();
    const head = phrase
      .split(/\s+/)
      .find((_word, index, all) => index === all.length - 1 || /^(?:for|of|to|in)$/.test(all[index + 1]));
    if (phrase.split(/\s+/).length < 2 || (head && GENERAL_NOUNS.test(head))) continue;
    const start = statement.words.start + match[0].indexOf(phrase);
    found.push({
      stance: 'SUPPORTS',
      holders: [statement.speaker],
      object: { start, end: start + phrase.length },
      cue: { start: statement.words.start, end: statement.words.start + 3, text: 'Our' },
      evidence: statement.evidence,
      sentence: statement.sentence,
      confidence: 0.5,
      how: `the speaker's own proposal ("Our ${phrase}")`,
      speech: false,
    });
  }
  return found;
}

function positionAt(
  context: ArticleContext,
  sentence: Sentence,
  hit: { cue: StanceCue; start: number; end: number; text: string },
  statements: readonly StatementDraft[],
  previous?: PositionDraft,
): PositionDraft | null {
  const { text } = context;
  let stance = hit.cue.stance;
  const lead = text.slice(Math.max(sentence.start, hit.start - 20), hit.start);
  if (NEGATED.test(lead)) {
    const turned = NEGATED_STANCE[stance];
    if (!turned) return null;
    stance = turned;
  }
  // Verb forms only: "support plans for Ukraine" is a noun phrase, "to support Ukraine" has no subject.
  if (
    /^(?:support|back|stress|pledge|promise|oppose|reject|refuse|welcome|endorse|favou?r)s?$/i.test(
      hit.text,
    ) &&
    /(?:^|\s)(?:the|a|an|of|for|and|to|further|greater|military|political|financial|more|its|their|his|her|our)\s*$/iu.test(
      lead,
    )
  ) {
    return null;
  }
  // "declined to comment" is no stance on anything.
  if (
    /^\s*(?:to\s+)?(?:comment|say|elaborate|confirm|give details|be named|be identified|speak)\b/iu.test(
      text.slice(hit.end, hit.end + 24),
    )
  )
    return null;
  const quote = insideQuotation(context, hit.start, hit.end);
  let subject: Subject | null = null;
  let confidence = 0.8;
  let how = 'the subject of the stance verb';
  let object: { start: number; end: number };

  if (hit.cue.object === 'subject') {
    // "X said that such a guarantee is vital": the speaker holds it; the topic is what is vital.
    const statement =
      statements.find(
        (candidate) =>
          candidate.kind === 'PARAPHRASE' &&
          candidate.words.start <= hit.start &&
          hit.end <= candidate.words.end,
      ) ??
      (quote
        ? statements.find(
            (candidate) =>
              candidate.kind === 'QUOTE' &&
              candidate.words.start <= hit.start &&
              hit.end <= candidate.words.end,
          )
        : undefined);
    if (!statement) return null;
    subject = { keys: [statement.speaker], via: 'name', start: statement.words.start, words: '' };
    const clauseStart = Math.max(
      statement.words.start,
      lastClauseStart(text, statement.words.start, hit.start),
    );
    object = { start: clauseStart, end: hit.start };
    confidence = 0.6;
    how = 'reported speech that calls something vital';
  } else {
    object = objectAfter(text, hit.end, sentence.end);
    const participle =
      /^\p{L}+ing$/u.test(hit.text.split(/\s+/)[0]) && /,\s*$/u.test(text.slice(sentence.start, hit.start));
    if (participle) {
      const keys = sentenceSubjects(context, sentence);
      if (keys.length > 0) {
        subject = { keys, via: 'name', start: sentence.start, words: '' };
        confidence = 0.75;
        how = 'the subject of the sentence a participle clause ("…, stressing") belongs to';
      }
    }
    subject ??= subjectBefore(context, sentence, hit.start);
    // "Ghana and Senegal supported the plan but insisted on …": a second verb joined by "and"/"but"
    // has the first one's subject.
    if (
      !subject &&
      /(?<![\p{L}])(?:and|but|yet)\s+(?:(?:also|then|later|still|have|has|had|were|was|are|is|would|will)\s+)*$/iu.test(
        text.slice(sentence.start, hit.start),
      )
    ) {
      const keys = previous ? previous.holders : sentenceSubjects(context, sentence);
      if (keys.length > 0) {
        subject = { keys, via: 'name', start: sentence.start, words: '' };
        confidence = 0.65;
        how = 'a second verb of the same subject ("… and/but …")';
      }
    }
    if (quote && subject?.via !== 'name') {
      // Inside a quotation, "we"/"I" is the speaker.
      const we = /(?<![\p{L}])(?:we|I)\s+(?:\p{Ll}+\s+){0,2}$/u.test(
        text.slice(Math.max(quote.start, hit.start - 30), hit.start),
      );
      const statement = statements.find(
        (candidate) =>
          candidate.kind === 'QUOTE' && candidate.words.start <= hit.start && hit.end <= candidate.words.end,
      );
      subject =
        we && statement ? { keys: [statement.speaker], via: 'name', start: hit.start, words: '' } : null;
      if (subject) how = '"we" in a quotation: its speaker';
    }
    if (subject && subject.via === 'pronoun') {
      confidence = 0.65;
      how = 'a pronoun: the last person named';
    }
    if (subject && subject.via === 'collective') {
      confidence = 0.45;
      how = `"${subject.words}", unnamed: the organization the article is about`;
    }
  }
  if (!subject || subject.keys.length === 0) return null;
  if (object.end - object.start < 3) return null;
  return {
    stance,
    holders: subject.keys,
    object,
    cue: { start: hit.start, end: hit.end, text: hit.text },
    evidence: { start: sentence.start, end: sentence.end },
    sentence,
    confidence,
    how,
    speech: hit.cue.speech,
    collectiveWords: subject.via === 'collective' ? subject.words : undefined,
  };
}

/** The words a cue governs: from after it to the end of its clause. */
export function objectAfter(text: string, from: number, to: number): { start: number; end: number } {
  const rest = text.slice(from, to);
  // "pledged, a lasting peace": the object after a comma; but "will not join, preferring …" has none.
  const skip = /^[\s,]+(?!\p{L}+ing\b)/u.exec(rest)?.[0] ?? /^\s*/u.exec(rest)![0];
  const leading = skip.length;
  const clause = CLAUSE_END.exec(rest.slice(leading));
  const end = from + leading + (clause ? clause.index : rest.trimEnd().length - leading);
  return { start: from + leading, end: Math.max(from + leading, end) };
}

function lastClauseStart(text: string, from: number, to: number): number {
  const slice = text.slice(from, to);
  const that = /(?:^|\s)that\s+(?!.*\sthat\s)/u.exec(slice);
  if (that) return from + that.index + that[0].length;
  const comma = slice.lastIndexOf(', ');
  return comma >= 0 ? from + comma + 2 : from;
}

/** Keeps the strongest reading when two cues give one holder one stance on the same words. */
export function summaryOf(text: string, position: PositionDraft): string {
  if (position.cue.text === 'Our') return `Backs ${text.slice(position.object.start, position.object.end)}`;
  const words = text.slice(position.cue.start, position.object.end).replace(/\s+/g, ' ').trim();
  const base =
    position.cue.start < position.object.start
      ? words
      : text.slice(position.object.start, position.cue.end).trim();
  const sentence = base.charAt(0).toUpperCase() + base.slice(1);
  return position.collectiveWords
    ? `${sentence} (the text says "${position.collectiveWords}", naming none of them)`
    : sentence;
}
