/**
 * Preloaded (`node --expose-gc --import tsx --import <this file>`) into the API process the drafting
 * benchmark starts, so it can read that process's V8 heap without a new API route: on the IPC message
 * "heap" it runs a full GC and answers with `process.memoryUsage()`. Inert without an IPC channel.
 */
if (process.send) {
  process.on('message', (message) => {
    if (message !== 'heap') return;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const { heapUsed, heapTotal, rss, external } = process.memoryUsage();
    process.send?.({ heapUsed, heapTotal, rss, external, collected: gc !== undefined });
  });
  // The API's server keeps the process alive; the benchmark's channel must not.
  process.channel?.unref();
}
