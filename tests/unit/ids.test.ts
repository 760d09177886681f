/**
 * Id rules: every entity id is `<type>:<slug>`, the type prefix names the label (graph/model.ts),
 * and the import format (ingest/document.format.ts) enforces the same prefixes plus the special
 * shapes: a nation's id is its ISO code, a meeting's id starts with its date.
 */
import type { z } from 'zod';
import { ENTITY_LABELS, ID_PREFIX, labelForId, type EntityLabel } from '../../src/graph/model';
import {
  ActorId,
  MeetingId,
  NationId,
  OfficialId,
  OrganizationId,
  PlaceId,
  PositionId,
  RoleId,
  SourceId,
  StatementId,
  TopicId,
} from '../../src/ingest/document.format';

/** The import format's id rule for each label: declared twice, so kept in step by this test. */
const FORMAT_ID: Record<EntityLabel, z.ZodType<string>> = {
  Nation: NationId,
  Official: OfficialId,
  Organization: OrganizationId,
  Role: RoleId,
  Place: PlaceId,
  Topic: TopicId,
  Meeting: MeetingId,
  Statement: StatementId,
  Position: PositionId,
  Source: SourceId,
};

const EXAMPLE_ID: Record<EntityLabel, string> = {
  Nation: 'nation:xyz',
  Official: 'official:jane-example',
  Organization: 'organization:example-alliance',
  Role: 'role:jane-example-minister',
  Place: 'place:example-city',
  Topic: 'topic:example-topic',
  Meeting: 'meeting:2025-04-10-example-talks',
  Statement: 'statement:jane-example-2025-04-10',
  Position: 'position:xyz-supports-example',
  Source: 'source:example-news-2025-04-11',
};

describe('labelForId', () => {
  it.each(ENTITY_LABELS)('finds %s from the prefix the import format accepts', (label) => {
    const id = EXAMPLE_ID[label];
    expect(FORMAT_ID[label].safeParse(id).success).toBe(true);
    expect(id.startsWith(`${ID_PREFIX[label]}:`)).toBe(true);
    expect(labelForId(id)).toBe(label);
  });

  it.each(['evidence:1', 'retraction:r1', 'Nation:xyz', ':xyz', '', 'unknown:thing'])(
    'knows no label for %p',
    (id) => {
      expect(labelForId(id)).toBeUndefined();
    },
  );

  it('knows no label for an id without a colon', () => {
    expect(labelForId('nations')).toBeUndefined();
  });
});

describe('id rules of the import format', () => {
  const refusal = (schema: z.ZodType<string>, id: string) => {
    const result = schema.safeParse(id);
    return result.success ? undefined : result.error.issues[0].message;
  };

  it('makes a nation id its ISO 3166-1 alpha-3 code in lower case', () => {
    expect(refusal(NationId, 'nation:gbr')).toBeUndefined();
    for (const id of ['nation:gb', 'nation:GBR', 'nation:gbrr', 'nation:united-kingdom']) {
      expect(refusal(NationId, id)).toBe(
        'must be an id like "nation:gbr": "nation:" then the ISO 3166-1 alpha-3 code in lower case',
      );
    }
  });

  it('starts a meeting id with its date', () => {
    expect(refusal(MeetingId, 'meeting:2025-04-10-talks')).toBeUndefined();
    for (const id of [
      'meeting:talks',
      'meeting:2025-4-10-talks',
      'meeting:2025-04-10',
      'meeting:2025-04-10-',
    ]) {
      expect(refusal(MeetingId, id)).toContain('"meeting:", the date YYYY-MM-DD, a dash, then');
    }
  });

  it('allows only lower-case letters, digits and single dashes after the prefix', () => {
    for (const id of ['topic:a', 'topic:a-1', 'topic:2025']) expect(refusal(TopicId, id)).toBeUndefined();
    for (const id of ['topic:A', 'topic:a--b', 'topic:-a', 'topic:a-', 'topic:a_b', 'topic:a b', 'topic:']) {
      expect(refusal(TopicId, id)).toBe(
        'must be an id like "topic:some-slug": "topic:" then lower-case letters, digits and single dashes',
      );
    }
    expect(refusal(TopicId, 'place:a')).toBeDefined();
  });

  it('lets only nations, officials and organizations be actors', () => {
    for (const id of ['nation:xyz', 'official:jane-example', 'organization:example-alliance']) {
      expect(refusal(ActorId, id)).toBeUndefined();
    }
    for (const id of ['place:example-city', 'topic:x', 'nation:xy']) {
      expect(refusal(ActorId, id)).toBe('must be the id of a nation, official or organization');
    }
  });
});
