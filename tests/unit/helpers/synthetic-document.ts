/**
 * A small, valid import document for validator tests. SYNTHETIC: the source text, names and ids
 * are made up for these tests and describe no real event. Each call returns a fresh copy to break.
 */
import { FORMAT } from '../../../src/ingest/document.format';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const SYNTHETIC_TEXT =
  'EXAMPLE CITY, 10 April 2025. Minister Jane Example of Examplia met partners at the Example Alliance talks. ' +
  'Jane Example said: "We will keep supporting the example fund." Examplia supports the example fund.';

export function syntheticDocument(): Json {
  return {
    format: FORMAT,
    source: {
      id: 'source:example-news-2025-04-11',
      title: 'Synthetic report',
      publisher: 'Example News',
      publishedAt: '2025-04-11',
      url: 'https://example.org/report',
      text: SYNTHETIC_TEXT,
    },
    nations: [
      {
        id: 'nation:xyz',
        name: 'Examplia',
        iso3: 'XYZ',
        evidence: [{ excerpt: 'Jane Example of Examplia' }],
      },
    ],
    officials: [
      {
        id: 'official:jane-example',
        name: 'Jane Example',
        nation: 'nation:xyz',
        roles: [
          {
            id: 'role:jane-example-minister',
            title: 'Minister',
            nation: 'nation:xyz',
            evidence: [{ excerpt: 'Minister Jane Example' }],
          },
        ],
        evidence: [{ excerpt: 'Minister Jane Example' }],
      },
    ],
    organizations: [
      {
        id: 'organization:example-alliance',
        name: 'Example Alliance',
        kind: 'ALLIANCE',
        evidence: [{ excerpt: 'the Example Alliance talks' }],
      },
    ],
    places: [],
    topics: [
      { id: 'topic:example-fund', name: 'Example fund', broader: 'topic:finance' },
      { id: 'topic:finance', name: 'Finance' },
    ],
    meetings: [
      {
        id: 'meeting:2025-04-10-example-alliance-talks',
        title: 'Example Alliance talks',
        date: '2025-04-10',
        status: 'HELD',
        place: 'place:example-city',
        convenedBy: ['organization:example-alliance'],
        participants: ['official:jane-example'],
        evidence: [{ excerpt: 'met partners at the Example Alliance talks' }],
      },
    ],
    statements: [
      {
        id: 'statement:jane-example-2025-04-10',
        kind: 'QUOTE',
        text: 'We will keep supporting the example fund.',
        speaker: 'official:jane-example',
        meeting: 'meeting:2025-04-10-example-alliance-talks',
        topics: ['topic:example-fund'],
        evidence: [{ excerpt: 'Jane Example said' }],
      },
    ],
    positions: [
      {
        id: 'position:xyz-supports-example-fund',
        stance: 'SUPPORTS',
        holder: 'nation:xyz',
        topic: 'topic:example-fund',
        summary: 'Examplia supports the example fund.',
        statements: ['statement:jane-example-2025-04-10'],
        evidence: [{ excerpt: 'Examplia supports the example fund.' }],
      },
    ],
  };
}
