// The web console with authentication on: every view is refused until an API key is entered once; the key is kept
// in session storage (never local storage) and sent on every call, so a task can be submitted and its answer read.
// Usage: node secured-e2e.mjs BASE_URL API_KEY ARTIFACT_DIR   → one JSON line on stdout.
import { launchChromium, openPage } from './browser.mjs';

const [baseUrl, apiKey, artifacts] = process.argv.slice(2);
const browser = await launchChromium();
try {
  const { page, pageErrors } = await openPage(browser, baseUrl);

  await page.goto(`${baseUrl}/#/tasks`);
  await page.waitForSelector('#view-error');
  const refused = (await page.textContent('#view-error')).trim();
  const focused = await page.evaluate(() => document.activeElement?.id);

  await page.fill('#api-key', apiKey);
  await page.click('#auth button[type="submit"]');
  await page.goto(`${baseUrl}/#/submit`);
  await page.waitForSelector('#kind option[value="issue_respond"]', { state: 'attached' });
  await page.selectOption('#kind', 'issue_respond');
  await page.selectOption('#target-kind', 'none');
  await page.fill('#issue-title', 'Please document the retry settings');
  await page.fill('#issue-body', 'The documentation does not say how to configure retries.');
  await page.click('#submit-task');
  await page.waitForURL(/#\/task\/[0-9a-f-]{36}$/);
  const id = page.url().split('#/task/')[1];
  await page.waitForSelector('#facts dd[data-fact="IssueResponder.category"]', { timeout: 120_000 });
  const category = (await page.textContent('#facts dd[data-fact="IssueResponder.category"]')).trim();
  const storage = await page.evaluate(() => ({ session: sessionStorage.getItem('amas-api-key'), local: localStorage.length }));
  await page.screenshot({ path: `${artifacts}/secured-task-page.png`, fullPage: true });

  console.log(JSON.stringify({ refused, focused, id, category, storedInSession: storage.session === apiKey, localItems: storage.local, pageErrors }));
} finally {
  await browser.close();
}
