/**
 * @module Launches Debian's headless Chromium through playwright-core. Browsers never download
 * themselves here: the executable is the system one, and background networking stays off.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CLOSEDLOOP_CHROMIUM ?? '/usr/bin/chromium';

/**
 * How long a page waits for what a person would wait for (a chart drawn, a panel opened). Generous:
 * the suites run beside real server processes on two cores, and a wait is not a timing assertion.
 */
export const PAGE_WAIT_MS = 30_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
