import { parseArgs } from 'node:util';
import { startStack } from '../bench/stack';
import { fuzzContext, runFuzz } from './fuzz-run';

/**
 * `npm run fuzz -- [options]`: malformed requests generated from openapi.json (fast-check) against
 * every endpoint; passes when no answer is a 5xx and every 4xx names the problem.
 *
 *   --requests 10000   --seed 1   --concurrency 8
 *   --base-url http://127.0.0.1:3000 --admin admin --admin-password <BOOTSTRAP_ADMIN_PASSWORD>
 *     (without --base-url it builds and starts its own api and worker on the hotline_bench database)
 */
const { values: opts } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '8' },
    'base-url': { type: 'string' },
    admin: { type: 'string', default: process.env.BOOTSTRAP_ADMIN_USERNAME ?? 'admin' },
    'admin-password': { type: 'string', default: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin12345' },
  },
});

async function main(): Promise<void> {
  const stack = opts['base-url'] ? null : await startStack(3200);
  const baseUrl = opts['base-url'] ?? stack!.baseUrl;
  try {
    const context = await fuzzContext(
      baseUrl,
      stack ? 'admin' : opts.admin,
      stack ? stack.env.BOOTSTRAP_ADMIN_PASSWORD! : opts['admin-password'],
    );
    const started = Date.now();
    const report = await runFuzz(baseUrl, context, {
      count: Number(opts.requests),
      seed: Number(opts.seed),
      concurrency: Number(opts.concurrency),
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz: ${report.requests} requests over ${report.operations} operations in ${seconds.toFixed(1)} s; answers ${JSON.stringify(report.byStatus)}`,
    );
    for (const f of report.findings.slice(0, 20))
      console.log(
        `  ✘ ${f.problem}: ${f.request.method} ${f.request.url.slice(0, 600)} [${f.request.label}] → ${f.body}`,
      );
    console.log(`fuzz: ${report.findings.length} finding(s) (5xx, or a 4xx that does not name the problem)`);
    process.exitCode = report.findings.length === 0 ? 0 : 1;
  } finally {
    await stack?.stop();
  }
}

main().catch((error: Error) => {
  console.error(`fuzz failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
