/**
 * Synthetic fixtures for the network tests (not reporting of any real event): small import
 * documents of made-up nations (user-assigned ISO codes XAA-XZZ), meetings between them and stances
 * they take, each fact backed by a sentence of a made-up source text.
 */
import type { RunningApi } from '../../src/api';
import { loadDocument } from '../../src/ingest/document.loader';
import { formatDocumentError, validateDocument } from '../../src/ingest/document.validate';
import type { Json } from './documents';

export interface SyntheticNetwork {
  /** Three lower-case letters each: `xaa` becomes nation:xaa, "Synthetic Xaa". */
  nations: string[];
  topics?: { id: string; broader?: string }[];
  meetings?: { id: string; date: string; participants: string[] }[];
  positions?: { id: string; holder: string; topic: string; stance: string; date: string }[];
}

export function syntheticNetworkDocument(name: string, network: SyntheticNetwork): Json {
  const sentences: string[] = [`This synthetic test fixture ${name} reports nothing real.`];
  const say = (sentence: string) => {
    sentences.push(sentence);
    return [{ excerpt: sentence }];
  };
  const nationName = (code: string) => `Synthetic ${code[0].toUpperCase()}${code.slice(1)}`;
  const document = {
    format: 'diplomacy-graph/document@1',
    nations: network.nations.map((code) => ({
      id: `nation:${code}`,
      name: nationName(code),
      iso3: code.toUpperCase(),
      evidence: say(`${nationName(code)} is a made-up nation of fixture ${name}.`),
    })),
    topics: (network.topics ?? []).map((topic) => ({
      id: topic.id,
      name: `Synthetic topic ${topic.id.slice('topic:'.length)}`,
      ...(topic.broader ? { broader: topic.broader } : {}),
    })),
    meetings: (network.meetings ?? []).map((meeting) => ({
      id: meeting.id,
      title: `Synthetic meeting ${meeting.id.slice('meeting:'.length)}`,
      date: meeting.date,
      status: 'HELD',
      participants: meeting.participants.map((code) => `nation:${code}`),
      evidence: say(
        `On ${meeting.date} the synthetic meeting ${meeting.id.slice('meeting:'.length)} brought together ${meeting.participants.map(nationName).join(', ')}.`,
      ),
    })),
    positions: (network.positions ?? []).map((position) => ({
      id: position.id,
      stance: position.stance,
      holder: `nation:${position.holder}`,
      topic: position.topic,
      summary: `${position.stance} ${position.topic}`,
      date: position.date,
      evidence: say(
        `On ${position.date} ${nationName(position.holder)} took the stance ${position.stance} on ${position.topic}.`,
      ),
    })),
  };
  return {
    ...document,
    source: {
      id: `source:synthetic-${name}`,
      title: `Synthetic fixture ${name}`,
      publisher: 'Synthetic Test Fixtures',
      publishedAt: '2025-12-31',
      text: sentences.join('\n'),
    },
  };
}

/** Validates and loads a synthetic document, as an import would. */
export async function loadSyntheticNetwork(api: RunningApi, name: string, network: SyntheticNetwork) {
  const document = syntheticNetworkDocument(name, network);
  const validated = validateDocument(document, `${name}.json`);
  if (!validated.ok) throw new Error(validated.errors.map(formatDocumentError).join('\n'));
  await loadDocument(api.db, validated.document, `${name}.json`, validated.unresolvedReferences);
}
