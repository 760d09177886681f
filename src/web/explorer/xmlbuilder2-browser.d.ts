/**
 * xmlbuilder2's own browser build: its main entry requires Node's `url` module, which esbuild cannot
 * bundle for the browser; this prebuilt file has the same API.
 */
declare module 'xmlbuilder2/lib/xmlbuilder2.min.js' {
  export { create } from 'xmlbuilder2';
}
