/**
 * The review page: paste an article, draft it (`draftDocument`), judge each proposed fact against
 * its highlighted excerpt, correct what is wrong, and import the result (`importDocument`) with an
 * editor's key. The document imported is built by applyReview, the code the unit tests check.
 * Everything is built with DOM calls (never HTML strings), since the text and names are the user's.
 */
import { config as zodConfig } from 'zod';
import {
  applyReview,
  ReviewError,
  type FactDecision,
  type ReviewDecisions,
} from '../../extract/draft-review';
import type { ArticleInput, Draft, DraftEntity, DraftFact } from '../../extract/draft.types';
import { MeetingStatus, Stance } from '../../ingest/document.format';
import { draftFromAnswer } from './draft-answer';
import type { TypedDocumentString } from '../generated/graphql';
import { persistedRequestBody } from '../persisted-request';
import { DRAFT_DOCUMENT, IMPORT_DOCUMENT } from './queries';
import { innermostFact, segmentText, fitsText } from './spans';
import './review.css';

// Zod probes for `new Function` before its first object parse; the page's CSP forbids eval, and
// Chromium reports even a caught attempt as a violation. The interpreted path is just as correct.
zodConfig({ jitless: true });

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
const ACTOR_KINDS = new Set<DraftEntity['kind']>(['NATION', 'OFFICIAL', 'ORGANIZATION']);

let draft: Draft | undefined;
let decisions: ReviewDecisions = {};
let selectedFact: string | undefined;

/** Builds an element: attributes (undefined ones skipped), then children as nodes or text. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; problems?: { record: string; field: string; message: string }[] };
  }[];
}

async function graphql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  key?: string,
): Promise<GraphQLAnswer<TResult>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: persistedRequestBody(document, variables),
  });
  try {
    return (await response.json()) as GraphQLAnswer<TResult>;
  } catch {
    return { errors: [{ message: `The server answered HTTP ${response.status} without a GraphQL answer.` }] };
  }
}

/** Each error as "CODE: message", with the import validator's problems one a line. */
function errorLines(errors: NonNullable<GraphQLAnswer<unknown>['errors']>): string[] {
  return errors.flatMap((error) => {
    const code = error.extensions?.code ?? 'ERROR';
    const problems = error.extensions?.problems ?? [];
    if (problems.length === 0) return [`${code}: ${error.message}`];
    return [`${code}: nothing was written`, ...problems.map((p) => `${p.record}: ${p.field}: ${p.message}`)];
  });
}

function showStatus(element: HTMLElement, lines: string[], kind: 'info' | 'success' | 'error') {
  element.className = kind;
  element.replaceChildren(...lines.map((line) => h('div', {}, line)));
}

// ---- Drafting -------------------------------------------------------------------------------

function articleFromForm(): ArticleInput {
  const value = (id: string) => $<HTMLInputElement | HTMLTextAreaElement>(id).value;
  const url = value('#article-url').trim();
  return {
    text: value('#article-text'),
    title: value('#article-title').trim(),
    publisher: value('#article-publisher').trim(),
    publishedAt: value('#article-published-at'),
    ...(url ? { url } : {}),
  };
}

async function draftArticle(event: Event) {
  event.preventDefault();
  const status = $('#draft-status');
  const button = $<HTMLButtonElement>('#draft-button');
  button.disabled = true;
  showStatus(status, ['Drafting…'], 'info');
  try {
    const answer = await graphql(
      DRAFT_DOCUMENT,
      { article: articleFromForm() },
      // Where reads need a key too (REQUIRE_KEY_FOR_READS), the editor's key serves.
      $<HTMLInputElement>('#api-key').value || undefined,
    );
    if (answer.errors?.length || !answer.data) {
      showStatus(status, errorLines(answer.errors ?? [{ message: 'No draft came back.' }]), 'error');
      return;
    }
    draft = draftFromAnswer(answer.data.draftDocument);
    decisions = {};
    selectedFact = undefined;
    renderDraft(draft);
    const { facts, entities } = draft;
    showStatus(
      status,
      [`Drafted ${facts.length} facts and ${entities.length} entities. Review them below.`],
      'success',
    );
  } catch (error) {
    showStatus(status, [(error as Error).message], 'error');
  } finally {
    button.disabled = false;
  }
}

// ---- Rendering the draft --------------------------------------------------------------------

function renderDraft(current: Draft) {
  renderArticle(current);
  $('#facts').replaceChildren(...current.facts.map((fact, index) => factCard(current, fact, index)));
  renderEntities(current.entities);
  const warnings = [...current.warnings, ...spanWarnings(current)];
  $('#warnings').replaceChildren(
    ...(warnings.length > 0 ? warnings.map((w) => h('li', {}, w)) : [h('li', { class: 'muted' }, 'None.')]),
  );
  showStatus($('#import-result'), [], 'info');
  $('#review-section').hidden = false;
  $('#import-section').hidden = false;
  refresh();
}

function spanWarnings(current: Draft): string[] {
  const length = current.document.source.text.length;
  return current.facts
    .filter((fact) => !fitsText(fact, length))
    .map(
      (fact) =>
        `${fact.id}: its span (${fact.start}–${fact.end}) is not in the text, so it is not highlighted`,
    );
}

/** The text once, with a <mark> over every run that some fact's span covers. */
function renderArticle(current: Draft) {
  const text = current.document.source.text;
  const view = $('#article-view');
  view.replaceChildren(
    ...segmentText(text.length, current.facts).map((segment) => {
      const piece = text.slice(segment.start, segment.end);
      if (segment.factIds.length === 0) return document.createTextNode(piece);
      const summaries = current.facts.filter((f) => segment.factIds.includes(f.id)).map((f) => f.summary);
      return h('mark', { 'data-facts': segment.factIds.join(' '), title: summaries.join('\n') }, piece);
    }),
  );
}

const ACTOR_LABEL: Partial<Record<DraftFact['kind'], string>> = { STATEMENT: 'Speaker', POSITION: 'Holder' };

function factCard(current: Draft, fact: DraftFact, index: number): HTMLLIElement {
  const summaryId = `fact-summary-${index}`;
  const described = { 'aria-describedby': summaryId };
  const field = (label: string, control: HTMLElement) => h('label', {}, `${label} `, control);
  const controls: HTMLElement[] = [];
  const actorLabel = ACTOR_LABEL[fact.kind];
  if (actorLabel) {
    const actors = current.entities.filter((entity) => ACTOR_KINDS.has(entity.kind));
    controls.push(field(actorLabel, entitySelect('actor', actors, fact.actor, described)));
  }
  if (fact.kind === 'POSITION') {
    controls.push(field('Stance', valueSelect('stance', Stance.options, fact.stance, described)));
    const topics = current.entities.filter((entity) => entity.kind === 'TOPIC');
    controls.push(field('Topic', entitySelect('topic', topics, fact.topic, described)));
  }
  controls.push(
    field('Date', h('input', { type: 'date', 'data-field': 'date', value: fact.date ?? '', ...described })),
  );
  if (fact.kind === 'MEETING')
    controls.push(field('Status', valueSelect('status', MeetingStatus.options, fact.status, described)));

  const name = `decision-${index}`;
  const radio = (value: 'accept' | 'reject', label: string) => {
    const input = h('input', { type: 'radio', name, value, 'data-decision': value, ...described });
    input.checked = value === 'accept';
    return h('label', {}, input, ` ${label}`);
  };
  const details: HTMLElement[] = [];
  if (fact.kind === 'STATEMENT' && fact.text)
    details.push(h('p', { class: 'fact-text' }, `${fact.statementKind ?? 'STATEMENT'}: ${fact.text}`));
  if (fact.kind === 'MEETING' && fact.text) details.push(h('p', { class: 'fact-text' }, fact.text));

  const card = h(
    'li',
    { class: 'fact', 'data-fact-id': fact.id, 'data-kind': fact.kind },
    h(
      'div',
      { class: 'fact-head' },
      h('span', { class: `kind kind-${fact.kind.toLowerCase()}` }, fact.kind),
      h(
        'span',
        { class: 'confidence', title: 'How sure the drafter is, 0 to 1' },
        `confidence ${fact.confidence.toFixed(2)}`,
      ),
    ),
    h(
      'button',
      { type: 'button', class: 'fact-summary', id: summaryId, 'data-action': 'select' },
      fact.summary,
    ),
    h('blockquote', { class: 'excerpt' }, fact.excerpt),
    ...details,
    h(
      'fieldset',
      { class: 'decision' },
      h('legend', {}, 'Decision'),
      radio('accept', 'Accept'),
      radio('reject', 'Reject'),
    ),
    h('div', { class: 'corrections' }, ...controls),
  );
  card.addEventListener('change', () => {
    decisions[fact.id] = decisionOf(card, fact);
    refresh();
  });
  card.querySelector('[data-action=select]')!.addEventListener('click', () => selectFact(fact.id, 'text'));
  return card;
}

function valueSelect(
  fieldName: string,
  values: readonly string[],
  current: string | undefined,
  extra: Record<string, string>,
) {
  const options = values.map((value) => h('option', { value }, value));
  if (current === undefined) options.unshift(h('option', { value: '' }, '(none)'));
  const select = h('select', { 'data-field': fieldName, ...extra }, ...options);
  select.value = current ?? '';
  return select;
}

/**
 * The draft's entities of the right kinds, each an option; an ambiguous one also offers the
 * existing entities it could be. The drafted value is always an option, even when the draft lists
 * no entity for it (an id already in the graph).
 */
function entitySelect(
  fieldName: string,
  entities: DraftEntity[],
  current: string | undefined,
  extra: Record<string, string>,
) {
  const options: HTMLOptionElement[] = [];
  for (const entity of entities) {
    const kind = entity.kind.toLowerCase();
    const note =
      entity.decision === 'EXISTING' ? 'in the graph' : entity.decision === 'NEW' ? 'new' : 'new; ambiguous';
    options.push(h('option', { value: entity.id }, `${entity.name} (${kind}, ${note})`));
    for (const candidate of entity.decision === 'AMBIGUOUS' ? entity.candidates : [])
      options.push(h('option', { value: candidate }, `${entity.name}: existing ${candidate}`));
  }
  if (current !== undefined && !options.some((option) => option.value === current))
    options.unshift(h('option', { value: current }, current));
  if (current === undefined) options.unshift(h('option', { value: '' }, '(none)'));
  const select = h('select', { 'data-field': fieldName, ...extra }, ...options);
  select.value = current ?? '';
  return select;
}

/** What the card says now: accepted or not, and each control whose value differs from the draft's. */
function decisionOf(card: HTMLElement, fact: DraftFact): FactDecision {
  const decision: FactDecision = {
    accept: !card.querySelector<HTMLInputElement>('[data-decision=reject]')!.checked,
  };
  for (const control of card.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-field]')) {
    const name = control.dataset.field as Exclude<keyof FactDecision, 'accept'>;
    const changed = control.value !== (fact[name] ?? '');
    control.classList.toggle('changed', changed);
    if (changed) decision[name] = control.value;
  }
  return decision;
}

function renderEntities(entities: DraftEntity[]) {
  const attention = entities.filter((entity) => entity.decision === 'AMBIGUOUS').length;
  $('#entities-heading').textContent =
    `Entities (${entities.length}${attention > 0 ? `, ${attention} need${attention === 1 ? 's' : ''} attention` : ''})`;
  // Those that need a reviewer's attention first; otherwise in the draft's order.
  const ordered = [...entities].sort(
    (a, b) => Number(b.decision === 'AMBIGUOUS') - Number(a.decision === 'AMBIGUOUS'),
  );
  $('#entities').replaceChildren(
    ...ordered.map((entity) => {
      const item = h(
        'li',
        {
          class: `entity decision-${entity.decision.toLowerCase()}`,
          'data-entity-id': entity.id,
          'data-decision': entity.decision,
        },
        h('span', { class: 'badge' }, entity.decision),
        ' ',
        h('strong', {}, entity.name),
        ` ${entity.kind.toLowerCase()} · ${entity.id} · ${entity.mentions.length} mention${entity.mentions.length === 1 ? '' : 's'}`,
        h('div', { class: 'muted' }, entity.reason),
      );
      if (entity.decision === 'AMBIGUOUS')
        item.append(
          h(
            'div',
            { class: 'attention' },
            `Needs attention: could be ${entity.candidates.join(' or ')}. Pick one as a fact's speaker or holder, or keep the new ${entity.id}.`,
          ),
        );
      return item;
    }),
  );
}

// ---- Decisions, selection and the document to import ----------------------------------------

/** After any decision: rejected styling, counts, and the document applyReview makes of them. */
function refresh() {
  if (!draft) return;
  const rejected = new Set(
    Object.entries(decisions)
      .filter(([, d]) => !d.accept)
      .map(([id]) => id),
  );
  for (const card of document.querySelectorAll<HTMLElement>('#facts [data-fact-id]'))
    card.classList.toggle('rejected', rejected.has(card.dataset.factId!));
  for (const mark of document.querySelectorAll<HTMLElement>('#article-view mark')) {
    const ids = mark.dataset.facts!.split(' ');
    mark.classList.toggle(
      'rejected',
      ids.every((id) => rejected.has(id)),
    );
    mark.classList.toggle('current', selectedFact !== undefined && ids.includes(selectedFact));
  }
  const accepted = draft.facts.length - rejected.size;
  $('#facts-heading').textContent = `Facts (${accepted} of ${draft.facts.length} accepted)`;

  const problems = $('#review-problems');
  const button = $<HTMLButtonElement>('#import-button');
  try {
    $('#document-json').textContent = JSON.stringify(applyReview(draft, decisions), null, 2);
    problems.replaceChildren();
    button.disabled = false;
  } catch (error) {
    const lines = error instanceof ReviewError ? error.message.split('\n') : [(error as Error).message];
    problems.replaceChildren(
      h('p', {}, 'Fix these before importing:'),
      h('ul', {}, ...lines.map((l) => h('li', {}, l))),
    );
    button.disabled = true;
  }
}

function setAll(accept: boolean) {
  if (!draft) return;
  for (const card of document.querySelectorAll<HTMLElement>('#facts [data-fact-id]')) {
    card.querySelector<HTMLInputElement>(`[data-decision=${accept ? 'accept' : 'reject'}]`)!.checked = true;
    const fact = draft.facts.find((f) => f.id === card.dataset.factId)!;
    decisions[fact.id] = decisionOf(card, fact);
  }
  refresh();
}

/** Selects a fact: its card and its span both marked; `reveal` says which one to scroll to. */
function selectFact(id: string, reveal: 'text' | 'card') {
  selectedFact = id;
  for (const card of document.querySelectorAll<HTMLElement>('#facts [data-fact-id]'))
    card.classList.toggle('selected', card.dataset.factId === id);
  refresh();
  const target =
    reveal === 'text'
      ? document.querySelector<HTMLElement>('#article-view mark.current')
      : document.querySelector<HTMLElement>(`#facts [data-fact-id="${CSS.escape(id)}"]`);
  target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

$('#article-view').addEventListener('click', (event) => {
  const mark = (event.target as HTMLElement).closest('mark');
  if (!mark || !draft) return;
  const id = innermostFact(mark.dataset.facts!.split(' '), draft.facts);
  if (id) selectFact(id, 'card');
});

// ---- Import ---------------------------------------------------------------------------------

async function importReviewed(event: Event) {
  event.preventDefault();
  if (!draft) return;
  const result = $('#import-result');
  const button = $<HTMLButtonElement>('#import-button');
  delete result.dataset.status;
  let reviewed;
  try {
    reviewed = applyReview(draft, decisions);
  } catch (error) {
    showStatus(result, (error as Error).message.split('\n'), 'error');
    return;
  }
  button.disabled = true;
  showStatus(result, ['Importing…'], 'info');
  try {
    const answer = await graphql(
      IMPORT_DOCUMENT,
      { document: reviewed },
      $<HTMLInputElement>('#api-key').value,
    );
    const outcome = answer.data?.importDocument;
    if (answer.errors?.length || !outcome) {
      showStatus(result, errorLines(answer.errors ?? [{ message: 'No answer came back.' }]), 'error');
      return;
    }
    result.dataset.status = outcome.status;
    showStatus(
      result,
      [
        `Imported: ${outcome.status} (${outcome.sourceId ?? reviewed.source.id}).`,
        `${outcome.nodesCreated} nodes and ${outcome.relationshipsCreated} relationships created; ` +
          `${reviewed.meetings.length} meetings, ${reviewed.statements.length} statements and ${reviewed.positions.length} positions sent.`,
      ],
      'success',
    );
  } catch (error) {
    showStatus(result, [(error as Error).message], 'error');
  } finally {
    button.disabled = false;
  }
}

$('#article-form').addEventListener('submit', (event) => void draftArticle(event));
$('#import-form').addEventListener('submit', (event) => void importReviewed(event));
$('#accept-all').addEventListener('click', () => setAll(true));
$('#reject-all').addEventListener('click', () => setAll(false));

/** A hook for tests and scripts: the draft, the decisions, and the document they make. */
(window as unknown as { __review: unknown }).__review = {
  draft: () => draft,
  decisions: () => decisions,
  document: () => (draft ? applyReview(draft, decisions) : undefined),
};
