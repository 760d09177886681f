/**
 * Trusted documents without a server: the manifest recognises its operations whatever their layout
 * (server/canonical-document.ts), refuses edited ones for keys without the grant, and key entries
 * carry the grant as an optional `:adhoc` suffix that older entries simply lack.
 */
import { parse } from 'graphql';
import { createKey, parseKeyEntries } from '../../src/auth/api-keys';
import { loadConfig } from '../../src/config';
import { canonicalDocumentText } from '../../src/server/canonical-document';
import { TrustedDocuments } from '../../src/server/trusted-documents';
import manifest from '../../src/web/generated/persisted-documents.json';

const reader = { keyId: 'r', role: 'reader' as const, adHoc: false };
const granted = { keyId: 'g', role: 'reader' as const, adHoc: true };
const refusalOf = (trusted: TrustedDocuments, text: string, principal = reader) =>
  trusted.refusal(principal, text, parse(text))?.extensions.code;

describe('canonicalDocumentText', () => {
  it('is the same for reordered fields, arguments, variables, input fields and fragments, and comments', () => {
    const a = `# a comment
      query Q($b: Int, $a: String) { x(p: 1, q: { m: 1, n: 2 }) { b a ...F } }
      fragment F on T { z y }`;
    const b = `fragment F on T { y z }
      query Q($a: String, $b: Int) { x(q: { n: 2, m: 1 }, p: 1) { ...F a b } }`;
    expect(canonicalDocumentText(parse(a))).toBe(canonicalDocumentText(parse(b)));
  });

  it('differs when a field, an alias or an argument value differs', () => {
    const base = canonicalDocumentText(parse('{ x(p: 1) { a } }'));
    for (const other of ['{ x(p: 2) { a } }', '{ x(p: 1) { a b } }', '{ x(p: 1) { c: a } }'])
      expect(canonicalDocumentText(parse(other))).not.toBe(base);
  });
});

describe('TrustedDocuments', () => {
  const [id, text] = Object.entries(manifest as Record<string, string>)[0];
  const required = new TrustedDocuments('required');

  it('finds a manifest document by id and by bare hash', () => {
    expect(required.size).toBe(Object.keys(manifest).length);
    expect(required.text(id)).toBe(text);
    expect(required.text(id.replace('sha256:', ''))).toBe(text);
    expect(required.text('sha256:0000')).toBeUndefined();
  });

  it('lets a manifest operation through, reformatted too, and refuses an edited one unless granted', () => {
    expect(refusalOf(required, text)).toBeUndefined();
    expect(refusalOf(required, print2(text))).toBeUndefined();
    const edited = text.replace('{', '{ __typename ');
    expect(refusalOf(required, edited)).toBe('OPERATION_NOT_TRUSTED');
    expect(refusalOf(required, edited, granted)).toBeUndefined();
    expect(refusalOf(new TrustedDocuments('off'), edited)).toBeUndefined();
  });
});

/** The text laid out differently: one token a line. */
function print2(text: string): string {
  return text.replace(/ /g, '\n');
}

describe('key entries and the mode', () => {
  it('reads the :adhoc suffix, keeps old entries valid, and refuses any other suffix', () => {
    const plain = createKey('a', 'reader');
    const flagged = createKey('b', 'editor', true);
    expect(flagged.entry).toMatch(/:adhoc$/);
    const [a, b] = parseKeyEntries(`${plain.entry},${flagged.entry}`, 'API_KEYS');
    expect([a.adHoc, b.adHoc]).toEqual([false, true]);
    expect(() => parseKeyEntries(`${plain.entry}:admin`, 'API_KEYS')).toThrow(
      /optionally followed by :adhoc/,
    );
  });

  it('TRUSTED_DOCUMENTS is off unless set, and only off or required', () => {
    expect(loadConfig({}).auth.trustedDocuments).toBe('off');
    expect(loadConfig({ TRUSTED_DOCUMENTS: 'required' }).auth.trustedDocuments).toBe('required');
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: 'on' })).toThrow(
      'TRUSTED_DOCUMENTS="on" must be one of: off, required',
    );
  });
});
