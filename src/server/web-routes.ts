/**
 * The analysts' pages, served by this server alone: /playground (GraphiQL), /explorer (graph view),
 * /review (draft an article, review its facts, import them), their bundles under /assets, and /playground/examples.json read from schema/examples so a new saved
 * operation appears without a rebuild. A strict Content-Security-Policy keeps every request on this origin.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { fromProjectRoot } from '../project-root';
import { BUILD_DIR, PUBLIC_DIR } from '../web-build/web-paths';

export const EXAMPLES_DIR = fromProjectRoot('schema', 'examples');

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and cytoscape set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export interface ExampleOperation {
  name: string;
  title: string;
  query: string;
}

export function readExamples(dir = EXAMPLES_DIR): ExampleOperation[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = readFileSync(path.join(dir, file), 'utf8');
      const comment = /^#\s*(.+)$/m.exec(query);
      return { name: file.replace(/\.graphql$/, ''), title: comment ? comment[1].trim() : file, query };
    });
}

export function webRoutes(): Router {
  const router = Router();
  const page = (file: string) => (_req: express.Request, res: express.Response) => {
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.sendFile(path.join(PUBLIC_DIR, file));
  };
  router.get('/playground', page('playground.html'));
  router.get('/explorer', page('explorer.html'));
  router.get('/review', page('review.html'));
  // Browsers ask for it on every page; an empty answer keeps consoles clean.
  router.get('/favicon.ico', (_req, res) => res.status(204).end());
  router.get('/playground/examples.json', (_req, res) => {
    res.json(readExamples());
  });
  router.use('/assets', express.static(BUILD_DIR, { fallthrough: false, maxAge: '1h', index: false }));
  return router;
}
