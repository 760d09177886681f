/**
 * `graphql-ws/use/ws` is published through package.json `exports` only, which this project's
 * `moduleResolution: node` does not read for types (node, tsx and jest resolve it at run time).
 */
declare module 'graphql-ws/use/ws' {
  export { useServer, type Extra } from 'graphql-ws/dist/use/ws';
}
