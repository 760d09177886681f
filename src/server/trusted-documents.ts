/**
 * Trusted documents: the persisted-documents manifest `npm run codegen` writes (hash -> document,
 * every operation the project ships) and the rule of TRUSTED_DOCUMENTS=required: a key without the
 * ad-hoc grant (auth/api-keys.ts) runs only manifest operations, sent as text or by id. One owner of
 * the rule for every transport: the Apollo plugin (plugins/trusted-documents.plugin.ts) calls
 * `refusal`, and so must a graphql-ws `onSubscribe` for subscriptions.
 */
import { createHash } from 'node:crypto';
import { Kind, parse, type DocumentNode } from 'graphql';
import { OperationNotTrustedError } from '../errors';
import manifest from '../web/generated/persisted-documents.json';
import { canonicalDocumentText } from './canonical-document';
import type { Principal } from './context';

export type TrustedDocumentsMode = 'off' | 'required';

/** The manifest names each document `sha256:<hex of its text>`; APQ clients send the bare hex. */
const ID_PREFIX = 'sha256:';
/** Texts recognised (or not) lately, by their sha256: the pages send the same few again and again. */
const RECOGNISED_KEPT = 1000;

export class TrustedDocuments {
  private readonly textById = new Map<string, string>();
  private readonly idByCanonicalText = new Map<string, string>();
  private readonly recognised = new Map<string, string | null>();

  constructor(
    readonly mode: TrustedDocumentsMode,
    entries: Record<string, string> = manifest,
  ) {
    for (const [id, text] of Object.entries(entries)) {
      const hex = id.startsWith(ID_PREFIX) ? id.slice(ID_PREFIX.length) : id;
      this.textById.set(hex, text);
      this.idByCanonicalText.set(canonicalDocumentText(parse(text)), hex);
    }
  }

  /** The names of the manifest's operations: the project's own, for metric labels (api-metrics.ts). */
  operationNames(): string[] {
    return [...this.textById.values()].flatMap((text) =>
      parse(text).definitions.flatMap((definition) =>
        definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [],
      ),
    );
  }

  get size(): number {
    return this.textById.size;
  }

  /** The manifest document with this id (`sha256:<hex>`, as `documentId`) or bare hex (APQ's `sha256Hash`). */
  text(idOrHash: string): string | undefined {
    return this.textById.get(idOrHash.startsWith(ID_PREFIX) ? idOrHash.slice(ID_PREFIX.length) : idOrHash);
  }

  /** The manifest id of an operation's text, whatever its layout and order, or undefined when it is ad hoc. */
  idOf(source: string, document: DocumentNode, sourceHash = sha256Hex(source)): string | undefined {
    if (this.textById.has(sourceHash)) return `${ID_PREFIX}${sourceHash}`;
    let hex = this.recognised.get(sourceHash);
    if (hex === undefined) {
      hex = this.idByCanonicalText.get(canonicalDocumentText(document)) ?? null;
      // Bounded: a stream of distinct ad-hoc texts only ever replaces the oldest answers.
      if (this.recognised.size >= RECOGNISED_KEPT)
        this.recognised.delete(this.recognised.keys().next().value!);
      this.recognised.set(sourceHash, hex);
    }
    return hex === null ? undefined : `${ID_PREFIX}${hex}`;
  }

  /** Why this operation may not run for this key, or undefined when it may. */
  refusal(
    principal: Principal | undefined,
    source: string,
    document: DocumentNode,
    sourceHash?: string,
  ): OperationNotTrustedError | undefined {
    if (this.mode === 'off' || principal?.adHoc || isIntrospectionOnly(document)) return undefined;
    if (this.idOf(source, document, sourceHash) !== undefined) return undefined;
    return new OperationNotTrustedError(
      'Only the operations of the trusted-documents manifest run here: send one of them (its text, or its `documentId`), ' +
        'or use a key with the ad-hoc grant (an admin key, or an entry ending in ":adhoc"). ' +
        'To add an operation to the manifest, add it to the project and run `npm run codegen`.',
    );
  }
}

/**
 * Schema discovery (GraphiQL's docs and completion) is INTROSPECTION's to allow or refuse, not the
 * manifest's: an operation that selects only `__schema`, `__type` and `__typename` passes here.
 */
function isIntrospectionOnly(document: DocumentNode): boolean {
  return document.definitions.every(
    (definition) =>
      definition.kind !== Kind.OPERATION_DEFINITION ||
      definition.selectionSet.selections.every(
        (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
      ),
  );
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
