// The one way tests and benchmarks start Chromium (Debian's, or SLUICE_CHROMIUM), with the flags
// this closed network needs, and where e2e runs save screenshots (SLUICE_SCREENSHOTS).
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../../sandbox/paths';

export const chromiumPath = process.env.SLUICE_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

const screenshotDir = process.env.SLUICE_SCREENSHOTS ? path.resolve(repoRoot, process.env.SLUICE_SCREENSHOTS) : null;

/** Saves a screenshot for the README when SLUICE_SCREENSHOTS names a folder; does nothing otherwise. */
export async function shoot(page: Page, name: string): Promise<void> {
  if (!screenshotDir) return;
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}
