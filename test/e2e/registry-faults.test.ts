// The Schemas page when the Schema Registry fails, in the real console (web mode, Chromium) against
// the real registry behind a proxy that fails on demand. A 500 and a hang are said above the last
// subjects (kept on screen) with what to do, and the page recovers within seconds of the
// registry's return (it took 30 s, and errors were not shown at all while data was on screen).
// The bounds are what the console promises an SRE, asserted with margins; not benchmarks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { testBrokers, testRegistryUrl, uniqueSuffix } from '../support/brokers';
import { startConsoleServer, type ConsoleServer } from '../support/console-server';
import { launchChromium } from '../support/browser';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';

const subject = `e2e-${uniqueSuffix()}.registry-faults-value`;
const registry = (p: string, init?: RequestInit) => fetch(`${testRegistryUrl}/${p}`, { ...init, headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' } });
let proxy: FaultProxy;
let server: ConsoleServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const schema = JSON.stringify({ type: 'record', name: 'RegistryFault', fields: [{ name: 'id', type: 'string' }] });
  expect((await registry(`subjects/${encodeURIComponent(subject)}/versions`, { method: 'POST', body: JSON.stringify({ schema }) })).ok).toBe(true);
  proxy = await startFaultProxy(testRegistryUrl);
  server = await startConsoleServer(testBrokers, { SLUICE_REGISTRY_URL: proxy.url });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
  await page.goto(`${server.url}/#token=${server.token}`);
  await page.getByRole('link', { name: 'Schemas', exact: true }).click();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await proxy?.close();
  await registry(`subjects/${encodeURIComponent(subject)}`, { method: 'DELETE' }).catch(() => undefined);
  await registry(`subjects/${encodeURIComponent(subject)}?permanent=true`, { method: 'DELETE' }).catch(() => undefined);
}, 60_000);

const row = () => page.locator(`[data-testid=subject-row][data-subject="${subject}"]`);
const banner = () => page.getByTestId('registry-error');

/** Milliseconds until the registry's error banner is gone after the registry is back. */
async function recovery(): Promise<number> {
  const started = Date.now();
  proxy.set(null);
  await banner().waitFor({ state: 'detached', timeout: 30_000 });
  return Date.now() - started;
}

describe('Schemas page when the registry fails', () => {
  it('shows a registry answering 500 above the last subjects, and recovers within seconds', async () => {
    await row().waitFor({ timeout: 60_000 });
    proxy.set({ match: /./, fault: '500-before' });
    await banner().waitFor({ timeout: 30_000 });
    expect(await banner().textContent()).toMatch(/HTTP 500.*Error in the backend datastore.*logs/);
    expect(await row().count()).toBe(1);
    const ms = await recovery();
    console.log(`[registry-faults] recovered from 500s in ${ms} ms`);
    expect(ms).toBeLessThan(8_000);
    expect(await row().count()).toBe(1);
  }, 120_000);

  it('shows a hung registry within its call budget, and recovers within seconds when it answers again', async () => {
    const hungAt = Date.now();
    proxy.set({ match: /./, fault: 'hold' });
    await banner().waitFor({ timeout: 40_000 });
    console.log(`[registry-faults] hung registry shown after ${Date.now() - hungAt} ms`);
    expect(await banner().textContent()).toMatch(/did not answer within/);
    expect(await row().count()).toBe(1);
    const ms = await recovery();
    console.log(`[registry-faults] recovered from a hang in ${ms} ms`);
    expect(ms).toBeLessThan(8_000);
  }, 120_000);
});
