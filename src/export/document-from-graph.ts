/**
 * Rebuilds one source's document in the import format from what the graph holds: every record the
 * source mentions, as the graph holds it now, with the source's own evidence and the record's
 * links. Pure, and every key, record and list in a fixed order, so the same graph always gives the
 * same bytes. Links whose other end only a later source (by id) brings are left to curation
 * records, so each document imports in id order; see docs/backup.md.
 */
import type { Plain } from '../graph/values';
import { FORMAT, FigureMeasure } from '../ingest/document.format';
import { Label, Rel } from '../graph/model';
import type { LinkRecord, MentionRecord } from './curation.format';

export interface EvidenceAt {
  start: number;
  excerpt: string;
}

export interface LinkRow {
  type: string;
  /** True when the record is the link's start. */
  out: boolean;
  other: string;
  /** The other end exists when this source's document is imported (see mentionedRecordsQuery). */
  available: boolean;
  /** This source's evidence for the link (members and leaders carry their own). */
  evidence: EvidenceAt[];
}

export interface RecordRow {
  label: string;
  props: Record<string, Plain>;
  evidence: EvidenceAt[];
  links: LinkRow[];
}

export interface SourceRow {
  id: string;
  title: string;
  publisher: string;
  publishedAt: string;
  url: string | null;
  text: string;
  /** The hash of the document first imported (null for a source added by upsertSource alone). */
  contentHash: string | null;
}

export interface ClaimOfSource {
  fact: string;
  id: string;
  field: string;
  value: string;
  number: number | null;
  unit: string | null;
  approximate: boolean;
  evidence: EvidenceAt[];
}

export interface RebuiltDocument {
  document: Record<string, unknown>;
  /** Links left out of the document because their other end comes later. */
  laterLinks: LinkRecord[];
  /** Records left out (`leaveOut`): the source's mention of each, with its evidence. */
  mentions: MentionRecord[];
  /** Roles the source mentions without their official, which the format nests them in. */
  notExported: string[];
}

type Json = Record<string, unknown>;

/** The object without its undefined entries, keys kept in the order written. */
function compact(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined));
}

const optional = <T>(value: T | null | undefined): T | undefined => value ?? undefined;
const excerpts = (evidence: readonly EvidenceAt[]) => evidence.map(({ excerpt }) => ({ excerpt }));

function code(props: Record<string, Plain>, prefix: 'cameo' | 'plover'): Json | undefined {
  const value = props[`${prefix}Code`];
  return value == null ? undefined : { code: value, codebook: props[`${prefix}Codebook`] };
}

/** The stored `"text" resolved against YYYY-MM-DD: rule` (document.rows.ts) as the format's object. */
function dateResolution(stored: Plain): Json | undefined {
  if (typeof stored !== 'string') return undefined;
  const parts = /^"([\s\S]*)" resolved against (\d{4}-\d{2}-\d{2}): ([\s\S]*)$/.exec(stored);
  return parts ? { text: parts[1], anchor: parts[2], rule: parts[3] } : undefined;
}

function named(props: Record<string, Plain>): Json {
  return { id: props.id, name: props.name, aliases: props.aliases ?? [] };
}

class RecordLinks {
  constructor(
    private readonly row: RecordRow,
    private readonly sourceId: string,
    private readonly inDocument: ReadonlySet<string>,
    private readonly laterLinks: LinkRecord[],
  ) {}

  /**
   * The ids at the other end of the record's links of one type and direction, in id order. A link
   * whose other end is not there yet when the document loads becomes a curation record, unless the
   * format requires it (a speaker): such a document waits at restore until that end is loaded.
   */
  ids(type: Rel, out: boolean, required = false): string[] {
    const ids: string[] = [];
    for (const link of this.row.links) {
      if (link.type !== type || link.out !== out) continue;
      if (required || link.available || this.inDocument.has(link.other)) ids.push(link.other);
      else this.later(link);
    }
    return ids;
  }

  one(type: Rel, out: boolean, required = false): string | undefined {
    return this.ids(type, out, required)[0];
  }

  /** Links with their own evidence (members, leaders): stated where this source backs them. */
  withEvidence(type: Rel, out: boolean): { other: string; evidence: EvidenceAt[] }[] {
    return this.row.links
      .filter((link) => link.type === type && link.out === out && link.evidence.length > 0)
      .filter((link) => {
        if (link.available || this.inDocument.has(link.other)) return true;
        this.later(link);
        return false;
      })
      .map((link) => ({ other: link.other, evidence: link.evidence }));
  }

  private later(link: LinkRow): void {
    const self = String(this.row.props.id);
    this.laterLinks.push({
      kind: 'link',
      type: link.type,
      from: link.out ? self : link.other,
      to: link.out ? link.other : self,
      evidence: link.evidence.map(({ start, excerpt }) => ({ source: this.sourceId, start, excerpt })),
    });
  }
}

/** The figures a source reports of a meeting, from its claims (the top-level count stays on the meeting). */
function figures(meeting: Record<string, Plain>, claims: readonly ClaimOfSource[]): Json[] {
  const measures = new Set<string>(FigureMeasure.options);
  return claims
    .filter((claim) => measures.has(claim.field))
    .filter(
      (claim) =>
        !(
          claim.field === 'NATIONS_REPRESENTED' &&
          claim.unit === null &&
          claim.number === meeting.nationsRepresented &&
          claim.approximate === (meeting.nationsRepresentedApproximate === true)
        ),
    )
    .map((claim) =>
      compact({
        measure: claim.field,
        value: claim.number ?? Number(claim.value),
        unit: optional(claim.unit),
        approximate: claim.approximate ? true : undefined,
        evidence: excerpts(claim.evidence),
      }),
    );
}

/**
 * `leaveOut`: ids of records the document cannot hold (documents-jsonl.ts finds them with the
 * import's validator); they become mention records instead.
 */
export function documentFromGraph(
  source: SourceRow,
  allRecords: readonly RecordRow[],
  claims: readonly ClaimOfSource[],
  leaveOut: ReadonlySet<string> = new Set(),
): RebuiltDocument {
  const laterLinks: LinkRecord[] = [];
  const notExported: string[] = [];
  const records = allRecords.filter((record) => !leaveOut.has(String(record.props.id)));
  const mentions: MentionRecord[] = allRecords
    .filter((record) => leaveOut.has(String(record.props.id)))
    .map((record) => ({
      kind: 'mention',
      source: source.id,
      id: String(record.props.id),
      evidence: record.evidence.map(({ start, excerpt }) => ({ start, excerpt })),
    }));
  const inDocument = new Set(records.map((record) => String(record.props.id)));
  const byLabel = (label: string) => records.filter((record) => record.label === label);
  const links = (row: RecordRow) => new RecordLinks(row, source.id, inDocument, laterLinks);
  const roles = new Map(byLabel(Label.Role).map((row) => [String(row.props.id), row]));
  const nested = new Set<string>();

  const nations = byLabel(Label.Nation).map((row) =>
    compact({
      ...named(row.props),
      iso3: row.props.iso3,
      wikidata: optional(row.props.wikidata),
      evidence: excerpts(row.evidence),
    }),
  );
  const officials = byLabel(Label.Official).map((row) => {
    const link = links(row);
    const nation = link.one(Rel.NATIONAL_OF, true);
    const held = link.ids(Rel.HOLDS_ROLE, true, true).flatMap((roleId) => {
      const role = roles.get(roleId);
      if (!role) return [];
      nested.add(roleId);
      const roleLinks = links(role);
      return [
        compact({
          id: roleId,
          title: role.props.title,
          nation: roleLinks.one(Rel.ROLE_FOR_NATION, true),
          organization: roleLinks.one(Rel.ROLE_IN, true),
          since: optional(role.props.since),
          until: optional(role.props.until),
          asOf: optional(role.props.asOf),
          evidence: excerpts(role.evidence),
        }),
      ];
    });
    return compact({
      ...named(row.props),
      nation,
      wikidata: optional(row.props.wikidata),
      roles: held,
      evidence: excerpts(row.evidence),
    });
  });
  for (const roleId of roles.keys()) if (!nested.has(roleId)) notExported.push(roleId);

  const organizations = byLabel(Label.Organization).map((row) => {
    const link = links(row);
    return compact({
      ...named(row.props),
      kind: row.props.kind,
      wikidata: optional(row.props.wikidata),
      members: link
        .withEvidence(Rel.MEMBER_OF, false)
        .map(({ other, evidence }) => ({ nation: other, evidence: excerpts(evidence) })),
      leaders: link
        .withEvidence(Rel.LEADS, false)
        .map(({ other, evidence }) => ({ actor: other, evidence: excerpts(evidence) })),
      evidence: excerpts(row.evidence),
    });
  });
  const places = byLabel(Label.Place).map((row) => {
    const link = links(row);
    return compact({
      ...named(row.props),
      kind: row.props.kind,
      country: link.one(Rel.IN_COUNTRY, true),
      within: link.one(Rel.WITHIN, true),
      evidence: excerpts(row.evidence),
    });
  });
  const topics = byLabel(Label.Topic).map((row) =>
    compact({
      ...named(row.props),
      broader: links(row).one(Rel.BROADER, true),
      evidence: excerpts(row.evidence),
    }),
  );
  const meetings = byLabel(Label.Meeting).map((row) => {
    const link = links(row);
    const props = row.props;
    const ownClaims = claims.filter((claim) => claim.fact === props.id);
    const counted = ownClaims.some((claim) => claim.field === 'NATIONS_REPRESENTED' && claim.unit === null);
    const nationsRepresented = counted ? optional(props.nationsRepresented) : undefined;
    return compact({
      id: props.id,
      title: props.title,
      date: props.date,
      dateText: optional(props.dateText),
      dateResolution: dateResolution(props.dateResolution),
      status: props.status,
      place: link.one(Rel.HELD_AT, true),
      convenedBy: link.ids(Rel.CONVENED, false),
      chairs: link.ids(Rel.CHAIRED, false),
      participants: link.ids(Rel.ATTENDED, false),
      nationsRepresented,
      nationsRepresentedApproximate:
        nationsRepresented !== undefined && props.nationsRepresentedApproximate === true ? true : undefined,
      figures: figures(props, ownClaims),
      topics: link.ids(Rel.ABOUT, true),
      cameo: code(props, 'cameo'),
      plover: code(props, 'plover'),
      evidence: excerpts(row.evidence),
    });
  });
  const statements = byLabel(Label.Statement).map((row) => {
    const link = links(row);
    return compact({
      id: row.props.id,
      kind: row.props.kind,
      text: row.props.text,
      speaker: link.one(Rel.SAID, false, true),
      date: optional(row.props.date),
      meeting: link.one(Rel.MADE_AT, true),
      topics: link.ids(Rel.ABOUT, true),
      cameo: code(row.props, 'cameo'),
      plover: code(row.props, 'plover'),
      evidence: excerpts(row.evidence),
    });
  });
  const positions = byLabel(Label.Position).map((row) => {
    const link = links(row);
    return compact({
      id: row.props.id,
      stance: row.props.stance,
      holder: link.one(Rel.TOOK, false, true),
      topic: link.one(Rel.ABOUT, true, true),
      summary: row.props.summary,
      date: optional(row.props.date),
      statements: link.ids(Rel.EXPRESSED_IN, true),
      cameo: code(row.props, 'cameo'),
      plover: code(row.props, 'plover'),
      evidence: excerpts(row.evidence),
    });
  });

  return {
    document: {
      format: FORMAT,
      source: compact({
        id: source.id,
        title: source.title,
        publisher: source.publisher,
        publishedAt: source.publishedAt,
        url: optional(source.url),
        text: source.text,
      }),
      nations,
      officials,
      organizations,
      places,
      topics,
      meetings,
      statements,
      positions,
    },
    laterLinks,
    mentions,
    notExported,
  };
}
