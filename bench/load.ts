/** `requests` GETs over `concurrency` connections at a time, urls taken in turn: req/s and latency percentiles (ms). */
export async function loadTest(
  urls: readonly string[],
  o: { headers?: Record<string, string>; concurrency: number; requests: number },
) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < o.requests) {
      const url = urls[next % urls.length]!;
      next += 1;
      const t0 = performance.now();
      const res = await fetch(url, { headers: o.headers ?? {} });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
  return { rps: Math.round(latencies.length / seconds), pct };
}
