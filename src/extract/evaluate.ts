/**
 * Scores a draft against the gold annotation of the same article, per fact type: true and false
 * positives, misses, precision and recall, and for every miss and false positive a line on why
 * (the nearest thing the draft or the gold holds). Pure: no files, no graph. Each gold item matches
 * at most one draft item and the other way round, the best-scoring pairs first (greedy). The rules
 * are in docs/extraction.md; the text thresholds live in eval-text.ts.
 */
import type { Document } from '../ingest/document.format';
import type { Draft, KnownEntity } from './draft.types';
import {
  draftActor,
  foldName,
  goldActor,
  namesOfId,
  nationCodeOf,
  sameActor,
  type Actor,
} from './eval-actors';
import { coverage, PARAPHRASE_COVERAGE, QUOTE_OVERLAP, textOverlap, topicsMatch } from './eval-text';
import type { Gold, GoldMeetingItem } from './gold.format';

export const FACT_ROWS = [
  'nations',
  'officials',
  'organizations',
  'meetingsDate',
  'meetings',
  'quotesText',
  'quotes',
  'paraphrases',
  'positionsHolderStance',
  'positions',
] as const;
export type FactRow = (typeof FACT_ROWS)[number];

export const ROW_LABELS: Record<FactRow, string> = {
  nations: 'nations mentioned (ISO3)',
  officials: 'officials',
  organizations: 'organizations',
  meetingsDate: 'meetings, right date',
  meetings: 'meetings, right date and status',
  quotesText: 'quotes, right text (any speaker)',
  quotes: 'quotes with the right speaker',
  paraphrases: 'paraphrases with the right speaker',
  positionsHolderStance: 'positions, right holder and stance',
  positions: 'positions, right holder, stance and topic',
};

/** One miss or false positive, and why it didn't match. */
export interface Finding {
  item: string;
  why: string;
}

export interface RowScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** TP / (TP + FP); with nothing drafted, 1 if the gold is empty too, else 0 (an empty draft earns nothing). */
  precision: number;
  /** TP / (TP + FN); 1 when the gold holds nothing to find. */
  recall: number;
  f1: number;
  missed: Finding[];
  spurious: Finding[];
}

export type Scores = Record<FactRow, RowScore>;

export function rowScore(
  truePositives: number,
  falsePositives: number,
  falseNegatives: number,
  missed: Finding[] = [],
  spurious: Finding[] = [],
): RowScore {
  const drafted = truePositives + falsePositives;
  const expected = truePositives + falseNegatives;
  const precision = drafted > 0 ? truePositives / drafted : expected === 0 ? 1 : 0;
  const recall = expected > 0 ? truePositives / expected : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1, missed, spurious };
}

/** Sums the counts of several articles' scores (micro-average) and gathers their findings. */
export function poolScores(all: readonly Scores[]): Scores {
  const pooled = {} as Scores;
  for (const row of FACT_ROWS) {
    const rows = all.map((scores) => scores[row]);
    const sum = (pick: (score: RowScore) => number) => rows.reduce((total, score) => total + pick(score), 0);
    pooled[row] = rowScore(
      sum((s) => s.truePositives),
      sum((s) => s.falsePositives),
      sum((s) => s.falseNegatives),
      rows.flatMap((s) => s.missed),
      rows.flatMap((s) => s.spurious),
    );
  }
  return pooled;
}

/**
 * Pairs gold and draft items one to one: every candidate pair `score` accepts (a number, higher is
 * better; null rejects) is taken best first, each item at most once.
 */
export function matchGreedy<G, D>(
  gold: readonly G[],
  draft: readonly D[],
  score: (gold: G, draft: D) => number | null,
): { pairs: [number, number][]; unmatchedGold: number[]; unmatchedDraft: number[] } {
  const candidates: { g: number; d: number; score: number }[] = [];
  gold.forEach((goldItem, g) =>
    draft.forEach((draftItem, d) => {
      const value = score(goldItem, draftItem);
      if (value !== null) candidates.push({ g, d, score: value });
    }),
  );
  candidates.sort((a, b) => b.score - a.score || a.g - b.g || a.d - b.d);
  const usedGold = new Set<number>();
  const usedDraft = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { g, d } of candidates) {
    if (usedGold.has(g) || usedDraft.has(d)) continue;
    usedGold.add(g);
    usedDraft.add(d);
    pairs.push([g, d]);
  }
  return {
    pairs,
    unmatchedGold: gold.map((_, g) => g).filter((g) => !usedGold.has(g)),
    unmatchedDraft: draft.map((_, d) => d).filter((d) => !usedDraft.has(d)),
  };
}

/** Scores one row: the matching, then a finding for every item left over. */
function scoreRow<G, D>(
  gold: readonly G[],
  draft: readonly D[],
  score: (gold: G, draft: D) => number | null,
  explainMiss: (gold: G) => Finding,
  explainSpurious: (draft: D) => Finding,
): RowScore {
  const { pairs, unmatchedGold, unmatchedDraft } = matchGreedy(gold, draft, score);
  return rowScore(
    pairs.length,
    unmatchedDraft.length,
    unmatchedGold.length,
    unmatchedGold.map((g) => explainMiss(gold[g])),
    unmatchedDraft.map((d) => explainSpurious(draft[d])),
  );
}

/** One line of at most `max` characters, for a report. */
function clip(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
const twoDecimals = (value: number) => value.toFixed(2);

interface DraftMeeting {
  date: string;
  status: string;
  title: string;
}
interface DraftQuote {
  speaker: Actor;
  text: string;
}
interface DraftParaphrase {
  speaker: Actor;
  excerpts: string[];
}
interface DraftPosition {
  holder: Actor;
  stance: string;
  topic: string;
  topicNames: string[];
}
interface GoldQuoteItem {
  speaker: Actor;
  text: string;
}
interface GoldParaphraseItem {
  speaker: Actor;
  excerpt: string;
}
interface GoldPositionItem {
  holder: Actor;
  stance: string;
  topic: string;
  topicNames: string[];
}

/** The draft's entities of a kind: the document's records, plus matched graph entities it only names. */
function draftEntities(
  draft: Draft,
  prefix: 'official' | 'organization',
  known: readonly KnownEntity[],
): Actor[] {
  const records: { id: string }[] =
    prefix === 'official' ? draft.document.officials : draft.document.organizations;
  const ids = new Set(records.map((record) => record.id));
  for (const entity of draft.entities) if (entity.id.startsWith(`${prefix}:`)) ids.add(entity.id);
  return [...ids].map((id) => draftActor(id, draft.document, known));
}

function draftNations(draft: Draft): Set<string> {
  const codes = new Set(draft.document.nations.map((nation) => nation.iso3));
  for (const entity of draft.entities)
    if (entity.id.startsWith('nation:')) codes.add(entity.id.slice('nation:'.length).toUpperCase());
  return codes;
}

const inDateRange = (gold: GoldMeetingItem, date: string) =>
  date >= gold.date && date <= (gold.dateLatest ?? gold.date);
const goldMeetingLabel = (m: GoldMeetingItem) =>
  `${m.date}${m.dateLatest ? `..${m.dateLatest}` : ''} ${m.status}: ${clip(m.excerpt, 70)}`;
const quoteLabel = (q: { speaker: Actor; text: string }) => `${q.speaker.label}: "${clip(q.text, 70)}"`;
const positionLabel = (p: { holder: Actor; stance: string; topic: string }) =>
  `${p.holder.label} ${p.stance} ${p.topic}`;

function meetingsRows(gold: Gold, document: Document): Pick<Scores, 'meetingsDate' | 'meetings'> {
  const drafted: DraftMeeting[] = document.meetings.map((m) => ({
    date: m.date,
    status: m.status,
    title: m.title,
  }));
  const explainMiss = (m: GoldMeetingItem): Finding => {
    const sameDate = drafted.find((d) => inDateRange(m, d.date));
    const sameStatus = drafted.filter((d) => d.status === m.status).map((d) => d.date);
    return {
      item: goldMeetingLabel(m),
      why: sameDate
        ? `drafted on that date as ${sameDate.status} ("${sameDate.title}")`
        : sameStatus.length > 0
          ? `no drafted meeting on that date; ${m.status} ones are on ${sameStatus.join(', ')}`
          : 'not drafted',
    };
  };
  const explainSpurious = (d: DraftMeeting): Finding => {
    const sameDate = gold.meetings.find((m) => inDateRange(m, d.date));
    return {
      item: `${d.date} ${d.status}: ${d.title}`,
      why: sameDate ? `the gold meeting on that date is ${sameDate.status}` : 'no gold meeting on that date',
    };
  };
  return {
    meetingsDate: scoreRow(
      gold.meetings,
      drafted,
      (m, d) => (inDateRange(m, d.date) ? (m.status === d.status ? 1 : 0) : null),
      (m) => ({ ...explainMiss(m), why: 'no drafted meeting on that date' }),
      (d) => ({ item: `${d.date} ${d.status}: ${d.title}`, why: 'no gold meeting on that date' }),
    ),
    meetings: scoreRow(
      gold.meetings,
      drafted,
      (m, d) => (inDateRange(m, d.date) && m.status === d.status ? 1 : null),
      explainMiss,
      explainSpurious,
    ),
  };
}

function quoteRows(
  gold: Gold,
  document: Document,
  known: readonly KnownEntity[],
): Pick<Scores, 'quotesText' | 'quotes'> {
  const goldQuotes: GoldQuoteItem[] = gold.quotes.map((q) => ({
    speaker: goldActor(q.speaker, gold),
    text: q.text,
  }));
  const drafted: DraftQuote[] = document.statements
    .filter((s) => s.kind === 'QUOTE')
    .map((s) => ({ speaker: draftActor(s.speaker, document, known), text: s.text }));
  const bestOverlap = (text: string, among: readonly { text: string }[]) =>
    among.reduce((best, each) => Math.max(best, textOverlap(text, each.text)), 0);
  const explainMiss = (q: GoldQuoteItem): Finding => {
    const sameText = drafted.find((d) => textOverlap(q.text, d.text) >= QUOTE_OVERLAP);
    const bySpeaker = drafted.filter((d) => sameActor(q.speaker, d.speaker));
    return {
      item: quoteLabel(q),
      why: sameText
        ? `drafted, but attributed to ${sameText.speaker.label}`
        : bySpeaker.length > 0
          ? `the closest quote drafted for ${q.speaker.label} shares ${twoDecimals(bestOverlap(q.text, bySpeaker))} of the words`
          : `no quote drafted for ${q.speaker.label}; closest text shares ${twoDecimals(bestOverlap(q.text, drafted))}`,
    };
  };
  const explainSpurious = (d: DraftQuote): Finding => {
    const sameText = goldQuotes.find((q) => textOverlap(q.text, d.text) >= QUOTE_OVERLAP);
    return {
      item: quoteLabel(d),
      why: sameText
        ? `the gold attributes it to ${sameText.speaker.label}`
        : `no such quote in the gold; the closest shares ${twoDecimals(bestOverlap(d.text, goldQuotes))} of the words`,
    };
  };
  const overlapOf = (q: GoldQuoteItem, d: DraftQuote) => {
    const overlap = textOverlap(q.text, d.text);
    return overlap >= QUOTE_OVERLAP ? overlap : null;
  };
  return {
    quotesText: scoreRow(goldQuotes, drafted, overlapOf, explainMiss, explainSpurious),
    quotes: scoreRow(
      goldQuotes,
      drafted,
      (q, d) => (sameActor(q.speaker, d.speaker) ? overlapOf(q, d) : null),
      explainMiss,
      explainSpurious,
    ),
  };
}

function paraphraseRow(gold: Gold, document: Document, known: readonly KnownEntity[]): RowScore {
  const goldItems: GoldParaphraseItem[] = gold.paraphrases.map((p) => ({
    speaker: goldActor(p.speaker, gold),
    excerpt: p.excerpt,
  }));
  const drafted: DraftParaphrase[] = document.statements
    .filter((s) => s.kind === 'PARAPHRASE')
    .map((s) => ({
      speaker: draftActor(s.speaker, document, known),
      excerpts: s.evidence.map((e) => e.excerpt),
    }));
  const covered = (p: GoldParaphraseItem, d: DraftParaphrase) =>
    d.excerpts.reduce((best, excerpt) => Math.max(best, coverage(p.excerpt, excerpt)), 0);
  return scoreRow(
    goldItems,
    drafted,
    (p, d) => {
      const value = covered(p, d);
      return sameActor(p.speaker, d.speaker) && value >= PARAPHRASE_COVERAGE ? value : null;
    },
    (p) => {
      const sameExcerpt = drafted.find((d) => covered(p, d) >= PARAPHRASE_COVERAGE);
      const bySpeaker = drafted.filter((d) => sameActor(p.speaker, d.speaker));
      return {
        item: `${p.speaker.label}: ${clip(p.excerpt)}`,
        why: sameExcerpt
          ? `drafted from this text, but attributed to ${sameExcerpt.speaker.label}`
          : bySpeaker.length > 0
            ? `paraphrases drafted for ${p.speaker.label} cover at most ${twoDecimals(Math.max(...bySpeaker.map((d) => covered(p, d))))} of it`
            : `no paraphrase drafted for ${p.speaker.label}`,
      };
    },
    (d) => {
      const sameExcerpt = goldItems.find((p) => covered(p, d) >= PARAPHRASE_COVERAGE);
      return {
        item: `${d.speaker.label}: ${clip(d.excerpts[0] ?? '')}`,
        why: sameExcerpt
          ? `the gold attributes this text to ${sameExcerpt.speaker.label}`
          : 'no gold paraphrase in this text',
      };
    },
  );
}

function positionRows(
  gold: Gold,
  document: Document,
  known: readonly KnownEntity[],
): Pick<Scores, 'positionsHolderStance' | 'positions'> {
  const goldItems: GoldPositionItem[] = gold.positions.map((p) => ({
    holder: goldActor(p.holder, gold),
    stance: p.stance,
    topic: p.topic,
    topicNames: [p.topic, ...p.topicAliases],
  }));
  const drafted: DraftPosition[] = document.positions.map((p) => {
    const topicNames = namesOfId(p.topic, document, known);
    return {
      holder: draftActor(p.holder, document, known),
      stance: p.stance,
      topic: topicNames[0],
      topicNames,
    };
  });
  const topicOk = (p: GoldPositionItem, d: DraftPosition) => topicsMatch(p.topicNames, d.topicNames);
  const explainMiss = (p: GoldPositionItem): Finding => {
    const byHolder = drafted.filter((d) => sameActor(p.holder, d.holder));
    const sameStance = byHolder.filter((d) => d.stance === p.stance);
    const otherHolder = drafted.find((d) => d.stance === p.stance && topicOk(p, d));
    return {
      item: positionLabel(p),
      why:
        sameStance.length > 0
          ? `${p.holder.label} ${p.stance} drafted for other topics: ${sameStance.map((d) => d.topic).join('; ')}`
          : byHolder.length > 0
            ? `drafted for ${p.holder.label} only as ${[...new Set(byHolder.map((d) => d.stance))].join(', ')}`
            : otherHolder
              ? `drafted with holder ${otherHolder.holder.label}`
              : `no position drafted for ${p.holder.label}`,
    };
  };
  const explainSpurious = (d: DraftPosition): Finding => {
    const byHolder = goldItems.filter((p) => sameActor(p.holder, d.holder));
    return {
      item: positionLabel(d),
      why:
        byHolder.length > 0
          ? `the gold holds for ${d.holder.label}: ${byHolder.map((p) => `${p.stance} ${p.topic}`).join('; ')}`
          : `no gold position held by ${d.holder.label}`,
    };
  };
  return {
    // Topic breaks ties, so both rows pair the same items when they can.
    positionsHolderStance: scoreRow(
      goldItems,
      drafted,
      (p, d) => (sameActor(p.holder, d.holder) && p.stance === d.stance ? (topicOk(p, d) ? 1 : 0) : null),
      explainMiss,
      explainSpurious,
    ),
    positions: scoreRow(
      goldItems,
      drafted,
      (p, d) => (sameActor(p.holder, d.holder) && p.stance === d.stance && topicOk(p, d) ? 1 : null),
      explainMiss,
      explainSpurious,
    ),
  };
}

function entityRows(
  draft: Draft,
  gold: Gold,
  known: readonly KnownEntity[],
): Pick<Scores, 'nations' | 'officials' | 'organizations'> {
  const drafted = draftNations(draft);
  const expected = new Set(gold.nations);
  const nations = rowScore(
    [...expected].filter((code) => drafted.has(code)).length,
    [...drafted].filter((code) => !expected.has(code)).length,
    [...expected].filter((code) => !drafted.has(code)).length,
    [...expected].filter((code) => !drafted.has(code)).map((code) => ({ item: code, why: 'not drafted' })),
    [...drafted]
      .filter((code) => !expected.has(code))
      .map((code) => ({ item: code, why: 'the gold says the article does not mention it' })),
  );
  const goldOfficials = gold.officials.map((o) => goldActor(o.name, gold));
  const goldOrganizations = gold.organizations.map((o) => goldActor(o.name, gold));
  const entityRow = (goldActors: Actor[], draftActors: Actor[], kind: string) =>
    scoreRow(
      goldActors,
      draftActors,
      (g, d) => (sameActor(g, d) ? 1 : null),
      (g) => ({ item: g.label, why: `no drafted ${kind} by this name or an alias` }),
      (d) => ({
        item: d.label,
        why: nationCodeOf(d.label)
          ? `a nation's name, drafted as ${kind}`
          : `not ${kind === 'official' ? 'an official' : 'an organization'} in the gold`,
      }),
    );
  return {
    nations,
    officials: entityRow(goldOfficials, draftEntities(draft, 'official', known), 'official'),
    organizations: entityRow(goldOrganizations, draftEntities(draft, 'organization', known), 'organization'),
  };
}

/**
 * Scores `draft` against `gold`. `known` names the graph entities a draft refers to without defining
 * them (EXISTING matches); evaluation drafts with no graph pass nothing.
 */
export function evaluate(draft: Draft, gold: Gold, known: readonly KnownEntity[] = []): Scores {
  const { document } = draft;
  return {
    ...entityRows(draft, gold, known),
    ...meetingsRows(gold, document),
    ...quoteRows(gold, document, known),
    paraphrases: paraphraseRow(gold, document, known),
    ...positionRows(gold, document, known),
  };
}

/** Gold names that resolve to nothing (a typo in an annotation): speakers and holders, folded. */
export function unresolvedGoldActors(gold: Gold): string[] {
  const names = [
    ...gold.quotes.map((q) => q.speaker),
    ...gold.paraphrases.map((p) => p.speaker),
    ...gold.positions.map((p) => p.holder),
  ];
  return [...new Set(names.filter((name) => !goldActor(name, gold).resolved).map(foldName))];
}
