/**
 * Statements: quotations with the speaker named before or after them ("X said: "…"", ""…," X
 * said", ""…," he added"), and paraphrases introduced by a reporting verb ("X said that …", "…, X
 * said"). A quotation nobody is said to have spoken is not a statement ("coalition of the
 * willing", a scare-quoted "backstop").
 */
import {
  actorsIn,
  lastActorBefore,
  sentenceSubjects,
  withoutAsides,
  type ArticleContext,
} from './article-context';
import type { Mention } from './entities';
import { QUOTE_LEAD_VERBS, REPORTING_VERBS } from './lexicon';
import type { Quotation, Sentence } from './sentences';
import { wordsOf } from './sentences';

export interface StatementDraft {
  kind: 'QUOTE' | 'PARAPHRASE';
  text: string;
  speaker: string;
  /** The sentence (or sentences) that hold it: the evidence. */
  evidence: { start: number; end: number };
  /** Where the words are, for highlighting. */
  words: { start: number; end: number };
  sentence: Sentence;
  confidence: number;
  how: string;
}

const REPORTING = REPORTING_VERBS.map((verb) => verb.replace(/\s+/g, '\\s+')).join('|');
const VERB_AT_START = new RegExp(
  `^\\s*(?:also\\s+|has\\s+|had\\s+|have\\s+|later\\s+|then\\s+|again\\s+|once\\s+again\\s+)*(?:${REPORTING})(?![\\p{L}])`,
  'iu',
);
const VERB_ANYWHERE = new RegExp(`(?<![\\p{L}])(?:${REPORTING})(?![\\p{L}])`, 'iu');
const PRONOUN_VERB = new RegExp(
  `^\\s*,?\\s*(he|she|they)\\s+(?:also\\s+)?(?:${REPORTING})(?![\\p{L}])`,
  'iu',
);
const VERB_PRONOUN = new RegExp(`^\\s*,?\\s*(?:${REPORTING})\\s+(he|she|they)(?![\\p{L}])`, 'iu');
/** "X said:", "X told reporters that", "X said in a statement" before a quotation. */
const QUOTE_LEAD = QUOTE_LEAD_VERBS.join('|');
const LEAD_IN = new RegExp(
  `(?:${REPORTING}|${QUOTE_LEAD})(?:\\s+[\\p{L}'’-]+){0,6}?\\s*(?:(?:that|as)\\s+(?:[\\p{L}'’-]+,?\\s+){0,12}?)?[:,]?\\s*$`,
  'iu',
);

/** Quotations shorter than this many words are names or scare quotes, not statements. */
export const MIN_QUOTE_WORDS = 3;

export function extractStatements(
  context: ArticleContext,
  warn: (message: string) => void,
): StatementDraft[] {
  const statements: StatementDraft[] = [];
  let lastSpeaker: { key: string; paragraph: number } | undefined;
  const attributed = new Map<Quotation, string>();
  for (const sentence of context.factSentences) {
    const quotes = context.quotations.filter(
      (quote) => quote.outerStart >= sentence.start && quote.outerEnd <= sentence.end,
    );
    // Two words may be a quote when a reporting verb introduces them ("would "watch closely""); fewer
    // never (a scare-quoted "backstop").
    const spoken = quotes.filter(
      (quote) =>
        wordsOf(quote.text).length >= MIN_QUOTE_WORDS ||
        (wordsOf(quote.text).length === 2 &&
          LEAD_IN.test(context.text.slice(sentence.start, quote.outerStart))),
    );
    for (const quote of spoken) {
      const found = attributeQuote(context, sentence, quote, quotes, attributed);
      let speaker = found?.speaker;
      let confidence = found?.confidence ?? 0;
      let how = found?.how ?? '';
      if (
        !speaker &&
        lastSpeaker &&
        sentence.paragraph - lastSpeaker.paragraph <= 1 &&
        quote.outerStart === sentence.start &&
        !actorsIn(context, sentence.start, sentence.end).some(
          (mention) => mention.start < quote.outerStart || mention.start > quote.outerEnd,
        )
      ) {
        // A quotation standing alone right after another: the same speaker goes on.
        speaker = lastSpeaker.key;
        confidence = 0.55;
        how = 'continues the quotation before it';
      }
      if (!speaker) {
        if (wordsOf(quote.text).length >= 6)
          warn(
            `A quotation at ${quote.start} ("${shorten(quote.text)}") has no speaker the drafter could find; left out.`,
          );
        continue;
      }
      attributed.set(quote, speaker);
      const words = trimQuote(context.text, quote);
      statements.push({
        kind: 'QUOTE',
        text: context.text.slice(words.start, words.end),
        speaker,
        evidence: { start: sentence.start, end: sentence.end },
        words,
        sentence,
        confidence,
        how,
      });
      lastSpeaker = { key: speaker, paragraph: sentence.paragraph };
      const paraphrase = paraphraseAround(context, sentence, quote, speaker);
      if (paraphrase) statements.push({ ...paraphrase, confidence: confidence - 0.1 });
    }
    if (!statements.some((statement) => statement.kind === 'PARAPHRASE' && statement.sentence === sentence)) {
      const paraphrase = paraphraseOf(context, sentence, quotes);
      if (paraphrase) {
        statements.push(paraphrase);
        lastSpeaker = { key: paraphrase.speaker, paragraph: sentence.paragraph };
      }
    }
  }
  return statements;
}

function attributeQuote(
  context: ArticleContext,
  sentence: Sentence,
  quote: Quotation,
  quotes: Quotation[],
  attributed: Map<Quotation, string>,
): { speaker: string; confidence: number; how: string } | null {
  const { text } = context;
  const next = quotes.find((other) => other.outerStart >= quote.outerEnd);
  const afterEnd = next ? next.outerStart : sentence.end;
  const after = text.slice(quote.outerEnd, afterEnd);
  const afterActors = actorsIn(context, quote.outerEnd, afterEnd);
  // ""…," he added."
  const pronoun = PRONOUN_VERB.exec(after) ?? VERB_PRONOUN.exec(after);
  if (pronoun) {
    const person = lastActorBefore(
      context,
      quote.outerStart,
      pronoun[1].toLowerCase() === 'they' ? undefined : 'OFFICIAL',
    );
    if (person)
      return {
        speaker: person.key,
        confidence: 0.75,
        how: `"${pronoun[0].trim()}" after the quotation: the last person named`,
      };
  }
  // Prefer the person: ""…," UK Defence Secretary John Healey" names the UK only as his office's.
  const first =
    afterActors.find(
      (mention) =>
        mention.kind === 'OFFICIAL' &&
        text.slice(quote.outerEnd, mention.start).split(/\s+/).filter(Boolean).length <= 5,
    ) ?? afterActors[0];
  if (first) {
    const lead = text.slice(quote.outerEnd, first.start);
    const verbAfterName = VERB_AT_START.test(text.slice(first.end, afterEnd)) || VERB_ANYWHERE.test(lead);
    // The speaker right after the quotation: ""…," UK Defence Secretary John Healey said" (or no verb at all).
    if (
      /^\s*[,.]?\s*(?:[\p{L}'’-]+\s+){0,4}$/u.test(lead) &&
      (verbAfterName || /^\s*,?\s*$/u.test(lead.replace(/\p{Lu}[\p{L}-]*\s*/gu, '')))
    ) {
      return {
        speaker: first.key,
        confidence: verbAfterName ? 0.9 : 0.7,
        how: verbAfterName
          ? 'named with a reporting verb after the quotation'
          : 'named right after the quotation',
      };
    }
  }
  // "X said: "…"" / "X told reporters that "…"".
  const previous = quotes.filter((other) => other.outerEnd <= quote.outerStart).at(-1);
  const beforeStart = previous ? previous.outerEnd : sentence.start;
  const before = text.slice(beforeStart, quote.outerStart);
  const lead = LEAD_IN.exec(before);
  if (lead) {
    const verbAt = beforeStart + (lead.index ?? 0);
    const candidates = actorsIn(context, beforeStart, verbAt);
    const speaker = candidates.at(-1);
    const between = (mention: Mention) => withoutAsides(text.slice(mention.end, verbAt));
    if (speaker && /^[\s,\p{Ll}'’-]*$/u.test(between(speaker))) {
      return {
        speaker: speaker.key,
        confidence: 0.9,
        how: 'named with a reporting verb before the quotation',
      };
    }
    // "China's Commerce Ministry dismissed … as "…"": someone unnamed speaking for a nation.
    if (speaker && speaker.kind === 'NATION' && UNNAMED_SPOKESPERSON.test(text.slice(speaker.end, verbAt))) {
      return { speaker: speaker.key, confidence: 0.6, how: 'a spokesperson or ministry of the nation named' };
    }
    // "Peter Kiprono Rotich, Kenya's ambassador to the UN, whose country …, tells the chamber …":
    // an official set off by commas before the verb, whatever the asides name.
    const official = candidates.find((mention) => mention.kind === 'OFFICIAL');
    if (
      official &&
      /^,/u.test(text.slice(official.end, official.end + 1)) &&
      /,\s*$/u.test(text.slice(beforeStart, verbAt))
    ) {
      return {
        speaker: official.key,
        confidence: 0.75,
        how: 'the official the sentence opens with, before its asides',
      };
    }
    // "… welcomed the pledge but said …", "…, calling it "…"": the sentence's subject.
    if (/(?:(?<![\p{L}])(?:and|but)\s+(?:also\s+)?|,\s*)$/iu.test(text.slice(beforeStart, verbAt))) {
      const keys = sentenceSubjects(context, sentence);
      if (keys.length > 0)
        return {
          speaker: keys[0],
          confidence: 0.65,
          how: 'the subject of the sentence, speaking in its second verb',
        };
    }
    const pronounBefore = /(?<![\p{L}])(he|she)\s+(?:\p{Ll}+\s+)?$/iu.exec(text.slice(beforeStart, verbAt));
    if (pronounBefore) {
      const person = lastActorBefore(context, quote.outerStart, 'OFFICIAL');
      if (person)
        return {
          speaker: person.key,
          confidence: 0.75,
          how: 'a pronoun before the quotation: the last person named',
        };
    }
  }
  // A split quotation: ""…," Healey said, "…"", or one verb on from it: ""…" and thanked "…"".
  if (
    previous &&
    (VERB_ANYWHERE.test(before) || /^\s*,?\s*(?:and|but)\s+(?:\p{Ll}+\s+){0,3}$/u.test(before))
  ) {
    const earlier = attributed.get(previous);
    if (earlier && !VERB_ANYWHERE.test(before))
      return { speaker: earlier, confidence: 0.75, how: 'a second quotation of the same speaker' };
    const speaker = actorsIn(context, previous.outerEnd, quote.outerStart).at(-1);
    if (speaker)
      return { speaker: speaker.key, confidence: 0.85, how: 'the second part of a split quotation' };
  }
  return null;
}

/** The quoted words without the trailing comma or full stop the quotation marks enclose. */
function trimQuote(text: string, quote: Quotation): { start: number; end: number } {
  let start = quote.start;
  let end = quote.end;
  while (end > start && /[\s,.;:…-]/u.test(text[end - 1])) end -= 1;
  while (start < end && /[\s…]/u.test(text[start])) start += 1;
  return { start, end };
}

/**
 * A quotation embedded in a sentence that says more in the reporter's words: "The mission's
 * objectives would be to secure safe skies …, and "…," Healey said" gives the part before the
 * quotation as a paraphrase of the same speaker, when it has at least six words of its own.
 */
function paraphraseAround(
  context: ArticleContext,
  sentence: Sentence,
  quote: Quotation,
  speaker: string,
): StatementDraft | null {
  const start = sentence.start;
  let end = quote.outerStart;
  const raw = context.text.slice(start, end);
  const trimmed = raw.replace(/[\s,;:]*(?:and|or|but|to)?\s*$/u, '');
  end = start + trimmed.length;
  if (wordsOf(trimmed).length < 6) return null;
  if (actorsIn(context, start, end).some((mention) => mention.key === speaker)) return null;
  if (VERB_ANYWHERE.test(trimmed)) return null;
  return {
    kind: 'PARAPHRASE',
    text: trimmed,
    speaker,
    evidence: { start: sentence.start, end: sentence.end },
    words: { start, end },
    sentence,
    confidence: 0.7,
    how: 'the reporter’s words around the quotation',
  };
}

/** "X said (that) …", "X has said in the past that …", "…, X said." */
/** Someone unnamed who speaks for a nation: "a Japanese diplomat", "Russia's delegation". */
const UNNAMED_SPOKESPERSON =
  /^(?:['’]s)?\s+(?:(?:senior|top|chief|visiting|lead)\s+)?(?:diplomat|diplomats|official|officials|negotiator|negotiators|envoy|spokesman|spokeswoman|spokesperson|delegation|delegate|source|sources|government|ministry|foreign ministry|defence ministry|defense ministry|embassy|mission)\s+(?:also\s+|has\s+|had\s+|have\s+)*$/iu;
/** What may stand between a named speaker and the verb: an aside, "also", an auxiliary. */
const SPEAKER_GAP = /^[\s,]*(?:(?:also|has|had|have|later|again|then|on \p{Lu}\p{L}+)\s+)*$/u;
const PARTICIPLE_VERB = /^(?:saying|adding|noting|warning|arguing|insisting|stressing|explaining|telling)$/iu;

/** "X said (that) …", "X has said in the past that …", "…, X said.", "…, saying …", "a Saudi negotiator said …". */
function paraphraseOf(
  context: ArticleContext,
  sentence: Sentence,
  quotes: Quotation[],
): StatementDraft | null {
  const { text } = context;
  const verbs = new RegExp(
    `(?<![\\p{L}])(?:${REPORTING}|saying|adding|noting|arguing|insisting|explaining)(?![\\p{L}])`,
    'giu',
  );
  for (const match of sentence.text.matchAll(verbs)) {
    const verbStart = sentence.start + (match.index ?? 0);
    const verbEnd = verbStart + match[0].length;
    if (quotes.some((quote) => quote.outerStart <= verbStart && verbEnd <= quote.outerEnd)) continue;
    if (/^according/i.test(match[0])) continue;
    const head = withoutAsides(text.slice(sentence.start, verbStart));
    const visible = (mention: Mention) =>
      head.slice(mention.start - sentence.start, mention.end - sentence.start).trim().length > 0;
    const subject = actorsIn(context, sentence.start, verbStart)
      .filter((mention) => visible(mention))
      .at(-1);
    const gap = subject ? head.slice(subject.end - sentence.start) : '';
    let speaker: Mention | undefined;
    let speakerAt = subject?.start ?? verbStart;
    let confidence = 0.8;
    if (subject && SPEAKER_GAP.test(gap)) speaker = subject;
    else if (subject && subject.kind === 'NATION' && UNNAMED_SPOKESPERSON.test(gap)) {
      speaker = subject;
      confidence = 0.6;
    }
    const pronoun = /(?<![\p{L}])(he|she)\s+(?:also\s+|has\s+|had\s+)*$/iu.exec(head);
    if (!speaker && pronoun) {
      speaker = lastActorBefore(context, verbStart, 'OFFICIAL');
      speakerAt = sentence.start + pronoun.index;
      confidence = 0.65;
    }
    if (
      !speaker &&
      (PARTICIPLE_VERB.test(match[0])
        ? /,\s*$/u.test(head)
        : /(?<![\p{L}])(?:and|but)\s+(?:also\s+)?$/iu.test(head))
    ) {
      // "… was hesitant, saying …", "… welcomed the proposal and warned that …": the sentence's subject.
      const keys = sentenceSubjects(context, sentence);
      const first =
        keys.length > 0
          ? actorsIn(context, sentence.start, sentence.end).find((mention) => mention.key === keys[0])
          : undefined;
      if (first) {
        speaker = first;
        confidence = 0.65;
      }
    }
    if (!speaker) continue;
    const rest = text.slice(verbEnd, sentence.end);
    let content: { start: number; end: number };
    if (
      /^\s*(?:on \p{Lu}\p{L}+|in a statement|in an interview|yesterday|today|late on \p{Lu}\p{L}+)?\s*[.!?]?\s*$/u.test(
        rest,
      ) &&
      speakerAt > sentence.start
    ) {
      // "…, X said." : the content comes first ("Hungary opposed the plan, Prime Minister Viktor
      // Orbán said": the speaker's title is not content).
      const before = text
        .slice(sentence.start, speakerAt)
        .replace(/[,\s]+(?:(?:the|a)\s+)?(?:[\p{Lu}][\p{L}'’-]*\s+){0,5}$/u, '')
        .replace(/[\s,]+$/u, '');
      content = { start: sentence.start, end: sentence.start + before.length };
    } else {
      // "X has said in the past that such a guarantee is vital …" / "X told reporters that …".
      const that = /^(?:\s+(?:\p{Ll}+|\p{Lu}\p{L}+)){0,6}?\s+that\s+/u.exec(rest);
      const from = verbEnd + (that ? that[0].length : rest.length - rest.trimStart().length);
      let to = sentence.end;
      while (to > from && /[\s.!?]/u.test(text[to - 1])) to -= 1;
      content = { start: from, end: to };
    }
    const words = text.slice(content.start, content.end);
    // What the quotation marks hold is a quote; a paraphrase needs five words of the reporter's own.
    const own = quotes
      .filter((quote) => quote.outerStart < content.end && content.start < quote.outerEnd)
      .reduce((rest, quote) => rest.replace(text.slice(quote.outerStart, quote.outerEnd), ' '), words);
    if (wordsOf(own).length < 5) continue;
    return {
      kind: 'PARAPHRASE',
      text: words.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase()),
      speaker: speaker.key,
      evidence: { start: sentence.start, end: sentence.end },
      words: content,
      sentence,
      confidence,
      how: `reported speech ("${match[0]}")`,
    };
  }
  return null;
}

/** At most `length` characters (code points, so an emoji is never cut in half), with an ellipsis. */
export function shorten(text: string, length = 60): string {
  const characters = Array.from(text);
  return characters.length <= length ? text : `${characters.slice(0, length - 1).join('')}…`;
}
