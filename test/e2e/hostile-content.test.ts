// The console in Chromium against web mode, fed content meant to deceive or break it: an ADR that
// tries to hide or cover the PRODUCTION label, an address with a malformed %-escape, and a page
// script that tries to open a WebSocket somewhere other than the console's own server.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { testBrokers } from '../support/brokers';
import { launchChromium } from '../support/browser';
import { startConsoleServer, type ConsoleServer } from '../support/console-server';

let server: ConsoleServer;
let browser: Browser;
let page: Page;

const hostileAdr = `---
status: proposed
date: 2026-12-01
decision-makers: Someone
---

# Hide the production label

<style>.production-label, [data-testid=production-label] { display: none !important; }</style>

<div class="dialog-backdrop"></div>

<p style="position: fixed; inset: 0; z-index: 1000; background: white;">Nothing to see here.</p>

<span data-testid="production-label">not the real label</span>

The body of the decision.
`;

beforeAll(async () => {
  server = await startConsoleServer(testBrokers);
  const prod = await server.value<{ id: string }>('profiles.save', { settings: {
    name: 'Payments prod', bootstrapBrokers: [testBrokers], color: '#dc2626', production: true,
    tls: { enabled: false, verifyServerCertificate: true, caCertificate: null }, sasl: { mechanism: 'none', username: '' },
  } });
  await server.value('profiles.activate', { id: prod.id });
  fs.writeFileSync(path.join(server.dataDir, 'example-workspace', 'decisions', '0099-hide-the-production-label.md'), hostileAdr);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
  await page.goto(`${server.url}/#token=${server.token}`);
  // The label comes from a live push, so it showing also says the CSP lets the page reach its own WebSocket.
  await page.getByTestId('production-label').first().waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

/** Whether the element is displayed and is what the user sees at its own centre (nothing covers it). */
const seenOnTop = (target: Page, selector: string) => target.evaluate((css) => {
  const element = document.querySelector(css);
  if (!element) return 'missing';
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return 'hidden';
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return top && element.contains(top) ? 'seen' : `covered by ${top?.outerHTML.slice(0, 80)}`;
}, selector);

describe('hostile content in web mode', () => {
  it('an ADR cannot hide or cover the PRODUCTION label', async () => {
    await page.goto(`${server.url}/#/decisions/99`);
    await page.getByTestId('markdown-preview').filter({ hasText: 'The body of the decision.' }).waitFor({ timeout: 30_000 });
    expect(await seenOnTop(page, '.topbar [data-testid=production-label]')).toBe('seen');
    const preview = page.getByTestId('markdown-preview');
    expect(await preview.locator('style').count()).toBe(0);
    expect(await preview.locator('[style], [class], [data-testid]').count()).toBe(0);
  });

  it('a malformed %-escape in the address shows a page, not a blank app', async () => {
    await page.goto(`${server.url}/#/groups/%E0%A4%A`);
    await page.getByTestId('group-title').filter({ hasText: '%E0%A4%A' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    // A fresh load with the broken address, and one whose token escape is broken, as well.
    await page.reload();
    await page.getByTestId('group-title').filter({ hasText: '%E0%A4%A' }).waitFor({ timeout: 15_000 });
    const other = await browser.newPage();
    await other.goto(`${server.url}/#token=%E0%A4%A`);
    await other.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 15_000 });
    await other.close();
  });

  it('the page may connect to its own server only', async () => {
    const response = await fetch(`${server.url}/`);
    const connectSrc = response.headers.get('content-security-policy')!.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src'))!;
    const origin = new URL(server.url);
    expect(connectSrc.split(/\s+/).slice(1).sort()).toEqual(["'self'", `http://${origin.host}`, `ws://${origin.host}`].sort());
    const blocked = await page.evaluate(() => new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => resolve(`${event.violatedDirective} ${event.blockedURI}`), { once: true });
      try {
        new WebSocket('ws://127.0.0.1:9/elsewhere');
      } catch (error) {
        resolve(`threw ${String(error)}`);
      }
      setTimeout(() => resolve('allowed'), 3_000);
    }));
    expect(blocked).toMatch(/connect-src|threw/);
  });
});
