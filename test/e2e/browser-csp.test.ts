import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistentChromium } from './support/chromium';
import { startTestApi, type TestApi } from '../support/test-api';
import { TEST_ADMIN_TOKEN } from '../support/test-env';

type Violation = { directive: string; blocked: string; source: string };

/*
 * Swagger UI and Bull Board in headless Chromium under the CSP the server sends: each page renders
 * and the browser reports no violation, except one the test provokes (an inline script) to prove
 * that the policy is enforced and that violations are seen.
 */
describe('The browser UIs under their Content-Security-Policy', function () {
  this.timeout(90_000);
  let api: TestApi;
  let chromium: Awaited<ReturnType<typeof launchPersistentChromium>>;
  let context: BrowserContext;

  before(async () => {
    api = await startTestApi();
    chromium = await launchPersistentChromium('csp');
    context = chromium.context;
  });
  after(async () => {
    await chromium?.close();
    await api?.stop();
  });

  /** Opens `path` with violation listeners installed before any of the page's scripts run. */
  async function open(path: string) {
    const page = await context.newPage();
    const violations: Violation[] = [];
    const consoleCsp: string[] = [];
    page.on('console', (msg) => {
      if (/Content[- ]Security[- ]Policy/i.test(msg.text())) consoleCsp.push(msg.text());
    });
    await page.exposeFunction('reportCspViolation', (v: Violation) => violations.push(v));
    // Browser code as strings: this project's TypeScript has no DOM types.
    await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) =>
      window.reportCspViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile }))`);
    const response = await page.goto(`${api.url}${path}`, { waitUntil: 'domcontentloaded' });
    return { page, response, violations, consoleCsp };
  }

  /** An inline script, which `script-src 'self'` must block: the one violation a page may report. */
  async function provokeInlineScript(page: Page): Promise<boolean> {
    return page.evaluate(`(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineScriptRan = true';
      document.head.appendChild(script);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return window.inlineScriptRan === true;
    })()`);
  }

  async function settled(violations: Violation[], count: number): Promise<void> {
    for (let i = 0; i < 50 && violations.length < count; i++) await new Promise((r) => setTimeout(r, 20));
  }

  it('renders Swagger UI with its operations and no CSP violation', async () => {
    const { page, response, violations, consoleCsp } = await open('/api/docs/');

    await page.locator('.opblock').first().waitFor({ state: 'visible', timeout: 30_000 });
    const operations = await page.locator('.opblock-summary-path').allTextContents();
    const before = [...violations];
    const inlineRan = await provokeInlineScript(page);
    await settled(violations, before.length + 1);

    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    assert.ok(
      operations.some((p) => p.includes('/send_message/')),
      operations.join(', '),
    );
    assert.deepEqual(before, []);
    assert.equal(inlineRan, false);
    assert.deepEqual(
      violations.map((v) => [v.directive, v.blocked]),
      [['script-src-elem', 'inline']],
    );
    assert.equal(consoleCsp.length, 1, consoleCsp.join('\n'));
  });

  it('renders the job dashboard with the queue names and no CSP violation', async () => {
    const { page, response, violations, consoleCsp } = await open(`/admin/queues?token=${TEST_ADMIN_TOKEN}`);

    for (const queue of ['read-receipts', 'unread-counts', 'notifications', 'webhooks']) {
      await page.getByText(queue, { exact: true }).first().waitFor({ state: 'visible', timeout: 30_000 });
    }
    const before = [...violations];
    const inlineRan = await provokeInlineScript(page);
    await settled(violations, before.length + 1);

    assert.equal(new URL(page.url()).search, '', 'the token left the URL');
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    assert.deepEqual(before, []);
    assert.equal(inlineRan, false);
    assert.deepEqual(
      violations.map((v) => [v.directive, v.blocked]),
      [['script-src-elem', 'inline']],
    );
    assert.equal(consoleCsp.length, 1, consoleCsp.join('\n'));
  });
});
