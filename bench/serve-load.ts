/**
 * The load generator for the `serve` benchmark, run as a separate process so the server's event
 * loop is not shared with the clients. For each class of requests it runs `concurrency` clients on
 * loopback with keep-alive, each issuing requests back to back, and reports every latency.
 * Input: a JSON argument {concurrency, requests, warmup, classes: {name: [urls]}}.
 */
interface Job {
  concurrency: number;
  requests: number;
  warmup: number;
  classes: Record<string, string[]>;
}

async function runClass(job: Job, urls: string[], total: number): Promise<{ latencies: number[]; errors: number; ms: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  const client = async () => {
    while (next < total) {
      const path = urls[next++ % urls.length];
      const t = performance.now();
      const res = await fetch(path);
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      if (res.status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, client));
  return { latencies, errors, ms: performance.now() - t0 };
}

const job = JSON.parse(process.argv[2]) as Job;
const out: Record<string, { latencies: number[]; errors: number; ms: number }> = {};
// Warm every class first (JIT, caches, heap growth), so the first class measured is not penalised.
for (const urls of Object.values(job.classes)) await runClass(job, urls, job.warmup);
for (const [name, urls] of Object.entries(job.classes)) {
  out[name] = await runClass(job, urls, job.requests);
}
process.send!(out);
