// The reference services as a long-running sandbox process (started by `npm run sandbox -- start`).
// Configuration comes from the environment; once both APIs listen, their URLs and tokens are written
// to `.sandbox/services.json`, which `status --json`, `inject` and `npm run demo` read.
import fs from 'node:fs';
import { isFaultName } from './faults';
import { ApiError } from './http-api';
import { startReferenceServices } from './reference-services';
import { paths } from '../paths';

const number = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of milliseconds (or a port), not "${raw}"`);
  return value;
};

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

const services = await startReferenceServices({
  brokers: (process.env.SLUICE_KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  sourceUrl: process.env.SLUICE_SOURCE_DB_URL || undefined,
  targetUrl: process.env.SLUICE_TARGET_DB_URL || undefined,
  embeddedDir: paths.embeddedDatabases,
  topic: process.env.SLUICE_LEDGER_TOPIC || undefined,
  instance: process.env.SLUICE_SERVICES_INSTANCE || undefined,
  ledgerPort: number('SLUICE_LEDGER_PORT', 7431),
  verificationPort: number('SLUICE_VERIFICATION_PORT', 7432),
  verifyDelayMs: number('SLUICE_VERIFY_DELAY_MS', 120_000),
  retryAfterMs: number('SLUICE_RETRY_AFTER_MS', 300_000),
  batchAfterMs: number('SLUICE_BATCH_AFTER_MS', 1_800_000),
  scanIntervalMs: number('SLUICE_SCAN_INTERVAL_MS', 600_000),
  trafficPerSecond: number('SLUICE_PAYMENTS_PER_SECOND', process.env.SLUICE_SERVICES_TRAFFIC === '0' ? 0 : 2),
  log,
  adminRoutes: (api) => api.route('POST', '/sandbox/faults/{fault}', async ({ params, body }) => {
    if (params.fault === 'clear') {
      services.clearFaults();
      return { items: [{ fault: 'clear' }] };
    }
    if (!isFaultName(params.fault)) throw new ApiError(404, 'NO_SUCH_FAULT', `No fault ${params.fault}`);
    const options = body as { count?: number; seconds?: number };
    return { items: await services.inject(params.fault, { count: options.count, seconds: options.seconds }) };
  }),
});

fs.writeFileSync(paths.servicesFile, JSON.stringify({
  pid: process.pid,
  ledger: { url: services.ledgerUrl, token: services.ledgerToken },
  verification: { url: services.verificationUrl, token: services.verificationToken },
  pipeline: services.pipeline,
}, null, 2), { mode: 0o600 });
log(`Reference services up: ledger API ${services.ledgerUrl}, verification API ${services.verificationUrl} (source ${services.pipeline.source}, target ${services.pipeline.target})`);

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  log('Stopping the reference services…');
  await services.close();
  fs.rmSync(paths.servicesFile, { force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
