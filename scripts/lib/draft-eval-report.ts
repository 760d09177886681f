/**
 * Markdown for `npm run draft:eval`: a table of precision, recall and F1 with their counts per fact
 * type, and the list of what a draft missed or added and why.
 */
import { FACT_ROWS, ROW_LABELS, type FactRow, type Scores } from '../../src/extract/evaluate';

const decimal = (value: number) => value.toFixed(2);

export function scoreTable(scores: Scores): string {
  const lines = ['| fact | P | R | F1 | TP | FP | FN |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const row of FACT_ROWS) {
    const s = scores[row];
    lines.push(
      `| ${ROW_LABELS[row]} | ${decimal(s.precision)} | ${decimal(s.recall)} | ${decimal(s.f1)} | ` +
        `${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Rows whose findings are listed: a looser row (right date only, right text only, holder and stance
 * only) misses what its stricter row misses, so its findings would repeat.
 */
const LISTED_ROWS: FactRow[] = [
  'nations',
  'officials',
  'organizations',
  'meetings',
  'quotes',
  'paraphrases',
  'positions',
];

/** Misses and false positives, row by row; rows with neither are left out. */
export function findingsList(scores: Scores): string {
  const lines: string[] = [];
  for (const row of LISTED_ROWS) {
    const { missed, spurious } = scores[row];
    if (missed.length === 0 && spurious.length === 0) continue;
    lines.push(`- **${ROW_LABELS[row]}**`);
    for (const finding of missed) lines.push(`  - missed: ${finding.item} (${finding.why})`);
    for (const finding of spurious) lines.push(`  - false positive: ${finding.item} (${finding.why})`);
  }
  return lines.length > 0 ? lines.join('\n') : 'nothing missed, nothing extra';
}
