/**
 * The graph explorer: it opens on the latest meeting (or on the node named in the URL, `#id=...`);
 * search a name, pick a hit, and see its neighbourhood drawn with cytoscape, each node sized by its
 * degree in the view. Tap a node to expand it; select a node or edge to read its details and
 * evidence, and an actor's meetings per month. Filters hide node types and dates outside a range;
 * the view exports as GraphML or CSV. Reads only the public GraphQL API.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { corroborationLine, CORROBORATION_FIELDS } from './corroboration-line';
import { drawnView, nodeSizeForDegree, updateDegrees } from './drawn-view';
import { neighbourhood, type Entity, type EvidenceItem, type GraphNode } from './graph-data';
import { findLatestMeeting } from './latest-meeting';
import { ACTOR_MEETINGS_PER_MONTH, NEIGHBOURHOOD, SEARCH } from './queries';
import { renderTimelineStrip, timelineSpan } from './timeline-strip';
import { selectionFromHash, showSelectionInUrl } from './url-selection';
import { downloadText, exportFileName } from './download';
import { loadViewExport } from './load-view-export';
import type { TypedDocumentString } from '../generated/graphql';
import { persistedRequestBody } from '../persisted-request';
import './explorer.css';

const COLOURS: Record<string, string> = {
  Nation: '#1f77b4',
  Official: '#2ca02c',
  Organization: '#9467bd',
  Meeting: '#ff7f0e',
  Statement: '#17becf',
  Position: '#d62728',
  Topic: '#8c564b',
  Place: '#7f7f7f',
  Source: '#bcbd22',
};

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
const details = $('#details');
const status = $('#status');
const expanded = new Set<string>();
const entities = new Map<string, Entity>();
/** Types whose meetings the timeline strip can count. */
const ACTOR_TYPES = new Set(['Nation', 'Official', 'Organization']);
/** The node the details panel, the URL, the timeline strip and export file names are about. */
let selectedId: string | null = null;
/** Bumped by each fresh view, so answers for an earlier view never land in a later one. */
let viewGeneration = 0;

async function graphql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    },
    body: persistedRequestBody(document, variables),
  });
  const body = (await response.json()) as { data?: TResult; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data as TResult;
}

function showError(error: unknown) {
  status.textContent = `Error: ${(error as Error).message}`;
  status.className = 'error';
}

const cy: Core = cytoscape({
  container: $('#graph'),
  wheelSensitivity: 0.3,
  style: [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'background-color': (node) => COLOURS[node.data('type') as string] ?? '#333',
        color: '#222',
        'font-size': 10,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        width: (node: NodeSingular) => nodeSizeForDegree(node.data('degree') as number),
        height: (node: NodeSingular) => nodeSizeForDegree(node.data('degree') as number),
      },
    },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#222' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f1c40f' } },
    {
      selector: 'edge',
      style: {
        label: 'data(label)',
        'font-size': 8,
        color: '#555',
        width: 1.5,
        'line-color': '#bbb',
        'target-arrow-color': '#bbb',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        'text-rotation': 'autorotate',
        'text-background-color': '#fff',
        'text-background-opacity': 0.8,
      },
    },
    {
      selector: 'edge:selected',
      style: { 'line-color': '#f1c40f', 'target-arrow-color': '#f1c40f', width: 3 },
    },
    { selector: '.hidden', style: { display: 'none' } },
  ],
});

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Types whose node is itself a reported fact: a link to one is backed by that fact's evidence. */
const FACT_TYPES = new Set(['Meeting', 'Statement', 'Position']);

function evidenceHtml(
  evidence: EvidenceItem[],
  none = 'No evidence loaded for this item; expand it to fetch its evidence.',
): string {
  if (evidence.length === 0) return `<p class="muted">${escapeHtml(none)}</p>`;
  return evidence
    .map(
      (item) =>
        `<blockquote class="evidence">${escapeHtml(item.excerpt)}<footer>${escapeHtml(item.source.publisher)}, ${escapeHtml(item.source.publishedAt)} · ${escapeHtml(item.source.title)}</footer></blockquote>`,
    )
    .join('');
}

function showNode(id: string) {
  const entity = entities.get(id);
  if (!entity) return;
  const rows = Object.entries(entity)
    .filter(
      ([key, value]) =>
        (typeof value === 'string' || typeof value === 'number') && !CORROBORATION_FIELDS.includes(key),
    )
    .map(([key, value]) => `<tr><th>${escapeHtml(key)}</th><td>${escapeHtml(String(value))}</td></tr>`)
    .join('');
  const reported = corroborationLine(entity);
  const corroboration = reported ? `<p class="corroboration">${escapeHtml(reported)}</p>` : '';
  details.innerHTML = `<h2>${escapeHtml(entity.__typename)}</h2>${corroboration}<table>${rows}</table><h3>Evidence</h3>${evidenceHtml(evidenceOf(entity))}`;
}

function evidenceOf(entity: Entity | undefined): EvidenceItem[] {
  return Array.isArray(entity?.evidence) ? (entity.evidence as EvidenceItem[]) : [];
}

/**
 * A link's evidence: its own excerpts when it has them (membership, leadership, a role); else those
 * of the fact at either end (the meeting attended, the statement made, the position taken). Never
 * an end's evidence about itself, which would not back the link.
 */
function showEdge(source: string, target: string, label: string, own?: EvidenceItem[]) {
  const from = entities.get(source);
  const to = entities.get(target);
  const fact = [to, from].find((entity) => entity && FACT_TYPES.has(entity.__typename));
  const evidence = own && own.length > 0 ? own : evidenceOf(fact);
  const none = fact
    ? `No evidence loaded for this ${fact.__typename.toLowerCase()}; expand it to fetch its evidence.`
    : 'No excerpt records this link itself; select either end to read its own evidence.';
  details.innerHTML = `<h2>${escapeHtml(label)}</h2><p>${escapeHtml(from ? String(from.name ?? from.title ?? from.id) : source)} → ${escapeHtml(to ? String(to.name ?? to.title ?? to.id) : target)}</p><h3>Evidence</h3>${evidenceHtml(evidence, none)}`;
}

function addElements(
  nodes: GraphNode[],
  edges: { id: string; source: string; target: string; label: string }[],
) {
  const elements: ElementDefinition[] = [];
  for (const node of nodes) {
    const known = entities.get(node.id);
    // Keep the richest version of each entity (a neighbour list carries fewer fields than its own query).
    if (!known || Object.keys(node.data).length > Object.keys(known).length) entities.set(node.id, node.data);
    if (cy.getElementById(node.id).empty())
      elements.push({
        group: 'nodes',
        data: { id: node.id, label: node.label, type: node.type, date: node.date ?? '' },
      });
  }
  for (const edge of edges) {
    if (cy.getElementById(edge.id).empty()) elements.push({ group: 'edges', data: edge });
  }
  cy.add(elements);
}

async function expand(id: string) {
  if (expanded.has(id)) return;
  const view = viewGeneration;
  status.textContent = 'Loading…';
  status.className = '';
  try {
    const data = await graphql(NEIGHBOURHOOD, { id });
    // A new view was opened meanwhile (a search hit picked while the first view loads): drop this one.
    if (view !== viewGeneration) return;
    if (!data.node) throw new Error(`Nothing has the id ${id}; search for it by name instead.`);
    const { nodes, edges } = neighbourhood(data.node);
    addElements(nodes, edges);
    entities.set(id, data.node);
    expanded.add(id);
    cy.getElementById(id).addClass('expanded');
    applyFilters();
    cy.layout({
      name: 'cose',
      animate: false,
      fit: true,
      padding: 40,
      // Strong repulsion and weak gravity: a hub's neighbours (a meeting has twenty) spread out
      // far enough that their wrapped labels don't pile up on the hub.
      nodeRepulsion: () => 600_000,
      idealEdgeLength: () => 160,
      nodeOverlap: 60,
      gravity: 0.15,
      numIter: 2500,
    }).run();
    status.textContent = `${cy.nodes().length} nodes, ${cy.edges().length} edges. Tap a node to expand it; select one to read its evidence.`;
  } catch (error) {
    showError(error);
  }
}

function applyFilters() {
  const visibleTypes = new Set(
    [...document.querySelectorAll<HTMLInputElement>('#types input:checked')].map((input) => input.value),
  );
  const from = $<HTMLInputElement>('#from').value;
  const to = $<HTMLInputElement>('#to').value;
  cy.nodes().forEach((node) => {
    const date = node.data('date') as string;
    const inRange = !date || ((!from || date >= from) && (!to || date <= to));
    node.toggleClass('hidden', !visibleTypes.has(node.data('type') as string) || !inRange);
  });
  // Sizes follow the degree among what is drawn, so they change with the filters too.
  updateDegrees(cy);
}

function buildLegend() {
  const types = $('#types');
  types.innerHTML = Object.entries(COLOURS)
    .map(
      ([type, colour]) =>
        `<label><input type="checkbox" value="${type}" checked /><span class="swatch" style="background:${colour}"></span>${type}</label>`,
    )
    .join('');
  types.addEventListener('change', applyFilters);
  $('#from').addEventListener('change', applyFilters);
  $('#to').addEventListener('change', applyFilters);
}

async function search(event: Event) {
  event.preventDefault();
  const text = $<HTMLInputElement>('#search-text').value;
  const hits = $('#hits');
  hits.innerHTML = '';
  try {
    const data = await graphql(SEARCH, { text });
    if (data.search.length === 0) hits.innerHTML = '<li class="muted">No match.</li>';
    for (const hit of data.search) {
      // Each type labels itself by a different field: read them as a generic entity's.
      const node: Entity = hit.node;
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = hit.node.id;
      button.innerHTML = `<span class="swatch" style="background:${COLOURS[hit.node.__typename] ?? '#333'}"></span>${escapeHtml(String(node.name ?? node.title ?? node.summary ?? node.text ?? node.id))} <small>${hit.node.__typename}</small>`;
      button.addEventListener('click', () => void openOn(hit.node.id));
      item.append(button);
      hits.append(item);
    }
  } catch (error) {
    showError(error);
  }
}

/** Starts a fresh view on one node: its neighbourhood, selected, with its details and timeline. */
async function openOn(id: string) {
  const view = ++viewGeneration;
  cy.elements().remove();
  expanded.clear();
  await expand(id);
  if (view !== viewGeneration || cy.getElementById(id).empty()) return;
  cy.getElementById(id).select();
  select(id);
}

/** Makes `id` the selection: details panel, URL, and the timeline strip when it is an actor. */
function select(id: string) {
  selectedId = id;
  showSelectionInUrl(id);
  showNode(id);
  void showTimeline(id);
}

const timeline = $('#timeline');
/** Bumped on each selection, so a slow answer for an earlier one never draws over a later one. */
let timelineRequest = 0;

async function showTimeline(id: string) {
  const request = ++timelineRequest;
  const actor = entities.get(id);
  if (!actor || !ACTOR_TYPES.has(actor.__typename)) {
    timeline.hidden = true;
    return;
  }
  const span = timelineSpan(actor);
  try {
    const data = await graphql(ACTOR_MEETINGS_PER_MONTH, { actor: id, ...span });
    if (request !== timelineRequest) return;
    $('#timeline-heading').textContent = `Meetings per month · ${String(actor.name ?? id)}`;
    timeline.dataset.actor = id;
    timeline.dataset.from = span.from;
    timeline.dataset.to = span.to;
    renderTimelineStrip(
      $('#timeline-bars'),
      $('#timeline-readout'),
      data.timeSeries.buckets,
      data.timeSeries.total,
    );
    timeline.hidden = false;
  } catch (error) {
    if (request === timelineRequest) showError(error);
  }
}

/** Without a node in the URL, the view opens on the newest meeting and who attended it. */
async function openFirstView() {
  const id = selectionFromHash(window.location.hash);
  if (id) return openOn(id);
  status.textContent = 'Finding the latest meeting…';
  try {
    const latest = await findLatestMeeting(graphql);
    // The user opened something else first: theirs wins.
    if (viewGeneration > 0) return;
    if (!latest) {
      status.textContent = 'No meetings yet. Search, then pick a hit.';
      return;
    }
    await openOn(latest.id);
    // Say why this view, unless the user has moved on or the view failed to load.
    if (viewGeneration === 1 && !status.className)
      status.textContent = `The latest meeting (${latest.meetingDate}). ${status.textContent ?? ''}`;
  } catch (error) {
    showError(error);
  }
}

async function exportView(format: 'graphml' | 'csv') {
  let viewToGraphml, viewToCsv;
  try {
    ({ viewToGraphml, viewToCsv } = await loadViewExport());
  } catch (error) {
    showError(error);
    return;
  }
  const view = drawnView(cy);
  const today = new Date();
  if (format === 'graphml')
    downloadText(
      exportFileName(selectedId, today, 'graphml'),
      'application/graphml+xml',
      viewToGraphml(view),
    );
  else downloadText(exportFileName(selectedId, today, 'csv'), 'text/csv', viewToCsv(view));
}

cy.on('tap', 'node', (event) => {
  const id = event.target.id() as string;
  showNode(id);
  // Selected once expanded: the timeline strip needs the node's own answer, not a neighbour's stub.
  void expand(id).then(() => select(id));
});
cy.on('select', 'edge', (event) =>
  showEdge(
    event.target.data('source') as string,
    event.target.data('target') as string,
    event.target.data('label') as string,
    event.target.data('evidence') as EvidenceItem[] | undefined,
  ),
);
$('#search').addEventListener('submit', (event) => void search(event));
$('#export-graphml').addEventListener('click', () => void exportView('graphml'));
$('#export-csv').addEventListener('click', () => void exportView('csv'));
// A link pasted into the address bar of an open explorer opens its node too.
window.addEventListener('hashchange', () => {
  const id = selectionFromHash(window.location.hash);
  if (id && id !== selectedId) void openOn(id);
});
buildLegend();
void openFirstView();

/** A hook for tests and scripts: the graph, and a way to expand a node without pointer events. */
(window as unknown as { __explorer: unknown }).__explorer = { cy, expand, showNode, showEdge };
