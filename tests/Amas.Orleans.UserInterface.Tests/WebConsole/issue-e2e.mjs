// Drives the web console in headless Debian Chromium: submits an issue_respond task with the form and reads the
// drafted answer from the task page's facts, saving a screenshot.
// Usage: node issue-e2e.mjs BASE_URL ARTIFACT_DIR   → one JSON line on stdout.
import { launchChromium, openPage } from './browser.mjs';

const [baseUrl, artifacts] = process.argv.slice(2);
const browser = await launchChromium();
try {
  const { page, pageErrors, outside } = await openPage(browser, baseUrl);

  await page.goto(`${baseUrl}/#/submit`);
  await page.waitForSelector('#kind option[value="issue_respond"]', { state: 'attached' });
  await page.selectOption('#kind', 'issue_respond');
  await page.selectOption('#target-kind', 'none');
  const languages = await page.$$eval('#language option', options => options.map(o => o.value));
  await page.fill('#issue-title', 'Die Anwendung stürzt beim Speichern ab');
  await page.fill('#issue-body', 'Wenn ich eine große Datei speichere, stürzt die Anwendung mit einer Fehlermeldung ab. <script>alert(1)</script>');
  await page.fill('#issue-labels', 'bug');
  await page.selectOption('#language', 'auto');
  await page.click('#submit-task');
  await page.waitForURL(/#\/task\/[0-9a-f-]{36}$/);
  const id = page.url().split('#/task/')[1];

  const answer = await page.waitForSelector('#facts dd[data-fact="IssueResponder.response"]', { timeout: 120_000 });
  const response = (await answer.textContent()).trim();
  const category = (await page.textContent('#facts dd[data-fact="IssueResponder.category"]')).trim();
  const language = (await page.textContent('#facts dd[data-fact="IssueResponder.response_language"]')).trim();
  const scripts = await page.$$eval('#facts script', s => s.length);
  await page.screenshot({ path: `${artifacts}/issue-page.png`, fullPage: true });

  console.log(JSON.stringify({ id, languages, response, category, language, scripts, pageErrors, outside }));
} finally {
  await browser.close();
}
