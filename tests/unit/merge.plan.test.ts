/**
 * What a merge does with each link and each name, and what its undo takes back
 * (src/modules/curation/merge.plan.ts), decided without a database. Values synthetic.
 */
import { Label, Rel } from '../../src/graph/model';
import {
  groupLinks,
  mergeNames,
  planLinks,
  touchedKeepLinks,
  unmergeNames,
  unmoveRows,
  type LinkSnapshot,
  type MergeSnapshot,
} from '../../src/modules/curation/merge.plan';

const ids = { keep: 'official:keep', merge: 'official:merge' };

function link(type: Rel, direction: 'out' | 'in', otherId: string, evidence?: string[]): LinkSnapshot {
  const otherLabel = otherId.startsWith('nation:')
    ? Label.Nation
    : otherId.startsWith('meeting:')
      ? Label.Meeting
      : otherId.startsWith('statement:')
        ? Label.Statement
        : otherId.startsWith('organization:')
          ? Label.Organization
          : Label.Official;
  return {
    type,
    direction,
    otherLabel,
    otherId,
    props: { values: evidence ? { evidence } : {}, integers: [] },
  };
}

describe('planLinks', () => {
  it('moves ordinary links, and drops the merged node’s single link when keep has its own', () => {
    const mergeLinks = [
      link(Rel.ATTENDED, 'out', 'meeting:m1'),
      link(Rel.SAID, 'out', 'statement:s1'),
      link(Rel.NATIONAL_OF, 'out', 'nation:bel'),
    ];
    const keepLinks = [link(Rel.NATIONAL_OF, 'out', 'nation:est')];
    const fates = planLinks(Label.Official, ids, mergeLinks, keepLinks).map((l) => [l.type, l.fate]);
    expect(fates).toEqual([
      [Rel.ATTENDED, 'moved'],
      [Rel.SAID, 'moved'],
      [Rel.NATIONAL_OF, 'dropped'],
    ]);
  });

  it('moves a single link when keep has none, or has the same one', () => {
    const mergeLinks = [link(Rel.NATIONAL_OF, 'out', 'nation:est')];
    expect(planLinks(Label.Official, ids, mergeLinks, [])[0].fate).toBe('moved');
    expect(
      planLinks(Label.Official, ids, mergeLinks, [link(Rel.NATIONAL_OF, 'out', 'nation:est')])[0].fate,
    ).toBe('moved');
  });

  it('single links are the owner’s only: a statement’s speaker is single for the statement, not for the official', () => {
    // Merging officials: both said things; every SAID moves (each statement keeps one speaker).
    const mergeLinks = [link(Rel.SAID, 'out', 'statement:s1')];
    const keepLinks = [link(Rel.SAID, 'out', 'statement:s2')];
    expect(planLinks(Label.Official, ids, mergeLinks, keepLinks)[0].fate).toBe('moved');
    // Merging statements: the merged statement's speaker goes when keep has another.
    const statementIds = { keep: 'statement:keep', merge: 'statement:merge' };
    const speaker = [link(Rel.SAID, 'in', 'official:a')];
    expect(
      planLinks(Label.Statement, statementIds, speaker, [link(Rel.SAID, 'in', 'official:b')])[0].fate,
    ).toBe('dropped');
  });

  it('drops links between the two merged nodes (a possible-duplicate link, a self-link to be)', () => {
    const mergeLinks = [link(Rel.POSSIBLE_DUPLICATE, 'out', ids.keep)];
    expect(planLinks(Label.Official, ids, mergeLinks, [])[0].fate).toBe('dropped');
  });
});

describe('touchedKeepLinks', () => {
  it('keeps keep’s links to the merged node’s neighbours and its single links of those kinds', () => {
    const mergeLinks = [link(Rel.ATTENDED, 'out', 'meeting:m1'), link(Rel.NATIONAL_OF, 'out', 'nation:bel')];
    const keepLinks = [
      link(Rel.ATTENDED, 'out', 'meeting:m1'),
      link(Rel.CHAIRED, 'out', 'meeting:m1'),
      link(Rel.NATIONAL_OF, 'out', 'nation:est'),
    ];
    expect(touchedKeepLinks(Label.Official, keepLinks, mergeLinks).map((l) => l.type)).toEqual([
      Rel.ATTENDED,
      Rel.NATIONAL_OF,
    ]);
  });
});

describe('groupLinks', () => {
  it('groups by type, direction and label at the other end, in the order of the model', () => {
    const groups = groupLinks(
      [
        link(Rel.SAID, 'out', 'statement:s1'),
        link(Rel.NATIONAL_OF, 'out', 'nation:x'),
        link(Rel.SAID, 'out', 'statement:s2'),
      ],
      (l) => l.otherId,
    );
    expect(groups.map((g) => [g.type, g.rows])).toEqual([
      [Rel.NATIONAL_OF, ['nation:x']],
      [Rel.SAID, ['statement:s1', 'statement:s2']],
    ]);
  });
});

describe('names', () => {
  it('adds the merged node’s name and aliases to keep’s aliases and their folded lines to nameText, once', () => {
    const merged = mergeNames(
      Label.Official,
      { name: 'Kaja Kallas', aliases: ['Kallas'], nameText: 'kaja kallas\nkallas' },
      {
        name: 'EU foreign chief',
        aliases: ['Kallas', 'Kaja Kallas'],
        nameText: 'eu foreign chief\nkallas\nkaja kallas',
      },
    );
    expect(merged).toEqual({
      aliases: ['Kallas', 'EU foreign chief'],
      nameText: 'kaja kallas\nkallas\neu foreign chief',
      added: { aliases: ['EU foreign chief'], folded: ['eu foreign chief'] },
    });
  });

  it('has nothing to say about facts', () => {
    expect(mergeNames(Label.Meeting, {}, {})).toBeNull();
  });

  it('an undo takes back exactly what was added, and keeps what came since', () => {
    const keep = {
      aliases: ['Kallas', 'EU foreign chief', 'K. Kallas'],
      nameText: 'kaja kallas\nkallas\neu foreign chief\nk. kallas',
    };
    expect(unmergeNames(keep, { aliases: ['EU foreign chief'], folded: ['eu foreign chief'] })).toEqual({
      aliases: ['Kallas', 'K. Kallas'],
      nameText: 'kaja kallas\nkallas\nk. kallas',
    });
  });
});

describe('unmoveRows', () => {
  it('takes from keep only the evidence the merge brought, and deletes links keep had only through it', () => {
    const snapshot: MergeSnapshot = {
      version: 1,
      label: Label.Official,
      keep: { id: ids.keep, props: { values: {}, integers: [] } },
      merge: { id: ids.merge, props: { values: {}, integers: [] } },
      mergeLinks: [
        { ...link(Rel.LEADS, 'out', 'organization:o', ['e1', 'e2']), fate: 'moved' },
        { ...link(Rel.ATTENDED, 'out', 'meeting:m2', []), fate: 'moved' },
        { ...link(Rel.NATIONAL_OF, 'out', 'nation:bel'), fate: 'dropped' },
      ],
      keepLinks: [link(Rel.LEADS, 'out', 'organization:o', ['e1'])],
      addedNames: null,
    };
    expect(unmoveRows(snapshot).map((g) => [g.type, g.rows])).toEqual([
      [Rel.LEADS, [{ otherId: 'organization:o', contributed: ['e2'], hadBefore: true }]],
      [Rel.ATTENDED, [{ otherId: 'meeting:m2', contributed: [], hadBefore: false }]],
    ]);
  });
});
