// Drives the web console in headless Debian Chromium through Playwright: submits an orchestrate task with the form,
// waits for the lanes and the findings table, visits the providers, agents and workflow metrics pages, and saves
// screenshots.
// Usage: node console-e2e.mjs BASE_URL REPOSITORY_PATH ARTIFACT_DIR   → one JSON line on stdout.
import { launchChromium, openPage } from './browser.mjs';

const [baseUrl, repository, artifacts] = process.argv.slice(2);
const browser = await launchChromium();
try {
  const { page, pageErrors, outside } = await openPage(browser, baseUrl);

  await page.goto(`${baseUrl}/#/submit`);
  await page.waitForSelector('#kind option[value="orchestrate"]', { state: 'attached' });
  const kinds = await page.$$eval('#kind option', options => options.map(o => o.value));
  await page.selectOption('#kind', 'orchestrate');
  await page.selectOption('#target-kind', 'path');
  await page.fill('#path', repository);
  await page.click('#submit-task');
  await page.waitForURL(/#\/task\/[0-9a-f-]{36}$/);
  const id = page.url().split('#/task/')[1];

  await page.waitForSelector('#findings tbody tr', { timeout: 180_000 });
  const state = (await page.textContent('#task-state')).trim();
  const progress = await page.$eval('#progress', p => p.value);
  const lanes = await page.$$eval('.lane', lanes => lanes.map(lane => ({
    layer: Number(lane.dataset.layer),
    agents: [...lane.querySelectorAll('.agent')].map(a => ({ agent: a.dataset.agent, state: a.dataset.state })),
  })));
  const rules = await page.$$eval('#findings tbody tr', rows => rows.map(r => r.dataset.rule));
  await page.screenshot({ path: `${artifacts}/task-page.png`, fullPage: true });

  // The table is sorted most severe first; filtering by that severity keeps only its rows.
  const worst = await page.$eval('#findings tbody tr', row => row.dataset.severity);
  await page.selectOption('#filter-severity', worst);
  const filtered = await page.$$eval('#findings tbody tr', rows => rows.map(r => r.dataset.severity));

  await page.goto(`${baseUrl}/#/providers`);
  await page.waitForSelector('#providers tbody tr');
  const providers = await page.$$eval('#providers tbody tr', rows => rows.map(r => r.dataset.provider));
  await page.screenshot({ path: `${artifacts}/providers-page.png`, fullPage: true });

  // The LearningSystem and the workflow monitor gather each silo's tallies every few seconds: reload until the
  // task above shows up (or 30 s pass).
  let agentRuns = {};
  let metrics = {};
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.goto(`${baseUrl}/#/agents`);
    await page.reload();
    await page.waitForSelector('#agents tbody tr');
    agentRuns = await page.$$eval('#agents tbody tr', rows => Object.fromEntries(rows.map(r => [r.dataset.agent, Number(r.dataset.runs)])));
    await page.goto(`${baseUrl}/#/workflows?window=15m`);
    await page.waitForSelector('#workflow-metrics tbody tr');
    metrics = await page.$$eval('#workflow-metrics tbody tr', rows => Object.fromEntries(rows.map(r => [r.querySelector('th').textContent, r.querySelector('td').textContent])));
    if (agentRuns.SecurityScanner > 0 && Number(metrics['Tasks ended']) > 0) break;
    await page.waitForTimeout(1000);
  }
  const alerts = await page.$$eval('#alerts li', items => items.map(i => i.dataset.alert));
  await page.screenshot({ path: `${artifacts}/workflows-page.png`, fullPage: true });

  console.log(JSON.stringify({ id, kinds, state, progress, lanes, rules, worst, filtered, providers, agentRuns, metrics, alerts, pageErrors, outside }));
} finally {
  await browser.close();
}
