// The dashboard end to end, in headless Chromium (Debian's, driven by playwright-core) against
// `make dev`'s real API and tenant runtime: sign up → create a key → the test-connection call
// succeeds → usage appears on the usage page → revoke the key → the call fails with 401. Every
// main page is photographed into test-artifacts/dashboard/ (not committed) for a person to look at.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startDevPlatform, type DevPlatform } from './dev-platform.ts';

jest.setTimeout(120_000);

const SHOTS = fileURLToPath(new URL('../../../test-artifacts/dashboard/', import.meta.url));
const ADMIN = { email: 'platform-admin@lmo.localhost', password: 'e2e-admin-password-1' };
const OWNER = { email: 'ada@example.com', password: 'correct horse battery staple' };
const TENANT = 'e2e-corp';

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

/** Opens a section of the tenant from the sidebar (in-app navigation keeps keys held in memory). */
async function openSection(page: Page, label: string): Promise<void> {
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('link', { name: label, exact: true }).click();
  await sections.locator('a[aria-current="page"]', { hasText: label }).waitFor();
  await page.locator('main h1').waitFor();
}

async function testConnection(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Test connection' }).click();
  // The button says "Testing…" while the call runs (maybe too briefly to see); then the outcome.
  await page
    .getByRole('button', { name: 'Testing…' })
    .waitFor({ timeout: 1_000 })
    .catch(() => undefined);
  await page.getByRole('button', { name: 'Test connection' }).waitFor();
  const result = page.getByRole('status').filter({ hasText: /Connected|Connection failed/ });
  await result.waitFor();
  return (await result.textContent()) ?? '';
}

describe('the dashboard against make dev', () => {
  let platform: DevPlatform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let apiKey: string;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    platform = await startDevPlatform({
      LMO_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      LMO_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
    });
    browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
  }, 150_000);

  afterAll(async () => {
    await browser.close();
    expect(await platform.stop()).toBe(0);
  }, 60_000);

  it('signs up a new account with its tenant and shows the tenant becoming ready', async () => {
    await page.goto(`${platform.url}/`);
    await page.getByRole('heading', { name: 'Log in to LMO' }).waitFor();
    await shoot(page, '01-login');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('E-mail').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByLabel('Company or project name').fill('E2E Corp');
    expect(await page.getByLabel('Tenant name').inputValue()).toBe(TENANT);
    await shoot(page, '02-signup');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${platform.url}/tenants/${TENANT}`);
    await page.getByText(`/t/${TENANT}/mcp`).first().waitFor();
    await page.getByText('Ready', { exact: true }).first().waitFor({ timeout: 60_000 });
    await shoot(page, '03-overview');
  });

  it('creates an API key, shown once, and keeps it out of browser storage', async () => {
    await openSection(page, 'API keys');
    await page.getByLabel('Key name').fill('e2e app');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = page.locator('.secret');
    await secret.waitFor();
    apiKey = ((await secret.textContent()) ?? '').match(/lmo_[a-z0-9]{12}_[A-Za-z0-9_-]{43}/)?.[0] ?? '';
    expect(apiKey).toMatch(/^lmo_/);
    await shoot(page, '04-api-keys');
    const stored = await page.evaluate(() =>
      [localStorage, sessionStorage]
        .flatMap((storage) => Object.keys(storage).map((name) => `${name}=${storage.getItem(name) ?? ''}`))
        .join('\n'),
    );
    expect(stored).not.toContain(apiKey);
    expect(stored).not.toContain('csrf');
  });

  it('tests the connection with that key: a real call to the tenant endpoint answers', async () => {
    await openSection(page, 'Connect');
    // A new key reaches the runtime within a second or two (it re-reads its key hashes every second).
    let text: string;
    const deadline = Date.now() + 10_000;
    do {
      text = await testConnection(page);
      if (text.includes('Connected')) break;
      await page.waitForTimeout(500);
    } while (Date.now() < deadline);
    expect(text).toContain('Connected');
    expect(text).toMatch(/echo/i);
    await shoot(page, '05-connect');
  });

  it('shows the call on the usage page', async () => {
    await openSection(page, 'Usage');
    const recent = page.getByRole('table', { name: 'Recent requests' });
    await recent.getByRole('row').nth(1).waitFor({ timeout: 60_000 });
    expect(await recent.getByRole('row').count()).toBeGreaterThanOrEqual(2);
    await shoot(page, '06-usage');
  });

  it('photographs the other pages', async () => {
    for (const [label, name] of [
      ['Model settings', '07-settings'],
      ['Knowledge', '08-knowledge'],
      ['Billing', '09-billing'],
      ['Members', '10-members'],
    ] as const) {
      await openSection(page, label);
      await page.getByRole('status').filter({ hasText: 'Loading' }).first().waitFor({ state: 'detached' });
      await shoot(page, name);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await openSection(page, 'Overview');
    await shoot(page, '11-overview-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('revokes the key, after which the same call fails with 401', async () => {
    await openSection(page, 'API keys');
    await page.getByRole('button', { name: 'Revoke key e2e app' }).click();
    await page.getByRole('button', { name: /^Yes, revoke/ }).click();
    await page.getByRole('button', { name: 'Revoke key e2e app' }).waitFor({ state: 'detached' });
    await openSection(page, 'Connect');
    await page
      .getByLabel(/API key/)
      .first()
      .fill(apiKey);
    // The runtime re-reads its key hashes every second; a revoked key stops working within 5 s.
    let text: string;
    const deadline = Date.now() + 10_000;
    do {
      text = await testConnection(page);
      if (text.includes('Connection failed')) break;
      await page.waitForTimeout(500);
    } while (Date.now() < deadline);
    expect(text).toContain('Connection failed');
    expect(text).toContain('401');
    await shoot(page, '12-connect-revoked');
  });

  it('shows platform admins every tenant', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in to LMO' }).waitFor();
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'Admin: all tenants' }).click();
    await page.getByRole('cell', { name: TENANT }).first().waitFor();
    await shoot(page, '13-admin');
  });
});
