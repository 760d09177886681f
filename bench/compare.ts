/**
 * `npx tsx bench/compare.ts large.json small.json`: the large-vs-small p50 ratio per query and
 * system from two runs' JSON results (the goal: ours within 3 ×). `npm run bench -- --compare
 * small.json` prints the same right after a large run.
 */
import { readFileSync } from 'node:fs';
import { compare, type BenchResult } from './report';

const [large, small] = process.argv.slice(2).filter((arg) => arg !== '--');
if (!large || !small) {
  process.stderr.write('usage: tsx bench/compare.ts <large.json> <small.json>\n');
  process.exit(2);
}
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
process.stdout.write(compare(read(large), read(small)));
