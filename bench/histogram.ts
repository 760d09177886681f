/**
 * Latency histograms (HDR): every response of a window is recorded, and the windows of one system
 * and query are merged before percentiles are read, since averaging per-round percentiles is not a
 * percentile of anything.
 */
import * as hdr from 'hdr-histogram-js';

/** Microsecond resolution, up to 10 minutes, 3 significant digits. */
export function newHistogram(): hdr.Histogram {
  return hdr.build({
    bitBucketSize: 64,
    useWebAssembly: false,
    lowestDiscernibleValue: 1,
    highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3,
  });
}

export function recordMs(histogram: hdr.Histogram, ms: number): void {
  histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
}

/** Percentile in milliseconds (NaN when nothing was recorded). */
export function percentileMs(histogram: hdr.Histogram, percentile: number): number {
  return histogram.totalCount === 0 ? NaN : histogram.getValueAtPercentile(percentile) / 1000;
}

export type Histogram = hdr.Histogram;
