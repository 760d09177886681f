/**
 * A small draft as the extractor would propose it, for review tests. SYNTHETIC: the article, names
 * and ids are made up and describe no real event. Each call returns a fresh copy; offsets are
 * computed from the text, so editing the text can't leave a span pointing at the wrong words.
 */
import { FORMAT } from '../../../src/ingest/document.format';
import type { Draft, DraftFact } from '../../../src/extract/draft.types';

export const DRAFT_TEXT =
  'WESTPORT, 11 May 2025. Foreign ministers of the Northern Council met in Westport on Thursday. ' +
  'Minister Ada Norland of Nordia said: "We stand ready to fund the bridge." ' +
  'Nordia supports the bridge fund. ' +
  'Minister Bo Sudvik of Sudland stressed the need for an audit of the fund. ' +
  'The council will meet again on 20 May.';

/** A fact's span, found in the text (the first occurrence). */
function span(excerpt: string): Pick<DraftFact, 'excerpt' | 'start' | 'end'> {
  const start = DRAFT_TEXT.indexOf(excerpt);
  if (start < 0) throw new Error(`synthetic draft: "${excerpt}" is not in the text`);
  return { excerpt, start, end: start + excerpt.length };
}

export const MEETING_HELD = 'meeting:2025-05-08-northern-council-ministers';
export const MEETING_NEXT = 'meeting:2025-05-20-northern-council-ministers';
export const STATEMENT = 'statement:ada-norland-fund-the-bridge';
export const POSITION_NORDIA = 'position:nordia-supports-bridge-fund';
export const POSITION_SUDVIK = 'position:bo-sudvik-stresses-fund-audit';
/** An existing official the graph holds, offered as a candidate for the ambiguous Bo Sudvik. */
export const SUDVIK_CANDIDATE = 'official:bo-sudvik-senior';

export function syntheticDraft(): Draft {
  const meetingHeld = 'Foreign ministers of the Northern Council met in Westport on Thursday.';
  const meetingNext = 'The council will meet again on 20 May.';
  const quote = 'Minister Ada Norland of Nordia said: "We stand ready to fund the bridge."';
  const supports = 'Nordia supports the bridge fund.';
  const stresses = 'Minister Bo Sudvik of Sudland stressed the need for an audit of the fund.';
  return {
    document: {
      format: FORMAT,
      source: {
        id: 'source:2025-05-11-westport-courier-northern-council',
        title: 'Northern Council ministers meet',
        publisher: 'Westport Courier',
        publishedAt: '2025-05-11',
        text: DRAFT_TEXT,
      },
      nations: [
        {
          id: 'nation:nrd',
          name: 'Nordia',
          aliases: [],
          iso3: 'NRD',
          evidence: [{ excerpt: 'Ada Norland of Nordia' }],
        },
        {
          id: 'nation:sdl',
          name: 'Sudland',
          aliases: [],
          iso3: 'SDL',
          evidence: [{ excerpt: 'Bo Sudvik of Sudland' }],
        },
      ],
      officials: [
        {
          id: 'official:ada-norland',
          name: 'Ada Norland',
          aliases: [],
          nation: 'nation:nrd',
          roles: [],
          evidence: [{ excerpt: 'Minister Ada Norland' }],
        },
        {
          id: 'official:bo-sudvik',
          name: 'Bo Sudvik',
          aliases: [],
          nation: 'nation:sdl',
          roles: [],
          evidence: [{ excerpt: 'Minister Bo Sudvik' }],
        },
      ],
      organizations: [
        {
          id: 'organization:northern-council',
          name: 'Northern Council',
          aliases: [],
          kind: 'OTHER',
          members: [],
          leaders: [],
          evidence: [{ excerpt: 'the Northern Council' }],
        },
      ],
      places: [],
      topics: [
        { id: 'topic:bridge-fund', name: 'Bridge fund', aliases: [], evidence: [] },
        { id: 'topic:fund-audit', name: 'Fund audit', aliases: [], evidence: [] },
      ],
      meetings: [
        {
          id: MEETING_HELD,
          title: 'Northern Council foreign ministers',
          date: '2025-05-08',
          dateText: 'on Thursday',
          dateResolution: {
            text: 'on Thursday',
            anchor: '2025-05-11',
            rule: 'the last Thursday before the publication date (Sunday, May 11, 2025)',
          },
          status: 'HELD',
          convenedBy: ['organization:northern-council'],
          chairs: [],
          participants: ['official:ada-norland', 'official:bo-sudvik'],
          topics: [],
          figures: [],
          evidence: [{ excerpt: meetingHeld }],
        },
        {
          id: MEETING_NEXT,
          title: 'Northern Council foreign ministers',
          date: '2025-05-20',
          status: 'SCHEDULED',
          convenedBy: ['organization:northern-council'],
          chairs: [],
          participants: [],
          topics: [],
          figures: [],
          evidence: [{ excerpt: meetingNext }],
        },
      ],
      statements: [
        {
          id: STATEMENT,
          kind: 'QUOTE',
          text: 'We stand ready to fund the bridge.',
          speaker: 'official:ada-norland',
          date: '2025-05-08',
          meeting: MEETING_HELD,
          topics: ['topic:bridge-fund'],
          evidence: [{ excerpt: quote }],
        },
      ],
      positions: [
        {
          id: POSITION_NORDIA,
          stance: 'SUPPORTS',
          holder: 'nation:nrd',
          topic: 'topic:bridge-fund',
          summary: 'Nordia SUPPORTS Bridge fund',
          statements: [STATEMENT],
          evidence: [{ excerpt: supports }],
        },
        {
          id: POSITION_SUDVIK,
          stance: 'STRESSES',
          holder: 'official:bo-sudvik',
          topic: 'topic:fund-audit',
          summary: 'Bo Sudvik STRESSES Fund audit',
          date: '2025-05-11',
          statements: [],
          evidence: [{ excerpt: stresses }],
        },
      ],
    },
    entities: [
      entity('nation:nrd', 'NATION', 'Nordia'),
      entity('nation:sdl', 'NATION', 'Sudland'),
      entity('official:ada-norland', 'OFFICIAL', 'Ada Norland'),
      {
        ...entity('official:bo-sudvik', 'OFFICIAL', 'Bo Sudvik'),
        decision: 'AMBIGUOUS',
        reason: 'two officials named Bo Sudvik in the graph',
        candidates: [SUDVIK_CANDIDATE, 'official:bo-sudvik-junior'],
      },
      entity('organization:northern-council', 'ORGANIZATION', 'Northern Council'),
      entity('topic:bridge-fund', 'TOPIC', 'Bridge fund', 'bridge fund'),
      entity('topic:fund-audit', 'TOPIC', 'Fund audit', 'audit of the fund'),
    ],
    facts: [
      {
        id: MEETING_HELD,
        kind: 'MEETING',
        summary: 'Northern Council foreign ministers, 2025-05-08',
        ...span(meetingHeld),
        confidence: 0.8,
        date: '2025-05-08',
        status: 'HELD',
        text: 'Northern Council foreign ministers',
      },
      {
        id: MEETING_NEXT,
        kind: 'MEETING',
        summary: 'Northern Council foreign ministers, 2025-05-20',
        ...span(meetingNext),
        confidence: 0.6,
        date: '2025-05-20',
        status: 'SCHEDULED',
        text: 'Northern Council foreign ministers',
      },
      {
        id: STATEMENT,
        kind: 'STATEMENT',
        summary: 'Ada Norland: "We stand ready to fund the bridge."',
        ...span(quote),
        confidence: 0.9,
        actor: 'official:ada-norland',
        date: '2025-05-08',
        statementKind: 'QUOTE',
        text: 'We stand ready to fund the bridge.',
      },
      {
        id: POSITION_NORDIA,
        kind: 'POSITION',
        summary: 'Nordia SUPPORTS Bridge fund',
        ...span(supports),
        confidence: 0.7,
        actor: 'nation:nrd',
        stance: 'SUPPORTS',
        topic: 'topic:bridge-fund',
      },
      {
        id: POSITION_SUDVIK,
        kind: 'POSITION',
        summary: 'Bo Sudvik STRESSES Fund audit',
        ...span(stresses),
        confidence: 0.7,
        actor: 'official:bo-sudvik',
        stance: 'STRESSES',
        topic: 'topic:fund-audit',
        date: '2025-05-11',
      },
    ],
    warnings: ['"The council" at 212 could be the Northern Council; read as its meeting'],
  };
}

function entity(id: string, kind: Draft['entities'][number]['kind'], name: string, mention = name) {
  return {
    id,
    kind,
    name,
    decision: 'NEW' as const,
    reason: 'no match in the graph',
    candidates: [],
    mentions: [span(mention)].map(({ excerpt, start, end }) => ({ start, end, text: excerpt })),
  };
}
