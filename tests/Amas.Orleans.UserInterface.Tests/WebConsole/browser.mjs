// Debian's headless Chromium as every console test opens it, with background networking off: this machine's network
// is closed, and nothing may leave 127.0.0.1.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--no-first-run', '--disable-quic'],
  });
}

// A page of the console's size that collects script errors and every request leaving the gateway.
export async function openPage(browser, baseUrl) {
  const pageErrors = [];
  const outside = [];
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', error => pageErrors.push(error.message));
  page.on('request', request => { if (!request.url().startsWith(baseUrl) && !request.url().startsWith('blob:')) outside.push(request.url()); });
  return { page, pageErrors, outside };
}
