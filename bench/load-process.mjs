// Load generator run as its own process (bench/published.ts forks it), so the server under test has its event loop
// to itself: keep-alive node:http GETs over `concurrency` connections, `requests` in all, urls taken in turn.
import http from 'node:http';

process.on('message', async (job) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const get = (url) =>
    new Promise((resolve, reject) => {
      const req = http.get(url, { agent, headers: job.headers }, (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode));
      });
      req.on('error', reject);
    });
  const latencies = [];
  const statuses = new Map();
  let next = 0;
  const worker = async () => {
    while (next < job.requests) {
      const url = job.urls[next % job.urls.length];
      next += 1;
      const t0 = performance.now();
      const status = await get(url);
      latencies.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  // Warm-up: the first requests open the connections and fill the cache.
  const warm = job.requests;
  job.requests = Math.min(200, warm);
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  latencies.length = 0;
  statuses.clear();
  next = 0;
  job.requests = warm;
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))];
  agent.destroy();
  process.send({
    rps: latencies.length / seconds,
    p50: pct(0.5),
    p99: pct(0.99),
    statuses: Object.fromEntries(statuses),
  });
});
