/**
 * Loads the export bundle (export-bundle.ts) once, on the first export, from this server only: the
 * page's Content-Security-Policy allows scripts from its own origin and nothing else.
 */
import type { DrawnView } from './drawn-view';

export interface ViewExport {
  viewToGraphml(view: DrawnView): string;
  viewToCsv(view: DrawnView): string;
}

const EXPORT_SCRIPT = '/assets/explorer-export.js';
let loading: Promise<ViewExport> | undefined;

export function loadViewExport(): Promise<ViewExport> {
  loading ??= new Promise<ViewExport>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = EXPORT_SCRIPT;
    script.onload = () =>
      resolve((window as unknown as { explorerViewExport: ViewExport }).explorerViewExport);
    script.onerror = () => {
      // Forget the failure, so the next click tries again.
      loading = undefined;
      script.remove();
      reject(new Error('The export could not be loaded; check the connection and try again.'));
    };
    document.head.append(script);
  });
  return loading;
}
