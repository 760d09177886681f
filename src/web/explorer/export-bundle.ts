/**
 * The explorer's export, bundled apart (public/build/explorer-export.js) and loaded on the first
 * export: xmlbuilder2's browser build is larger than the rest of the explorer, and most visits never
 * export. It hands its functions to the page through one global, see load-view-export.ts.
 */
import type { ViewExport } from './load-view-export';
import { viewToCsv, viewToGraphml } from './view-export';

const viewExport: ViewExport = { viewToGraphml, viewToCsv };
(window as unknown as { explorerViewExport: ViewExport }).explorerViewExport = viewExport;
