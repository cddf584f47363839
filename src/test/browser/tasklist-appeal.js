// One appeal (诉求) from report to closure in the Chinese Tasklist alone, as each role does it:
// grid1 (启动流程 → 诉求登记), triage (研判分流 with the departments picked from lists, 派单交办),
// dept3 (签收, 办结反馈), triage (中心审核) and visitor (回访诉求人). Nobody types a code or an id.
// Every page's visible text is checked against a deny-list of English and engine words.
// Screenshots go to ARTIFACTS (and SCREENSHOTS, e.g. docs/screenshots, as tasklist-appeal-*.png).
//
// Environment: BASE_URL, ARTIFACTS, SCREENSHOTS (optional), CHROMIUM, RESULT (file to write {ticketNo, id} to).
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const base = process.env.BASE_URL;
const artifacts = process.env.ARTIFACTS || 'target/browser-artifacts';
const screenshots = process.env.SCREENSHOTS || null;
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
let serverOffset = process.env.SERVER_NOW_MS ? Number(process.env.SERVER_NOW_MS) - Date.now() : null;
const ZONE = 'Asia/Shanghai';

if (!base) {
  console.error('BASE_URL is required');
  process.exit(2);
}
fs.mkdirSync(artifacts, { recursive: true });
if (screenshots) fs.mkdirSync(screenshots, { recursive: true });

/** English or engine words that must never be shown to the centre's staff. */
const DENY = [/\bSelect\b/, /Field is required/, /ENGINE-\d+/, /Exception/, /\bCamunda\b/, /\bTasklist\b/, /\(v\.\s*\d/,
  /Camunda 8/, /迁移到/, /\bundefined\b/, /\bnull\b/, /\bNaN\b/, /\bDecember\b/, /\bSun\b.*\bMon\b/, /Cannot submit/,
  /TaskListener/, /\bnot a field\b/, /Choose File/, /No file chosen/, /\b[AP]M\b/, /\brequired\b/, /\bValidation failed\b/, /\bForbidden\b/];

function shanghai(ms) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(ms)).map(x => [x.type, x.value]));
  return { local: `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`, date: `${p.year}-${p.month}-${p.day}` };
}
const serverNow = () => Date.now() + serverOffset;

async function apiGet(user, url) {
  const r = await fetch(base + url, { headers: { Authorization: 'Basic ' + Buffer.from(user + ':demo').toString('base64') } });
  if (!r.ok) throw new Error(`GET ${url} as ${user}: ${r.status} ${await r.text()}`);
  return r.json();
}
async function apiPost(user, url, body) {
  const r = await fetch(base + url, { method: 'POST', body: JSON.stringify(body), headers: {
    Authorization: 'Basic ' + Buffer.from(user + ':demo').toString('base64'), 'Content-Type': 'application/json' } });
  if (!r.ok) throw new Error(`POST ${url} as ${user}: ${r.status} ${await r.text()}`);
  return r.json();
}

(async () => {
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });
  const result = { steps: [] };
  let page;
  let shotNo = 0;
  const shot = async (name, publish) => {
    shotNo++;
    const file = `${String(shotNo).padStart(2, '0')}-${name}.png`;
    await page.screenshot({ path: path.join(artifacts, file) });
    if (publish && screenshots) await page.screenshot({ path: path.join(screenshots, 'tasklist-appeal-' + name + '.png') });
  };
  const checkWords = async where => {
    if (process.env.CHECK_WORDS === 'false') return;
    const text = await page.evaluate(() => document.body.innerText);
    for (const deny of DENY) {
      const m = text.match(deny);
      if (m) throw new Error(`${where}: the page shows "${m[0]}": …${text.substr(Math.max(0, m.index - 80), 160)}…`);
    }
  };

  async function login(user) {
    if (page) await page.context().close();
    const context = await browser.newContext({ viewport: { width: 1440, height: 1100 }, locale: 'zh-CN', timezoneId: ZONE });
    page = await context.newPage();
    page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') console.log(`  (${user}) console ${m.type()}: ${m.text()}`); });
    page.on('requestfailed', r => console.log(`  (${user}) request failed ${r.method()} ${r.url()}: ${r.failure() && r.failure().errorText}`));
    page.on('request', r => { if (/engine\/default\/(process-definition|task)/.test(r.url()) && r.method() === 'POST') console.log(`  (${user}) POST ${r.url()}`); });
    page.on('pageerror', e => console.log(`  (${user}) page error: ${e.message}`));
    page.on('response', r => { if (r.status() >= 400 && !/auth\/user\/default$|camunda-welcome/.test(r.url())) console.log(`  (${user}) HTTP ${r.status()} ${r.request().method()} ${r.url()}`); });
    // the webapp sometimes stalls (a request that never answers, seen under heavy load): try the
    // whole login again, up to three times, before calling it a failure
    let answer;
    for (let login = 1; !answer; login++) {
      for (let attempt = 1; ; attempt++) {
        await page.goto(base + '/camunda/app/tasklist/default/');
        try {
          await page.waitForSelector('input[type=password]', { timeout: 30000 });
          break;
        } catch (e) {
          if (attempt >= 4) throw e;
        }
      }
      await checkWords('login page');
      await page.fill('input[type=text]', user);
      await page.fill('input[type=password]', 'demo');
      try {
        [answer] = await Promise.all([
          page.waitForResponse(r => r.url().includes('/login/tasklist') && r.request().method() === 'POST', { timeout: 30000 }),
          page.click('button[type=submit]'),
        ]);
      } catch (e) {
        if (login >= 3) throw e;
        console.log(`  (${user}) the login did not answer; trying again`);
      }
    }
    if (!answer.ok()) throw new Error(`login of ${user} answered ${answer.status()}`);
    await page.waitForTimeout(800);
    // the webapp sometimes stalls while loading (a request that never answers); load it again then
    for (let attempt = 1; ; attempt++) {
      await page.reload();
      try {
        await page.waitForSelector('text=我的待办', { timeout: 30000 });
        return;
      } catch (e) {
        if (attempt >= 4) throw e;
        console.log(`  (${user}) the Tasklist did not load; reloading`);
      }
    }
  }

  /** Opens the task `name` of our case from the filter `filter`, by its card (案号 shown on it). */
  async function openTask(name, filter) {
    for (let attempt = 0; attempt < 20; attempt++) {
      if (filter) await page.locator('text=' + filter).first().click({ timeout: 5000 }).catch(() => {});
      await page.waitForTimeout(1000);
      const card = page.locator('.tasks-list li.task').filter({ hasText: name }).filter({ hasText: result.caseNo });
      if (await card.count() > 0) {
        await card.first().click();
        await page.waitForSelector('.fq-step .fq-fields .fq-field, .fjs-container', { timeout: 60000 });
        await page.waitForTimeout(800);
        return;
      }
      await page.reload();
      await page.waitForSelector('text=我的待办', { timeout: 60000 });
    }
    throw new Error(`no card "${name}" of ${result.caseNo} in ${filter || 'the current filter'}`);
  }

  async function claimIfNeeded() {
    for (let i = 0; i < 30; i++) {
      const disabled = await page.locator('.disabled-form').count() > 0;
      const claim = page.locator('button.claim');
      if (!disabled && i > 2) return;
      if (await claim.count() > 0 && await claim.first().isVisible()) {
        await claim.first().click().catch(() => {});
        await page.waitForTimeout(1500);
      } else {
        await page.waitForTimeout(500);
      }
    }
    throw new Error('could not claim the task');
  }

  async function complete(stepName) {
    await checkWords(stepName);
    const submitted = page.waitForResponse(r => /\/(task|process-definition)\/[^/]+\/submit-form$/.test(r.url()), { timeout: 60000 });
    await page.locator('button', { hasText: /^\s*(完成|启动)\s*$/ }).last().click();
    const response = await submitted;
    await page.waitForTimeout(1500);
    if (!response.ok()) {
      await shot('failed-' + stepName);
      throw new Error(`${stepName}: submit-form answered ${response.status()}: ${await response.text()}`);
    }
    await checkWords(stepName + ' (after)');
    result.steps.push(stepName);
    console.log('done: ' + stepName);
  }

  const field = key => page.locator(`.fq-step .fq-field-${key}`);
  const choose = async (key, label) => {
    const f = field(key);
    if (await f.locator('select').count()) await f.locator('select').selectOption({ label });
    else await f.locator('label.fq-choice').filter({ hasText: label }).first().locator('input').check();
  };
  const fill = async (key, value) => field(key).locator('input, textarea').first().fill(value);
  const has = async key => (await field(key).count()) > 0 && await field(key).isVisible();

  const DESCRIPTION = '东关村主干道路灯连续三晚不亮，村民夜间出行不便（浏览器测试 ' + Date.now() + '）';
  try {
    // 1. grid1: 启动流程 → 网格事件·群众诉求办理 → the report start form (诉求登记)
    const reporter = process.env.REPORTER || 'grid1';
    await login(reporter);
    await shot('login-' + reporter);
    await page.locator('a, button', { hasText: '启动流程' }).first().click();
    const definition = page.locator('.modal-dialog a', { hasText: '群众诉求办理' }).first();
    await definition.waitFor({ timeout: 30000 });
    await definition.click();
    await page.waitForSelector('.fq-step .fq-field-description textarea', { timeout: 60000 });
    // the centre the report goes to is shown, not asked for
    await page.locator('.fq-step .fq-field-centreName', { hasText: '矛盾纠纷' }).waitFor({ timeout: 10000 });
    // a submission without the required fields is refused next to the fields, in Chinese
    await page.locator('.modal-dialog button', { hasText: /^\s*启动\s*$/ }).click();
    await page.waitForSelector('.fq-field.fq-invalid .fq-msg', { timeout: 10000 });
    await checkWords('report with empty fields');
    await shot('report-errors', true);
    await choose('type', '民生诉求');
    await choose('urgency', '紧急');
    await fill('gridId', '东关村第三网格');
    await fill('description', DESCRIPTION);
    await shot('report-form', true);
    const started = page.waitForResponse(r => /\/process-definition\/(key\/)?[^/]+\/submit-form$/.test(r.url()), { timeout: 60000 });
    await page.locator('.modal-dialog button', { hasText: /^\s*启动\s*$/ }).click();
    const startAnswer = await started;
    if (!startAnswer.ok()) throw new Error('start answered ' + startAnswer.status() + ' ' + await startAnswer.text());
    await page.waitForTimeout(1500);
    await checkWords('after the report');
    const list = await apiGet(reporter, '/api/appeals?size=200');
    const mine = list.items.find(a => a.description === DESCRIPTION);
    if (!mine) throw new Error('the reported appeal is not in /api/appeals');
    result.caseNo = mine.ticketNo;
    result.ticketNo = mine.ticketNo;
    result.id = mine.id;
    result.steps.push('report');
    console.log('reported ' + result.ticketNo);

    // 2. triage: 研判分流 — lead and assisting departments picked from lists; 派单交办
    await login('triage');
    await openTask('研判分流', '本组待办');
    await claimIfNeeded();
    await page.locator('.fq-tab', { hasText: '诉求概要' }).waitFor({ timeout: 30000 });
    await choose('action', '分流交办职能部门');
    await field('leadDepartmentId').locator('select').selectOption({ label: '岚山区住房和城乡建设局（县（区））' });
    await choose('assistingDepartmentIds', '岚山区市场监督管理局');
    await fill('notes', '请住建局牵头，市场监管局协助。');
    await shot('triage-pickers', true);
    await complete('triage');
    await openTask('派单交办', '本组待办');
    await claimIfNeeded();
    await fill('notes', '请按期办结并反馈。');
    await complete('dispatch');

    // 3. dept3 (住建局): 签收, then 办结反馈
    await login('dept3');
    await openTask('部门签收办理', '本组待办');
    await claimIfNeeded();
    await choose('action', '签收');
    await shot('department-sign', true);
    await complete('sign');
    await openTask('部门签收办理', '本组待办');
    await claimIfNeeded();
    await choose('action', '办结反馈');
    await fill('result', '已更换损坏灯具 6 盏，恢复夜间照明。');
    await page.locator('.fq-tab', { hasText: '办理历史' }).click();
    await shot('department-feedback', true);
    await complete('feedback');

    // 4. triage: 中心审核办理结果 — 审核通过
    await login('triage');
    await openTask('中心审核办理结果', '本组待办');
    await claimIfNeeded();
    await choose('decision', '审核通过，转回访');
    await complete('review');

    // 5. visitor: 回访诉求人 — 满意
    await login('visitor');
    await openTask('回访诉求人', '本组待办');
    await claimIfNeeded();
    await choose('satisfaction', '满意');
    await fill('notes', '电话回访群众，对处理结果满意。');
    await shot('return-visit', true);
    await complete('return-visit');
    const closed = await apiGet('grid1', '/api/appeals/' + result.id);
    if (closed.status !== 'CLOSED') throw new Error('appeal not closed: ' + closed.status);
    console.log('closed ' + result.ticketNo);
  } catch (e) {
    if (page) await page.screenshot({ path: path.join(artifacts, '99-failure.png') }).catch(() => {});
    throw e;
  } finally {
    if (process.env.RESULT) fs.writeFileSync(process.env.RESULT, JSON.stringify(result));
    await browser.close();
  }
})().catch(e => {
  console.error(e);
  process.exit(1);
});
