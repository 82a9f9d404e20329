// Smoke: playwright-core drives Debian's Chromium against a page served on loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import { chromium } from 'playwright-core';
import { harnessEnv } from '../src/test-env.ts';

const page = `<!doctype html><title>LMO smoke</title>
<button id="go" onclick="document.getElementById('out').textContent = 'clicked'">Go</button><p id="out"></p>`;

describe('Chromium (playwright-core)', () => {
  const server: Server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(page),
  );

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('opens a local page and clicks a button', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // playwright gives each launch a fresh temporary profile; the flags keep
    // Chromium from calling out to a network this machine does not have.
    const browser = await chromium.launch({
      executablePath: harnessEnv('CHROMIUM_PATH'),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    try {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${port}/`);
      await tab.click('#go');

      expect(await tab.title()).toBe('LMO smoke');
      expect(await tab.textContent('#out')).toBe('clicked');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
