import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

/** Where the screenshots go: a test artifact (git-ignored), one of which the README shows. */
const ARTIFACTS = join(__dirname, '../../test-artifacts');
const ROOT = join(__dirname, '../..');

/*
 * The demo as two people use it, each in a browser context of their own (own storage and network),
 * against a real API node with inline workers on FerretDB and Redis: only what a user sees is asserted.
 */
describe('The demo in Chromium: alice and bob', function () {
  this.timeout(180_000);
  let api: TestApi;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  const tenant = uniqueSlug('demo');

  before(async () => {
    await promisify(execFile)('node', [join(ROOT, 'demo/build.mjs')], { cwd: ROOT });
    api = await startTestApi({ DEMO_ENABLED: 'true', WORKERS_INLINE: 'true' });
    chromium = await launchChromium();
    browser = chromium.browser;
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await chromium?.close();
    await api?.stop();
  });

  async function signIn(userId: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    const page = await context.newPage();
    await page.goto(`${api.url}/demo/`);
    await page.getByLabel('Workspace (tenant)').fill(tenant);
    await page.getByLabel('User id').fill(userId);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /Inbox/ }).waitFor();
    return { context, page };
  }

  async function createGroup(page: Page, name: string, people: string): Promise<void> {
    await page.getByRole('button', { name: '+ New conversation' }).click();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel(/People/).fill(people);
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name, level: 2 }).waitFor();
  }

  async function send(page: Page, text: string): Promise<void> {
    await page.getByLabel('Message').fill(text);
    await page.getByLabel('Message').press('Enter');
  }

  const conversation = (page: Page, title: string) =>
    page.locator('.conversation').filter({ has: page.locator('.title', { hasText: title }) });
  const titles = (page: Page) => page.locator('.conversation .title').allTextContents();
  const messagesWith = (page: Page, text: string) =>
    page.locator('.message:not(.pending) .content', { hasText: text });

  it('carries a conversation: badges, inbox order, seen by, typing, presence, a message across a network cut', async () => {
    const bob = await signIn('bob');
    const alice = await signIn('alice');

    // bob's inbox has an older conversation on top...
    await createGroup(bob.page, 'Older', 'carol');
    await send(bob.page, 'an older message');
    await conversation(bob.page, 'Older').locator('.preview', { hasText: 'an older message' }).waitFor();

    // ...until alice writes in a new group with him: it goes first, with a badge.
    await createGroup(alice.page, 'Project', 'bob');
    await send(alice.page, 'hello bob');
    await conversation(bob.page, 'Project').getByTestId('badge').filter({ hasText: '1' }).waitFor();
    assert.deepEqual((await titles(bob.page)).slice(0, 2), ['Project', 'Older']);
    await bob.page.getByTestId('total-unread').filter({ hasText: '1' }).waitFor();
    await bob.page.screenshot({ path: join(ARTIFACTS, 'demo-inbox.png') });

    // bob opens it: his badge clears, and alice sees that bob has seen her message.
    await conversation(bob.page, 'Project').click();
    await messagesWith(bob.page, 'hello bob').waitFor();
    await conversation(bob.page, 'Project').getByTestId('badge').waitFor({ state: 'detached' });
    await alice.page.getByTestId('seen-by').filter({ hasText: 'Seen by bob' }).waitFor();

    // bob types: alice sees it, and it stops by itself while he stays quiet.
    await bob.page.getByLabel('Message').pressSequentially('thinking', { delay: 20 });
    await alice.page.getByTestId('typing').filter({ hasText: 'bob is typing…' }).waitFor();
    await alice.page.getByTestId('typing').filter({ hasText: /^$/ }).waitFor({ timeout: 20_000 });
    await bob.page.getByLabel('Message').fill('');

    // bob's network goes: alice sees him offline; what each writes meanwhile arrives once.
    await bob.context.setOffline(true);
    await alice.page
      .locator('.people li[data-user-id="bob"] .dot[data-status="offline"]')
      .waitFor({ timeout: 30_000 });
    await send(alice.page, 'while you were away');
    await send(bob.page, 'written offline');
    await bob.page.locator('.message.pending', { hasText: 'written offline' }).waitFor();
    await bob.context.setOffline(false);
    await messagesWith(bob.page, 'while you were away').waitFor({ timeout: 30_000 });
    await messagesWith(alice.page, 'written offline').waitFor({ timeout: 30_000 });
    await alice.page.locator('.people li[data-user-id="bob"] .dot[data-status="online"]').waitFor();
    assert.equal(await messagesWith(bob.page, 'while you were away').count(), 1);
    assert.equal(await messagesWith(alice.page, 'written offline').count(), 1);
    assert.equal(await bob.page.locator('.message.pending').count(), 0);
    await alice.page.screenshot({ path: join(ARTIFACTS, 'demo-channel.png') });

    await Promise.all([alice.context.close(), bob.context.close()]);
  });

  it('replies, edits and deletes, starts direct and contextual chats, mutes, and fits a phone', async () => {
    const alice = await signIn('alice');
    const bob = await signIn('bob');

    await alice.page.getByRole('button', { name: '+ New conversation' }).click();
    await alice.page.getByLabel('direct').check();
    await alice.page.getByLabel('With (user id)').fill('bob');
    await alice.page.getByRole('button', { name: 'Create' }).click();
    await send(alice.page, 'first draft');
    const first = alice.page.locator('.message', { hasText: 'first draft' });
    await first.getByRole('button', { name: 'Edit' }).click();
    await alice.page.getByLabel('Message').fill('final text');
    await alice.page.getByLabel('Message').press('Enter');
    await alice.page.locator('.message', { hasText: 'final text' }).getByText('(edited)').waitFor();
    await alice.page
      .locator('.message', { hasText: 'final text' })
      .getByRole('button', { name: 'Reply' })
      .click();
    await send(alice.page, 'a reply');
    await alice.page
      .locator('.message', { hasText: 'a reply' })
      .locator('.reply-to', { hasText: 'final text' })
      .waitFor();
    await alice.page
      .locator('.message', { hasText: 'a reply' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await alice.page.getByText('This message was deleted.').waitFor();

    // bob sees the edit and the deletion live in the direct chat alice started.
    await conversation(bob.page, 'alice').click();
    await messagesWith(bob.page, 'final text').waitFor();
    await bob.page.getByText('This message was deleted.').waitFor();

    // A chat about an object of the host application, muted by alice: listed, flagged, no badge total.
    await alice.page.getByRole('button', { name: '+ New conversation' }).click();
    await alice.page.getByLabel('about an object').check();
    await alice.page.getByLabel(/People/).fill('bob');
    await alice.page.getByLabel('Object id').fill('42');
    await alice.page.getByRole('button', { name: 'Create' }).click();
    await alice.page.getByRole('heading', { name: 'order 42', level: 2 }).waitFor();
    await alice.page.getByRole('button', { name: 'Mute' }).click();
    await conversation(alice.page, 'order 42').getByTitle('muted').waitFor();

    // Phone-sized: one column, the conversation or the inbox.
    await alice.page.setViewportSize({ width: 390, height: 844 });
    assert.equal(await alice.page.locator('.sidebar').isVisible(), false);
    assert.equal(await alice.page.getByLabel('Message').isVisible(), true);
    await alice.page.getByRole('button', { name: 'Back to the inbox' }).click();
    await conversation(alice.page, 'order 42').waitFor();
    await alice.page.screenshot({ path: join(ARTIFACTS, 'demo-phone-inbox.png') });

    await Promise.all([alice.context.close(), bob.context.close()]);
  });
});
