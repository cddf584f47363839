// Logs into the Camunda Tasklist as a mediator, opens the 主持调解 task of one case, records a
// mediation session through the Chinese Camunda Form and completes it. Driven by
// TasklistBrowserTest (JUnit), which checks the result through GET /api/disputes/{id}/history.
//
// Environment: BASE_URL (http://localhost:PORT), CASE_NO (案号 of the case whose task to open),
// USER_ID / PASSWORD (default mediator1 / demo), ARTIFACTS (screenshot directory),
// CHROMIUM (default /usr/bin/chromium).
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const base = process.env.BASE_URL;
const caseNo = process.env.CASE_NO;
const user = process.env.USER_ID || 'mediator1';
const password = process.env.PASSWORD || 'demo';
const artifacts = process.env.ARTIFACTS || 'target/browser-artifacts';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
// the server's clock (the test suite fixes "today"), not this machine's: the milliseconds between them
const serverOffset = process.env.SERVER_NOW_MS ? Number(process.env.SERVER_NOW_MS) - Date.now() : 0;
const ZONE = 'Asia/Shanghai';

if (!base || !caseNo) {
  console.error('BASE_URL and CASE_NO are required');
  process.exit(2);
}
fs.mkdirSync(artifacts, { recursive: true });

/** Date and time parts of `date` as the wall clock in Shanghai shows them. */
function shanghai(date) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map(p => [p.type, p.value]));
  // the zh-CN date picker shows and parses dates as YYYY/M/D
  return { date: `${parts.year}/${Number(parts.month)}/${Number(parts.day)}`, time: `${parts.hour}:${parts.minute}` };
}

(async () => {
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', timezoneId: ZONE });
  const shot = async name => page.screenshot({ path: path.join(artifacts, name + '.png') });
  try {
    // 1. log in (form POST by the login page); the page must be reloaded afterwards
    await page.goto(base + '/camunda/app/tasklist/default/');
    await page.waitForSelector('input[type=password]', { timeout: 60000 });
    await shot('01-login');
    await page.fill('input[type=text]', user);
    await page.fill('input[type=password]', password);
    const [login] = await Promise.all([
      page.waitForResponse(r => r.url().includes('/login/tasklist') && r.request().method() === 'POST', { timeout: 30000 }),
      page.click('button[type=submit]'),
    ]);
    if (!login.ok()) {
      throw new Error('login answered ' + login.status());
    }
    await page.waitForTimeout(1000);
    await page.reload();

    // 2. the seeded filter 我的待办 is selected first; open the case's 主持调解 task
    await page.waitForSelector('text=我的待办', { timeout: 60000 });
    const card = page.locator('.tasks-list li.task').filter({ hasText: '主持调解' });
    await card.first().waitFor({ timeout: 60000 });
    await shot('02-my-tasks');
    // the card shows the 案号 (a variable of the task itself)
    const ours = page.locator('.tasks-list li.task').filter({ hasText: '主持调解' }).filter({ hasText: caseNo });
    await ours.first().waitFor({ timeout: 60000 });
    await ours.first().click();
    await page.waitForSelector('.fq-step .fq-fields .fq-field-action select', { timeout: 60000 });
    await page.waitForTimeout(800);
    await shot('03-task-form');

    // 3. 本次办理事项 = 记录调解（笔录）
    await page.locator('.fq-field-action select').selectOption({ label: '记录调解（笔录）' });

    // 4. 调解时间 (half an hour ago on the server's clock, Shanghai time, to the minute), 调解地点, 调解笔录, 已告知权利义务
    const held = shanghai(new Date(Date.now() + serverOffset - 30 * 60 * 1000));
    await page.locator('.fq-field-heldAt input').fill(held.date.replace(/\//g, '-').replace(/-(\d)(?=-|$)/g, '-0$1') + ' ' + held.time);
    await page.locator('.fq-field-place input').fill('安东卫街道调解室');
    await page.locator('.fq-field-minutes textarea')
      .fill('双方当事人到场，调解员释法说理，申请人陈述工资拖欠情况，被申请人表示愿意协商。');
    await page.locator('.fq-field-rightsNoticeDelivered input').check();
    await shot('04-form-filled');

    // 5. 完成: the task leaves 我的待办 (the process creates the next 主持调解 task afterwards)
    const completed = page.waitForResponse(r => /\/task\/[^/]+\/submit-form$/.test(r.url()), { timeout: 60000 });
    await page.locator('button', { hasText: '完成' }).click();
    const response = await completed;
    await page.waitForTimeout(1500);
    await shot('05-after-complete');
    if (!response.ok()) {
      throw new Error('submit-form answered ' + response.status() + ': ' + (await response.text()));
    }
    console.log('completed the 主持调解 task of ' + caseNo + ' as ' + user);
  } catch (e) {
    await shot('99-failure').catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.error(e);
  process.exit(1);
});
