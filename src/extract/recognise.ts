/**
 * Finds the entities an article names: officials (with the office and nation the text gives
 * them), nations (names, short forms, demonyms, capitals used as actors), organizations (known
 * names, capitalised names ending in "Group", "Council", ..., quoted names like "coalition of the
 * willing") and places. People are found first, so a name's words are never taken for a nation.
 */
import { foldText } from '../graph/text';
import type { KnownEntity, TextSpan } from './draft.types';
import { EntityTable, type EntityDraft, type OrganizationKind } from './entities';
import { gazetteer } from './gazetteer';
import {
  COUNTERPART_WORDS,
  HONORIFICS,
  NOT_NAMES,
  OFFICE_COMPLEMENTS,
  OFFICE_HEADS,
  OFFICE_QUALIFIERS,
  ORGANIZATION_HEADS,
  PLACE_PREPOSITIONS,
  REPORTING_VERBS,
  STANCE_CUES,
} from './lexicon';
import type { Sentence } from './sentences';
import { PhraseIndex, tokenize, type Token } from './tokens';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A word in either case at its start ("Minister" or "minister"), the rest as written. */
const eitherCase = (phrase: string) =>
  phrase
    .split(/\s+/)
    .map((word) => `[${word[0].toUpperCase()}${word[0].toLowerCase()}]${escape(word.slice(1))}`)
    .join('\\s+');
const alternation = (phrases: readonly string[], map = eitherCase) =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(map)
    .join('|');

// Bounded repetition ({0,40}, no name word is longer): an unbounded one backtracks quadratically
// on a long run of letters with no space ("A-A-A-…").
const WORD = "(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}\\p{M}'’-]{0,40}[\\p{L}\\p{M}])";
const PARTICLE = '(?:de|da|di|del|van|von|der|den|al|bin|ibn|el|le|la|du|dos|das|ter)';
const NAME = `${WORD}(?:\\s+(?:${PARTICLE}\\s+)?${WORD}){0,3}`;
const OFFICE = `(?:(?:${alternation(OFFICE_QUALIFIERS)})[\\s-]+){0,4}(?:${alternation(OFFICE_HEADS)})(?:\\s+(?:of|for)\\s+(?:${alternation(OFFICE_COMPLEMENTS)}))?`;
const HONORIFIC = `(?:${HONORIFICS.map(escape).join('|')})`;
const REPORTING = alternation(REPORTING_VERBS, escape);
const STANCE_VERBS = STANCE_CUES.filter((cue) => cue.object === 'after')
  .map((cue) => cue.pattern)
  .join('|');

/** "UK Defence Secretary John Healey", "President Trump". */
const TITLE_THEN_NAME = new RegExp(`(?<![\\p{L}])(${OFFICE})\\s+(?:${HONORIFIC}\\s+)?(${NAME})`, 'gu');
/** "Mark Rutte, NATO's secretary-general", "said Jean Dupont, the French foreign minister". */
const NAME_THEN_TITLE = new RegExp(
  `(${NAME}),\\s+(?:the\\s+|a\\s+|an\\s+|its\\s+|their\\s+|his\\s+|her\\s+)?((?:${WORD}(?:['’]s)?\\s+){0,2})(?:(?:senior|deputy|acting|chief|top|former|special|veteran|lead|new)\\s+)?(${OFFICE})(?:\\s+(?:to|of|at|for)\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}'’-]{0,40}\\s?){1,5})?(?![\\p{L}])`,
  'gu',
);
/** "Samoa's ambassador to the United Nations, Losa Tavita,", "a government spokesman, Colonel Seydou Traoré,". */
const TITLE_COMMA_NAME = new RegExp(
  `(?<![\\p{L}])(${OFFICE})(?:\\s+(?:to|of|at|for)\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}'’-]{0,40}\\s?){1,5})?,\\s+(?:${HONORIFIC}\\s+)?(${NAME})(?=,|\\s+(?:${REPORTING})(?![\\p{L}]))`,
  'gu',
);
/** "Grace Wanjiru Mutua, who …": a name with "who" after it is a person's. */
const NAME_THEN_WHO = new RegExp(`(?<![\\p{L}])(${NAME}),\\s+who(?![\\p{L}])`, 'gu');
/** "his Swedish counterpart Pål Jonson". */
const COUNTERPART = new RegExp(
  `(?<![\\p{L}])(?:his|her|their|its)\\s+(?:(${WORD}(?:\\s+${WORD})?)\\s+)?(?:${COUNTERPART_WORDS.map(escape).join('|')}),?\\s+(${NAME})`,
  'gu',
);
/** "Mark Rutte said", "Healey also stressed", ", said Mark Rutte", "according to Mark Rutte". */
const NAME_THEN_VERB = new RegExp(
  `(${NAME}),?\\s+(?:also\\s+|has\\s+|had\\s+|have\\s+|later\\s+|then\\s+|again\\s+|on\\s+\\p{Lu}\\p{L}+\\s+)*(?:${REPORTING}|${STANCE_VERBS})(?![\\p{L}])`,
  'gu',
);
const VERB_THEN_NAME = new RegExp(`(?:[,"”]\\s*(?:${REPORTING})|according\\s+to)\\s+(${NAME})`, 'gu');

const ORGANIZATION_HEAD_WORDS = new Set(
  Object.keys(ORGANIZATION_HEADS).map((head) => head.split(' ').at(-1)!),
);
const NOT_NAME_WORDS = new Set(
  [...NOT_NAMES, ...OFFICE_HEADS.flatMap((head) => head.split(/\s+/)), ...OFFICE_QUALIFIERS].map(foldText),
);

export interface RecogniseInput {
  text: string;
  sentences: readonly Sentence[];
  tokens: readonly Token[];
  known: readonly KnownEntity[];
  publisher?: string;
}

export function recogniseEntities({
  text,
  sentences,
  tokens,
  known,
  publisher,
}: RecogniseInput): EntityTable {
  const table = new EntityTable(text.length);
  if (publisher && publisher.trim().length >= 3) {
    for (let at = text.indexOf(publisher.trim()); at >= 0; at = text.indexOf(publisher.trim(), at + 1)) {
      table.block(at, at + publisher.trim().length);
    }
  }
  const geo = gazetteer();
  const knownIndex = new PhraseIndex<KnownEntity>();
  for (const entity of known) {
    if (entity.kind === 'TOPIC' || entity.kind === 'NATION') continue;
    for (const form of [entity.name, ...entity.aliases]) knownIndex.add(form, entity);
  }
  const span = (start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });
  const isGeoOrOrg = (phrase: string) =>
    geo.nations.lookup(phrase).length > 0 ||
    geo.organizations.lookup(phrase).length > 0 ||
    knownIndex.lookup(phrase).some((entity) => entity.kind !== 'OFFICIAL');

  /** Cuts a matched name at the first word that can't be part of one; null if nothing is left. */
  const cleanName = (start: number, raw: string): TextSpan | null => {
    const words = tokenize(raw);
    let kept = 0;
    for (const word of words) {
      if (word.text === "'s" || word.text === '’s' || NOT_NAME_WORDS.has(word.folded)) break;
      if (geo.nations.lookup(word.text).length > 0 && kept > 0) break;
      kept += 1;
    }
    if (kept === 0) return null;
    const last = words[kept - 1];
    // "Permanent Council", "Contact Group": an organization's name, not a person's.
    if (
      ORGANIZATION_HEAD_WORDS.has(last.folded) ||
      /^(?:states|nations|islands|republic|kingdom|emirates)$/u.test(last.folded)
    )
      return null;
    const name = span(start + words[0].start, start + last.end);
    if (isGeoOrOrg(name.text)) return null;
    return name;
  };

  const personFor = (name: TextSpan, via: string): EntityDraft => {
    const knownMatch = knownIndex.lookup(name.text).find((entity) => entity.kind === 'OFFICIAL');
    const canonical = knownMatch?.name ?? name.text;
    // A later full mention ("Antti Hakkanen") of someone first named by surname joins them.
    const key = `person:${foldText(canonical)}`;
    const entity = table.ensure(key, 'OFFICIAL', canonical, via);
    if (knownMatch) entity.knownId = knownMatch.id;
    return entity;
  };

  /** The nation a qualifier names: "UK", "Germany's", "U.S. Treasury" (its first words). */
  const nationKeyIn = (phrase: string): string | undefined => {
    const words = phrase
      .replace(/['’]s\s*$/u, '')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    for (let length = words.length; length >= 1; length -= 1) {
      const entry = geo.nations.lookup(words.slice(0, length).join(' '))[0];
      if (entry) return `nation:${entry.iso3}`;
    }
    return undefined;
  };

  let lastOffice: EntityDraft['offices'][number] | undefined;
  for (const sentence of sentences) {
    const found: { entity: EntityDraft; name: TextSpan; officeAt?: number }[] = [];
    const take = (entity: EntityDraft, name: TextSpan) => {
      if (table.taken(name.start, name.end)) return false;
      table.mention(entity, name);
      return true;
    };
    for (const match of sentence.text.matchAll(TITLE_THEN_NAME)) {
      const at = sentence.start + (match.index ?? 0);
      const title = match[1];
      const nameStart = at + match[0].length - match[2].length;
      const name = cleanName(nameStart, match[2]);
      if (!name) continue;
      const entity = personFor(name, 'office and name');
      if (!take(entity, name)) continue;
      const office = { title: normaliseTitle(title), span: span(at, name.end) };
      // The nation or organization just before the title: "UK Defence Secretary", "NATO Secretary-General".
      const before = text.slice(Math.max(sentence.start, at - 40), at);
      const qualifier = /((?:\p{Lu}[\p{L}.]*\s?){1,3})(?:['’]s)?\s*$/u.exec(before)?.[1]?.trim();
      const nation = qualifier ? nationKeyIn(qualifier) : undefined;
      const organization = qualifier && !nation ? geo.organizations.lookup(qualifier)[0]?.name : undefined;
      const full = {
        ...office,
        nation,
        organization: organization ? `org:${foldText(organization)}` : undefined,
      };
      if (nation) full.span = span(at - (before.length - before.lastIndexOf(qualifier ?? '')), name.end);
      entity.offices.push(full);
      if (nation && !entity.nation) entity.nation = nation;
      lastOffice = full;
      found.push({ entity, name, officeAt: at });
    }
    for (const match of sentence.text.matchAll(NAME_THEN_TITLE)) {
      const at = sentence.start + (match.index ?? 0);
      const name = cleanName(at, match[1]);
      if (!name || name.end !== at + match[1].length) continue;
      const entity = personFor(name, 'name and office');
      if (!take(entity, name)) continue;
      const nation = nationKeyIn(match[2] ?? '');
      const office = { title: normaliseTitle(match[3]), nation, span: span(at, at + match[0].length) };
      entity.offices.push(office);
      if (nation && !entity.nation) entity.nation = nation;
      lastOffice = office;
      found.push({ entity, name });
    }
    for (const match of sentence.text.matchAll(TITLE_COMMA_NAME)) {
      const at = sentence.start + (match.index ?? 0);
      const nameStart = at + match[0].length - match[2].length;
      const name = cleanName(nameStart, match[2]);
      if (!name) continue;
      const entity = personFor(name, 'office, then name');
      if (!take(entity, name)) continue;
      const before = text.slice(Math.max(sentence.start, at - 40), at);
      const qualifier = /((?:\p{Lu}[\p{L}.]*\s?){1,3})(?:['’]s)?\s*$/u.exec(before)?.[1]?.trim();
      const nation = qualifier ? nationKeyIn(qualifier) : undefined;
      const office = { title: normaliseTitle(match[1]), nation, span: span(at, name.end) };
      entity.offices.push(office);
      if (nation && !entity.nation) entity.nation = nation;
      lastOffice = office;
      found.push({ entity, name });
    }
    for (const match of sentence.text.matchAll(COUNTERPART)) {
      const at = sentence.start + (match.index ?? 0);
      const nameStart = at + match[0].length - match[2].length;
      const name = cleanName(nameStart, match[2]);
      if (!name) continue;
      const entity = personFor(name, 'counterpart of the official named before');
      if (!take(entity, name)) continue;
      const nation = nationKeyIn(match[1] ?? '');
      if (nation && !entity.nation) entity.nation = nation;
      // A counterpart holds the office of the person named before, in their own nation.
      if (lastOffice) {
        entity.offices.push({ title: lastOffice.title, nation, span: span(at, name.end) });
      }
      found.push({ entity, name });
    }
    for (const pattern of [NAME_THEN_VERB, VERB_THEN_NAME, NAME_THEN_WHO]) {
      for (const match of sentence.text.matchAll(pattern)) {
        const group = match[1];
        const at = sentence.start + (match.index ?? 0) + match[0].indexOf(group);
        const name = cleanName(at, group);
        if (!name || tokenize(name.text).length < 2) continue;
        if (knownIndex.lookup(name.text).length === 0 && !looksLikePersonName(name.text)) continue;
        take(personFor(name, 'name before a reporting verb'), name);
      }
    }
  }

  // Known entities from the graph, by name or alias.
  for (const match of knownIndex.findAll(tokens, text)) {
    if (table.taken(match.start, match.end)) continue;
    const entity = match.value.length === 1 ? match.value[0] : undefined;
    if (!entity) continue;
    if (entity.kind === 'OFFICIAL') {
      table.mention(
        personFor(span(match.start, match.end), 'known name or alias'),
        span(match.start, match.end),
      );
    } else if (entity.kind === 'ORGANIZATION') {
      const draft = table.ensure(
        `org:${foldText(entity.name)}`,
        'ORGANIZATION',
        entity.name,
        'known name or alias',
      );
      draft.knownId = entity.id;
      table.mention(draft, span(match.start, match.end));
    } else if (entity.kind === 'PLACE') {
      const draft = table.ensure(
        `place:${foldText(entity.name)}`,
        'PLACE',
        entity.name,
        'known name or alias',
      );
      draft.knownId = entity.id;
      table.mention(draft, span(match.start, match.end));
    }
  }

  recogniseOrganizations(text, tokens, table, span);
  recogniseNations(text, tokens, table, span);
  recognisePlaces(text, tokens, table, span);
  recogniseSurnames(tokens, table, span);
  return table;
}

/** "Defence Secretary" whatever the case it was written in. */
function normaliseTitle(title: string): string {
  return title
    .replace(/\s+/g, ' ')
    .split(' ')
    .map((word) =>
      /^(of|for|the)$/i.test(word) ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1),
    )
    .join(' ')
    .replace(/-([a-z])/g, (_, letter: string) => `-${letter.toUpperCase()}`);
}

/** Two or more capitalised words, none of them a common sentence opener or a title. */
function looksLikePersonName(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length >= 2 && words.length <= 4 && words.every((word) => !NOT_NAME_WORDS.has(foldText(word)));
}

type SpanOf = (start: number, end: number) => TextSpan;

function recogniseOrganizations(
  text: string,
  tokens: readonly Token[],
  table: EntityTable,
  span: SpanOf,
): void {
  const geo = gazetteer();
  for (const match of geo.organizations.findAll(tokens, text)) {
    if (table.taken(match.start, match.end)) continue;
    const organization = match.value[0];
    const entity = table.ensure(
      `org:${foldText(organization.name)}`,
      'ORGANIZATION',
      organization.name,
      'known organization',
    );
    entity.organizationKind ??= organization.kind;
    for (const alias of organization.aliases) entity.aliases.add(alias);
    table.mention(entity, span(match.start, match.end));
  }
  const heads = Object.keys(ORGANIZATION_HEADS).sort((a, b) => b.length - a.length);
  const headPattern = heads.map((head) => eitherCase(head)).join('|');
  // "the Nordic Defence Cooperation Group", "the Weimar Triangle Council".
  const capitalised = new RegExp(
    `(?<![\\p{L}])((?:${WORD}\\s+){1,5}(?:${heads
      .map((head) =>
        head
          .split(' ')
          .map((w) => w[0].toUpperCase() + w.slice(1))
          .join('\\s+'),
      )
      .join('|')}))(?![\\p{L}])`,
    'gu',
  );
  for (const match of text.matchAll(capitalised)) {
    let start = match.index ?? 0;
    let name = match[1];
    // Drop leading words that belong to the sentence, not the name ("On Friday the …").
    const words = name.split(/\s+/);
    while (
      words.length > 1 &&
      NOT_NAME_WORDS.has(foldText(words[0])) &&
      !/^(?:Defence|Defense|Foreign)$/.test(words[0])
    ) {
      start += words[0].length + 1;
      words.shift();
    }
    name = words.join(' ');
    if (words.length < 2 || table.taken(start, start + name.length)) continue;
    const head = heads.find((candidate) => foldText(name).endsWith(candidate)) ?? 'group';
    addOrganization(
      table,
      name,
      ORGANIZATION_HEADS[head],
      span(start, start + name.length),
      'capitalised name ending in an organization word',
    );
  }
  // "the Alliance of Small Island States", "the League of Arab States": the head word first.
  const headFirst =
    /(?<![\p{L}])((?:Alliance|Union|Council|Organi[sz]ation|Community|League|Association|Coalition|Group|Conference|Commission)\s+(?:of|for)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]{0,40})(?:\s+(?:and\s+|of\s+)?\p{Lu}[\p{L}'’-]{0,40}){0,5})/gu;
  for (const match of text.matchAll(headFirst)) {
    const start = match.index ?? 0;
    const name = match[1];
    if (table.taken(start, start + name.length)) continue;
    const head = name.split(/\s+/)[0].toLowerCase().replace('organisation', 'organization');
    addOrganization(
      table,
      name,
      ORGANIZATION_HEADS[head] ?? 'OTHER',
      span(start, start + name.length),
      'capitalised name starting with an organization word',
    );
  }
  // "the "coalition of the willing"": a quoted name holding an organization word.
  for (const match of text.matchAll(/["“]([^"”\n]{3,60})["”]/gu)) {
    const inner = match[1];
    const head = heads.find(
      (candidate) =>
        new RegExp(`(?<![\\p{L}])${headPattern.replace(/\|/g, '|')}(?![\\p{L}])`, 'u').test(inner) &&
        foldText(inner).includes(candidate),
    );
    if (!head || inner.split(/\s+/).length > 6) continue;
    const start = (match.index ?? 0) + 1;
    if (table.taken(start, start + inner.length)) continue;
    addOrganization(
      table,
      inner,
      ORGANIZATION_HEADS[head],
      span(start, start + inner.length),
      'quoted name of a group',
    );
  }
  // Later mentions: "the coalition", "the group", "the alliance" when one such organization is named.
  const organizations = table.ofKind('ORGANIZATION');
  for (const match of text.matchAll(
    /(?<![\p{L}])[Tt]he (coalition|alliance|group|bloc|contact group)(?![\p{L}])/gu,
  )) {
    const word = match[1].toLowerCase();
    const start = match.index ?? 0;
    const fitting = organizations.filter(
      (organization) =>
        foldText(organization.name).includes(word) &&
        organization.mentions.some((mention) => mention.start < start),
    );
    if (fitting.length !== 1 || table.taken(start, start + match[0].length)) continue;
    table.mention(fitting[0], span(start, start + match[0].length));
  }
}

function addOrganization(
  table: EntityTable,
  name: string,
  kind: OrganizationKind,
  where: TextSpan,
  via: string,
): void {
  const canonical = name.charAt(0).toUpperCase() + name.slice(1);
  const entity = table.ensure(`org:${foldText(name)}`, 'ORGANIZATION', canonical, via);
  entity.organizationKind ??= kind;
  table.mention(entity, where);
}

const AS_ACTOR_AFTER =
  /^\s*(?:['’]s\b|(?:has|have|had|is|was|will|would|says|said|wants|insists|warned|refused|rejected|backed|supports|opposes|pledged|announced)\b)/u;

function recogniseNations(text: string, tokens: readonly Token[], table: EntityTable, span: SpanOf): void {
  const geo = gazetteer();
  for (const match of geo.nations.findAll(tokens, text)) {
    if (table.taken(match.start, match.end)) continue;
    const entry = match.value[0];
    if (entry.form === 'capital') {
      // A capital is a place after "in", "at", … or in a dateline ("Brussels [Belgium],"); else it
      // stands for its nation ("Moscow said", "Kyiv's allies", "provide Kiev with"). Brussels
      // speaks for the EU as often as for Belgium, so it is only ever a place.
      const previous = tokens[match.first - 1];
      const lineStart = text.lastIndexOf('\n', match.start - 1) + 1;
      const dateline =
        text.slice(lineStart, match.start).trim() === '' &&
        /^\s*(?:\[|,|\(|[-–—])/u.test(text.slice(match.end, match.end + 3));
      if (entry.name === 'Belgium' || dateline || (previous && PLACE_PREPOSITIONS.includes(previous.folded)))
        continue;
      if (
        !AS_ACTOR_AFTER.test(text.slice(match.end, match.end + 20)) &&
        previous &&
        /^\p{Lu}/u.test(text.slice(match.end + 1, match.end + 2))
      )
        continue;
    }
    const entity = table.ensure(`nation:${entry.iso3}`, 'NATION', entry.name, `nation ${entry.form}`);
    entity.iso3 = entry.iso3;
    table.mention(entity, span(match.start, match.end));
  }
}

function recognisePlaces(text: string, tokens: readonly Token[], table: EntityTable, span: SpanOf): void {
  const geo = gazetteer();
  for (const match of geo.capitals.findAll(tokens, text)) {
    if (table.taken(match.start, match.end)) continue;
    const entry = match.value[0];
    const entity = table.ensure(`place:${foldText(entry.name)}`, 'PLACE', entry.name, 'capital city');
    entity.placeKind = 'CITY';
    const nation = `nation:${entry.iso3}`;
    if (table.byKey.has(nation)) entity.nation = nation;
    table.mention(entity, span(match.start, match.end));
  }
  // "NATO headquarters", "the Élysée Palace" style venues: an organization or name + a venue word.
  for (const match of text.matchAll(
    /(?<![\p{L}])((?:\p{Lu}[\p{L}\p{M}'’-]{0,40}\s+){1,3}(?:headquarters|Headquarters|HQ|Palace|House|Centre|Center|Hall))(?![\p{L}])/gu,
  )) {
    const start = match.index ?? 0;
    const name = match[1];
    if (NOT_NAME_WORDS.has(foldText(name.split(/\s+/)[0])) && !/^[A-Z]{2,}/.test(name)) continue;
    const entity = table.ensure(`place:${foldText(name)}`, 'PLACE', name, 'named venue');
    entity.placeKind = 'VENUE';
    // Remove overlapping organization mention ("NATO" inside "NATO headquarters") only from the place's view.
    if (!entity.mentions.some((mention) => mention.start === start))
      entity.mentions.push(span(start, start + name.length));
  }
}

/**
 * Later mentions by surname ("Healey said", "Mr Healey"), or by the first word of a name when it
 * is the family name or the given name a text goes on using ("Park Ji-hoon" … "Park said";
 * "Khamphoui Sisavath" … "said Khamphoui"): only when one official has it.
 */
function recogniseSurnames(tokens: readonly Token[], table: EntityTable, span: SpanOf): void {
  const bySurname = new Map<string, EntityDraft[]>();
  for (const person of table.ofKind('OFFICIAL')) {
    for (const form of [person.name, ...person.aliases]) {
      const words = tokenize(form);
      if (words.length < 2) continue;
      for (const word of new Set([words[words.length - 1].folded, words[0].folded])) {
        if (word.length < 3 || NOT_NAME_WORDS.has(word)) continue;
        const list = bySurname.get(word) ?? [];
        if (!list.includes(person)) list.push(person);
        bySurname.set(word, list);
      }
    }
  }
  for (const token of tokens) {
    if (!/^\p{Lu}/u.test(token.text)) continue;
    const people = bySurname.get(token.folded);
    if (!people || people.length !== 1) continue;
    if (table.taken(token.start, token.end)) continue;
    table.mention(people[0], span(token.start, token.end));
  }
}
