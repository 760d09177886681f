/**
 * One text for every way of writing the same operation: layout, comments and the order of
 * definitions, selections, arguments, variables and input fields do not change it. Trusted
 * documents compare by it, so a manifest operation sent as its author wrote it (the playground's
 * example files, with their comments) is recognised, though the manifest holds a normalised print.
 */
import { print, visit, type ASTNode, type DocumentNode } from 'graphql';

const byPrintedText = (a: ASTNode, b: ASTNode) => {
  const left = print(a);
  const right = print(b);
  return left < right ? -1 : left > right ? 1 : 0;
};

function sortedByName<T extends { name: { value: string } }>(
  nodes: readonly T[] | undefined,
): T[] | undefined {
  return (
    nodes &&
    [...nodes].sort((a, b) => (a.name.value < b.name.value ? -1 : a.name.value > b.name.value ? 1 : 0))
  );
}

export function canonicalDocumentText(document: DocumentNode): string {
  // Children leave before their parents, so each list is sorted by its members' canonical text.
  const canonical = visit(document, {
    Field: { leave: (node) => ({ ...node, arguments: sortedByName(node.arguments) }) },
    Directive: { leave: (node) => ({ ...node, arguments: sortedByName(node.arguments) }) },
    ObjectValue: { leave: (node) => ({ ...node, fields: sortedByName(node.fields) ?? [] }) },
    SelectionSet: { leave: (node) => ({ ...node, selections: [...node.selections].sort(byPrintedText) }) },
    OperationDefinition: {
      leave: (node) => ({
        ...node,
        variableDefinitions: node.variableDefinitions && [...node.variableDefinitions].sort(byPrintedText),
      }),
    },
    Document: { leave: (node) => ({ ...node, definitions: [...node.definitions].sort(byPrintedText) }) },
  });
  return print(canonical);
}
