/**
 * The extractor's lexicon: every word list drafting relies on, in one file, so what the drafter
 * recognises can be read, reviewed and extended without reading its code. Lists are of surface
 * forms as news wire English writes them (British and American spellings both). Patterns are
 * matched case-insensitively on word boundaries unless a comment says otherwise.
 *
 * Nations are not listed here: they come from the `world-countries` package (names, ISO 3166-1
 * alpha-3 codes, alternative spellings, demonyms, capitals), plus the few forms below it lacks.
 */

export type StanceName = 'SUPPORTS' | 'OPPOSES' | 'STRESSES' | 'REFUSES' | 'HESITANT' | 'PLEDGES';

/**
 * Verbs and phrases that introduce reported speech: "X said that …", "… ," X told reporters.
 * The drafter turns a sentence with one of these and a speaker into a statement (a quote when the
 * words are in quotation marks, else a paraphrase).
 */
export const REPORTING_VERBS = [
  'said',
  'says',
  'added',
  'adds',
  'told',
  'tells',
  'stated',
  'states',
  'declared',
  'announced',
  'warned',
  'warns',
  'argued',
  'argues',
  'insisted',
  'insists',
  'noted',
  'notes',
  'explained',
  'remarked',
  'wrote',
  'writes',
  'continued',
  'recalled',
  'acknowledged',
  'admitted',
  'asserted',
  'claimed',
  'cautioned',
  'replied',
  'responded',
  'urged',
  'stressed',
  'underlined',
  'underscored',
  'emphasised',
  'emphasized',
  'reiterated',
  'pointed out',
  'according to',
];

/**
 * Stance cues: a phrase and the stance it signals. `object` says where the topic is: after the cue
 * (`after`: "refused to provide a backstop") or before it, as the subject of a copula (`subject`:
 * "such a guarantee is vital"). Listed longest first where one cue contains another.
 */
export interface StanceCue {
  stance: StanceName;
  /** A regular expression source, matched case-insensitively at word boundaries. */
  pattern: string;
  object: 'after' | 'subject';
  /** Whether the cue is itself a speech act (it makes a paraphrase statement of the holder too). */
  speech: boolean;
}

export const STANCE_CUES: StanceCue[] = [
  // STRESSES: insisting that something is important.
  {
    stance: 'STRESSES',
    pattern: 'stress(?:ed|es|ing)?|underlin(?:ed|es|ing)|underscor(?:ed|es|ing)',
    object: 'after',
    speech: true,
  },
  {
    stance: 'STRESSES',
    pattern: 'emphasi[sz](?:ed|es|ing)|highlight(?:ed|s|ing)|insist(?:ed|s|ing) on',
    object: 'after',
    speech: true,
  },
  {
    stance: 'STRESSES',
    pattern: 'reiterat(?:ed|es|ing)(?: (?:the|their|his|her|its) (?:importance|need) of)?',
    object: 'after',
    speech: true,
  },
  {
    stance: 'STRESSES',
    pattern: '(?:is|was|are|were|would be|remains?) (?:vital|essential|crucial|indispensable|key|critical)',
    object: 'subject',
    speech: false,
  },
  // REFUSES: declining to do or provide something; "will not accept", "would not reopen".
  {
    stance: 'REFUSES',
    pattern:
      "(?:will|would|could|did|does|do|shall|can)\\s+not\\s+(?:accept|agree to|sign(?: off on)?|reopen|join|send|provide|commit|allow|recognise|recognize|attend|take part in|participate in)|(?:won['’]t|wouldn['’]t|didn['’]t|doesn['’]t|don['’]t|can['’]t|cannot)\\s+(?:accept|agree to|sign(?: off on)?|reopen|join|send|provide|commit|allow|recognise|recognize|attend|take part in|participate in)",
    object: 'after',
    speech: false,
  },
  {
    stance: 'REFUSES',
    pattern:
      'refus(?:ed|es|ing)|brush(?:ed|es|ing) (?:[\\p{L}-]+ ){0,2}aside|declin(?:ed|es|ing) to|reject(?:ed|s|ing)|rul(?:ed|es|ing) out|turn(?:ed|s|ing) down',
    object: 'after',
    speech: false,
  },
  // PLEDGES: committing to deliver something.
  {
    stance: 'PLEDGES',
    pattern:
      'pledg(?:ed|es|ing)|promis(?:ed|es|ing)|vow(?:ed|s|ing)|commit(?:ted|s|ting)? (?:to|itself to|themselves to)|(?:has|have|had) committed',
    object: 'after',
    speech: true,
  },
  // SUPPORTS: backing something (verb forms only: "support plans" is a noun).
  // "urged allies to increase defence spending": the topic is what they are urged to do.
  {
    stance: 'SUPPORTS',
    pattern: '(?:urg(?:ed|es|ing)|call(?:ed|s|ing) on) (?:[\\p{L}-]+ ){1,4}?to',
    object: 'after',
    speech: true,
  },
  {
    stance: 'SUPPORTS',
    pattern:
      'back(?:ed|s|ing)|support(?:ed|s|ing)|endors(?:ed|es|ing)|welcom(?:ed|es|ing)|favou?r(?:ed|s|ing)|(?:called|calls|calling) for|advocat(?:ed|es|ing)|(?:aims|aimed|seeks|sought|wants|wanted) to|push(?:ed|es|ing) for|press(?:ed|es|ing) for|ask(?:ed|s|ing) for|demand(?:ed|s|ing)|in favou?r of|thr(?:ew|ows|owing|own) (?:its|their|his|her) (?:full )?weight behind|signall?(?:ed|ing|s) (?:its |their )?openness to|(?:is|are|was|were) open to',
    object: 'after',
    speech: false,
  },
  // OPPOSES: arguing against something.
  {
    stance: 'OPPOSES',
    pattern:
      'dismiss(?:ed|es|ing)(?! (?:suggestions|reports|claims|speculation|allegations|rumou?rs))|oppos(?:ed|es|ing)|criticis(?:ed|es|ing)|criticiz(?:ed|es|ing)|condemn(?:ed|s|ing)|denounc(?:ed|es|ing)|object(?:ed|s|ing) to|(?:warned|warns|warning) against|(?:is|are|was|were) against',
    object: 'after',
    speech: false,
  },
  // HESITANT: reluctant or undecided.
  {
    stance: 'HESITANT',
    pattern:
      'hesita(?:nt|ted|tes|ting)|balk(?:ed|s|ing) at|(?:voic|express)(?:ed|es|ing) (?:\\p{L}+ )?reservations about|(?:has|have|had) reservations about|reluctan(?:t|ce)|undecided|wary of|cautious about|(?:has|have) yet to decide|noncommittal|non-committal',
    object: 'after',
    speech: false,
  },
];

/**
 * Verbs that introduce someone's own words in quotation marks without being reporting verbs:
 * "condemned the delays as "a decade of broken promises"", "what he called "excessive size"".
 */
export const QUOTE_LEAD_VERBS = [
  'asks',
  'asked',
  'vowed',
  'vows',
  'promised',
  'pledged',
  'thanked',
  'calling',
  'citing',
  'describing',
  'called',
  'calls',
  'described',
  'describes',
  'condemned',
  'dismissed',
  'branded',
  'termed',
  'criticised',
  'criticized',
  'denounced',
  'hailed',
  'welcomed',
  'rejected',
];

/** Words that turn a stance cue around when they come just before it ("did not support"). */
export const NEGATIONS = ['not', "n't", 'never', 'no longer'];

/** A negated SUPPORTS is an opposition; other negated cues are left out (not refusing is no stance). */
export const NEGATED_STANCE: Partial<Record<StanceName, StanceName>> = { SUPPORTS: 'OPPOSES' };

/**
 * Phrases stripped from the front of a stance's object to leave its topic:
 * "the importance of US involvement" -> "US involvement".
 */
export const TOPIC_LEAD_INS = [
  'the importance of',
  'the need for',
  'the need to',
  'the necessity of',
  'the idea of',
  'the prospect of',
  'the possibility of',
  'calls for',
  'plans for',
  'work on',
  'advance work on',
  'provide',
  'send',
  'commit to',
  'offer',
  'give',
  'deliver',
  'make',
  'join',
  'keep',
  'maintain',
  'continue',
  'the',
  'a',
  'an',
  'any',
  'such',
  'their',
  'its',
  'his',
  'her',
  'our',
  'further',
  'more',
  'even greater',
  'greater',
  'to',
];

/** Words at which a topic phrase ends ("US involvement in the mission" -> "US involvement"). */
export const TOPIC_STOP_WORDS = [
  'in',
  'at',
  'on',
  'with',
  'during',
  'after',
  'before',
  'by',
  'as',
  'if',
  'when',
  'while',
  'which',
  'that',
  'because',
  'but',
  'and said',
  'until',
  'unless',
  'since',
  'amid',
  'despite',
  'so',
];

/** Most words a proposed topic name keeps. */
export const MAX_TOPIC_WORDS = 6;

/**
 * Office titles, as heads ("Minister", "Secretary") and the words that qualify them ("Defence",
 * "Foreign", "Prime"). An office is qualifiers + head, e.g. "Defence Secretary", "Prime Minister",
 * "Secretary of State", "Minister for Foreign Affairs".
 */
export const OFFICE_HEADS = [
  'Secretary-General',
  'Secretary General',
  'High Representative',
  'Minister',
  'Secretary',
  'President',
  'Vice President',
  'Vice-President',
  'Chancellor',
  'Premier',
  'Prime Minister',
  'Ambassador',
  'Envoy',
  'Special Envoy',
  'Spokesperson',
  'Spokesman',
  'Spokeswoman',
  'Commissioner',
  'Chief',
  'Commander',
  'King',
  'Queen',
  'Emir',
  'Crown Prince',
  'Sultan',
  'Governor',
  'Mayor',
  'Senator',
  'Representative',
  'Adviser',
  'Advisor',
  'Director',
  'Chair',
  'Chairman',
  'Chairwoman',
  'Speaker',
  'Leader',
  'Head',
  'Coordinator',
  'Negotiator',
];

export const OFFICE_QUALIFIERS = [
  'Treasury',
  'Environment',
  'Climate',
  'Agriculture',
  'Transport',
  'Education',
  'Labour',
  'Development',
  'Intelligence',
  'Foreign Policy',
  'Deputy',
  'Vice',
  'Acting',
  'Interim',
  'First',
  'Prime',
  'Foreign',
  'Defence',
  'Defense',
  'Interior',
  'Home',
  'Finance',
  'Economy',
  'Economic',
  'Trade',
  'Energy',
  'Health',
  'Justice',
  'Security',
  'National Security',
  'Chief',
  'Senior',
  'Armed Forces',
  'State',
  'European',
  'Federal',
  'Executive',
  'General',
];

/**
 * Words that follow a head in a longer title: "Secretary of State", "Minister for Foreign
 * Affairs", "Minister of Defence". The drafter keeps "<head> (of|for) <these words>".
 */
export const OFFICE_COMPLEMENTS = [
  'State',
  'the Exchequer',
  'Defence',
  'Defense',
  'Foreign Affairs',
  'External Affairs',
  'the Interior',
  'Finance',
  'Trade',
  'Energy',
  'Health',
  'Justice',
  'the Armed Forces',
  'Armed Forces',
  'Europe',
  'Security',
];

/** Honorifics before a name ("Mr Healey"); kept out of the name. */
export const HONORIFICS = [
  'Mr',
  'Mr.',
  'Mrs',
  'Mrs.',
  'Ms',
  'Ms.',
  'Dr',
  'Dr.',
  'Sir',
  'Dame',
  'Lord',
  'Lady',
];

/** "his Swedish counterpart Pål Jonson": takes the office of the person named before. */
export const COUNTERPART_WORDS = ['counterpart', 'counterparts', 'opposite number', 'equivalent'];

/**
 * Plural nouns for the members of a group, unnamed ("Capitals have been hesitant"): a stance they
 * take is held by the group the article is about (the organization it names most), with lower
 * confidence and a note in the position's summary.
 */
export const COLLECTIVE_SUBJECTS = [
  'capitals',
  'allies',
  'members',
  'member states',
  'member countries',
  'governments',
  'ministers',
  'leaders',
  'partners',
  'the group',
  'the coalition',
  'the alliance',
  'the bloc',
  'the organisation',
  'the organization',
  'the union',
];

/**
 * Well-known organizations with their common short forms. Names the graph already holds are
 * matched from the graph as well; this list lets a draft recognise them in an empty graph.
 */
export const KNOWN_ORGANIZATIONS: {
  name: string;
  aliases: string[];
  kind:
    'ALLIANCE' | 'COALITION' | 'CONTACT_GROUP' | 'INTERNATIONAL_ORGANIZATION' | 'GOVERNMENT_BODY' | 'OTHER';
}[] = [
  {
    name: 'NATO',
    aliases: ['North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation', 'Nato'],
    kind: 'ALLIANCE',
  },
  { name: 'European Union', aliases: ['EU', 'E.U.'], kind: 'INTERNATIONAL_ORGANIZATION' },
  { name: 'United Nations', aliases: ['UN', 'U.N.'], kind: 'INTERNATIONAL_ORGANIZATION' },
  {
    name: 'UN Security Council',
    aliases: ['Security Council', 'United Nations Security Council', 'UNSC'],
    kind: 'INTERNATIONAL_ORGANIZATION',
  },
  {
    name: 'UN General Assembly',
    aliases: ['General Assembly', 'United Nations General Assembly'],
    kind: 'INTERNATIONAL_ORGANIZATION',
  },
  { name: 'European Commission', aliases: [], kind: 'INTERNATIONAL_ORGANIZATION' },
  { name: 'European Council', aliases: [], kind: 'INTERNATIONAL_ORGANIZATION' },
  { name: 'Council of Europe', aliases: [], kind: 'INTERNATIONAL_ORGANIZATION' },
  { name: 'Group of Seven', aliases: ['G7', 'G-7'], kind: 'INTERNATIONAL_ORGANIZATION' },
  { name: 'Group of Twenty', aliases: ['G20', 'G-20'], kind: 'INTERNATIONAL_ORGANIZATION' },
  {
    name: 'OSCE',
    aliases: [
      'Organization for Security and Co-operation in Europe',
      'Organisation for Security and Co-operation in Europe',
    ],
    kind: 'INTERNATIONAL_ORGANIZATION',
  },
  { name: 'African Union', aliases: ['AU'], kind: 'INTERNATIONAL_ORGANIZATION' },
  { name: 'ASEAN', aliases: ['Association of Southeast Asian Nations'], kind: 'INTERNATIONAL_ORGANIZATION' },
  { name: 'Arab League', aliases: ['League of Arab States'], kind: 'INTERNATIONAL_ORGANIZATION' },
  { name: 'Gulf Cooperation Council', aliases: ['GCC'], kind: 'INTERNATIONAL_ORGANIZATION' },
  {
    name: 'ECOWAS',
    aliases: ['Economic Community of West African States'],
    kind: 'INTERNATIONAL_ORGANIZATION',
  },
  {
    name: 'OPEC',
    aliases: ['Organization of the Petroleum Exporting Countries'],
    kind: 'INTERNATIONAL_ORGANIZATION',
  },
  {
    name: 'Shanghai Cooperation Organisation',
    aliases: ['SCO', 'Shanghai Cooperation Organization'],
    kind: 'INTERNATIONAL_ORGANIZATION',
  },
  { name: 'BRICS', aliases: [], kind: 'INTERNATIONAL_ORGANIZATION' },
  { name: 'International Atomic Energy Agency', aliases: ['IAEA'], kind: 'INTERNATIONAL_ORGANIZATION' },
  { name: 'International Monetary Fund', aliases: ['IMF'], kind: 'INTERNATIONAL_ORGANIZATION' },
  { name: 'World Bank', aliases: [], kind: 'INTERNATIONAL_ORGANIZATION' },
  {
    name: 'World Trade Organization',
    aliases: ['WTO', 'World Trade Organisation'],
    kind: 'INTERNATIONAL_ORGANIZATION',
  },
  {
    name: 'World Health Organization',
    aliases: ['WHO', 'World Health Organisation'],
    kind: 'INTERNATIONAL_ORGANIZATION',
  },
  { name: 'Commonwealth', aliases: ['Commonwealth of Nations'], kind: 'INTERNATIONAL_ORGANIZATION' },
  {
    name: 'Ukraine Defence Contact Group',
    aliases: ['Ukraine Defense Contact Group', 'UDCG', 'Ramstein group'],
    kind: 'CONTACT_GROUP',
  },
  { name: 'Joint Expeditionary Force', aliases: ['JEF'], kind: 'COALITION' },
  { name: 'AUKUS', aliases: [], kind: 'ALLIANCE' },
  { name: 'Quad', aliases: ['Quadrilateral Security Dialogue'], kind: 'OTHER' },
];

/**
 * Head nouns of organization names: a capitalised run ending in one of these is an organization
 * ("Nordic Defence Cooperation Group"), of the kind given; so is a quoted lower-case name holding
 * one ("the "coalition of the willing"").
 */
export const ORGANIZATION_HEADS: Record<
  string,
  'ALLIANCE' | 'COALITION' | 'CONTACT_GROUP' | 'INTERNATIONAL_ORGANIZATION' | 'GOVERNMENT_BODY' | 'OTHER'
> = {
  'contact group': 'CONTACT_GROUP',
  coalition: 'COALITION',
  alliance: 'ALLIANCE',
  group: 'OTHER',
  council: 'INTERNATIONAL_ORGANIZATION',
  union: 'INTERNATIONAL_ORGANIZATION',
  organization: 'INTERNATIONAL_ORGANIZATION',
  organisation: 'INTERNATIONAL_ORGANIZATION',
  commission: 'INTERNATIONAL_ORGANIZATION',
  community: 'INTERNATIONAL_ORGANIZATION',
  forum: 'OTHER',
  forces: 'OTHER',
  partnership: 'OTHER',
  initiative: 'OTHER',
  bloc: 'OTHER',
  parliament: 'GOVERNMENT_BODY',
};

/** Words that make a sentence about a meeting: verbs in every tense, and nouns. */
export const MEETING_VERBS = [
  'meet',
  'meets',
  'met',
  'meeting',
  'convene',
  'convenes',
  'convened',
  'gather',
  'gathers',
  'gathered',
  'hold talks',
  'held talks',
  'holds talks',
];
export const MEETING_NOUNS = [
  'phone call',
  'telephone call',
  'video call',
  'video conference',
  'videoconference',
  'bilateral',
  'state visit',
  'official visit',
  'meeting',
  'talks',
  'summit',
  'gathering',
  'conference',
  'session',
  'ministerial',
  'consultations',
  'signing ceremony',
  'ceremony',
];

/** Tense cues: a meeting sentence with one of these is scheduled (future) or cancelled. */
export const FUTURE_CUES = [
  'will',
  "'ll",
  'is to',
  'are to',
  'is due to',
  'are due to',
  'is set to',
  'are set to',
  'is scheduled to',
  'are scheduled to',
  'is expected to',
  'are expected to',
  'plans to',
  'plan to',
  'is planning to',
  'are planning to',
  'upcoming',
  'next week',
  'next month',
  'later this week',
  'later this month',
  'tomorrow',
  'scheduled for',
];
export const CANCELLED_CUES = ['cancelled', 'canceled', 'called off', 'postponed', 'scrapped', 'put off'];

/** "around 50 nations", "delegations from 12 countries": the reported number of participants. */
export const PARTICIPANT_COUNT_NOUNS = [
  'countries',
  'nations',
  'states',
  'delegations',
  'governments',
  'member states',
  'allies',
];
export const APPROXIMATE_WORDS = [
  'around',
  'about',
  'some',
  'nearly',
  'almost',
  'roughly',
  'approximately',
  'more than',
  'over',
  'up to',
  'at least',
];

/** Nation forms `world-countries` lacks or spells otherwise (metonyms and dotted short forms). */
export const EXTRA_NATION_FORMS: Record<string, string> = {
  'U.S.': 'USA',
  'U.S.A.': 'USA',
  America: 'USA',
  Washington: 'USA',
  'U.K.': 'GBR',
  Britain: 'GBR',
  'Great Britain': 'GBR',
  Kiev: 'UKR',
  Kyiv: 'UKR',
  Russian: 'RUS',
  Ukrainian: 'UKR',
  Emirati: 'ARE',
  Saudi: 'SAU',
  UAE: 'ARE',
  'U.A.E.': 'ARE',
  'South Korea': 'KOR',
  'North Korea': 'PRK',
  Iran: 'IRN',
  Syria: 'SYR',
  Czechia: 'CZE',
  'Czech Republic': 'CZE',
  Turkey: 'TUR',
  Türkiye: 'TUR',
  Holland: 'NLD',
  'the Netherlands': 'NLD',
  Beijing: 'CHN',
  Moscow: 'RUS',
  Tehran: 'IRN',
  Pyongyang: 'PRK',
  Seoul: 'KOR',
  Tokyo: 'JPN',
  'New Delhi': 'IND',
  Ankara: 'TUR',
  'the Vatican': 'VAT',
  // Seats of government that stand for their nation.
  Kremlin: 'RUS',
  'White House': 'USA',
  'Downing Street': 'GBR',
  Élysée: 'FRA',
  Elysee: 'FRA',
  'Élysée Palace': 'FRA',
};

/**
 * Capitals (from the package, plus the metonyms above) stand for their nation only as a speaker or
 * actor ("Moscow said", "Kyiv's allies"); after "in", "at", "to" or "from" they are places.
 */
export const PLACE_PREPOSITIONS = ['in', 'at', 'to', 'from', 'near', 'outside', 'inside', 'across', 'into'];

/** Capitalised words that are never names (sentence openers, months, days, titles of address). */
export const NOT_NAMES = [
  'The',
  'A',
  'An',
  'This',
  'That',
  'These',
  'Those',
  'It',
  'He',
  'She',
  'They',
  'We',
  'I',
  'Our',
  'His',
  'Her',
  'Their',
  'Its',
  'On',
  'In',
  'At',
  'By',
  'For',
  'From',
  'With',
  'But',
  'And',
  'Or',
  'As',
  'If',
  'When',
  'While',
  'After',
  'Before',
  'More',
  'Most',
  'Work',
  'Source',
  'Capitals',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'Western',
  'Eastern',
  'Northern',
  'Southern',
  'Also',
  'However',
  'Meanwhile',
  'Speaking',
  'Asked',
  'According',
  'Defence',
  'Defense',
  'Foreign',
  'Prime',
  'Minister',
  'Ministers',
];

/** Pronouns that point back to the last person named ("he added"). */
export const PERSON_PRONOUNS = ['he', 'she'];
export const GROUP_PRONOUNS = ['they'];

/** Event codes the graph already carries, by fact: CAMEO and PLOVER. */
export const MEETING_CODES = { cameo: '044', plover: 'CONSULT' };
export const STATEMENT_CAMEO = '010';
export const STANCE_CODES: Record<StanceName, { cameo?: string; plover?: string }> = {
  STRESSES: { cameo: '010' },
  REFUSES: { cameo: '120', plover: 'REJECT' },
  PLEDGES: { cameo: '030', plover: 'AGREE' },
  SUPPORTS: { cameo: '051', plover: 'SUPPORT' },
  OPPOSES: { cameo: '111', plover: 'ACCUSE' },
  HESITANT: { cameo: '014' },
};
