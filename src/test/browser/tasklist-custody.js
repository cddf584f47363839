// One seized item in the Chinese Tasklist alone, as each role does it: officer1 registers it (启动流程 →
// 涉案财物登记入库, the 财物登记 start form: the case and the sealing officers picked from lists, the photo
// chosen as a file and only its SHA-256 submitted) and hands it over (the custody centre preselected);
// the custodian inspects it (the zone picked from a list). Nobody types a code or an id. Every page's
// visible text is checked against a deny-list of English and engine words. Screenshots go to ARTIFACTS
// (and SCREENSHOTS, e.g. docs/screenshots).
//
// Environment: BASE_URL, ARTIFACTS, SCREENSHOTS (optional), CHROMIUM, SERVER_NOW_MS, CASE_ID and CASE_LABEL
// (a property case of officer1's agency, as the case picker shows it), RESULT (file to write {itemId, itemNo} to).
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
    if (publish && screenshots) await page.screenshot({ path: path.join(screenshots, 'tasklist-' + name + '.png') });
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

  try {
    const caseId = process.env.CASE_ID;
    // 1. officer1: 启动流程 → 涉案财物登记入库 → the registration start form
    await login('officer1');
    await page.locator('a, button', { hasText: '启动流程' }).first().click();
    const definition = page.locator('.modal-dialog a', { hasText: '涉案财物登记入库' }).first();
    await definition.waitFor({ timeout: 30000 });
    await definition.click();
    await page.waitForSelector('.fq-step .fq-field-name input', { timeout: 60000 });
    await page.locator('.modal-dialog button', { hasText: /^\s*启动\s*$/ }).click();
    await page.waitForSelector('.fq-field.fq-invalid .fq-msg', { timeout: 10000 });
    await checkWords('registration with empty fields');
    await choose('caseId', process.env.CASE_LABEL);
    await fill('name', '黄金项链（浏览器测试）');
    await choose('category', '贵重物品');
    await fill('quantity', '1');
    await fill('valuation', '12000');
    await fill('source', '犯罪嫌疑人王某某住处卧室抽屉');
    await fill('seizedAt', shanghai(serverNow() - 2 * 3600 * 1000).local);
    await fill('ownerName', '赵某');
    await fill('ownerIdNumber', '371102198502021234');
    await choose('sealedBy', '高明');
    await choose('sealedBy', '罗军');
    await field('photoHashes').locator('input[type=file]').setInputFiles({ name: '现场照片.jpg', mimeType: 'image/jpeg',
      buffer: Buffer.from('现场照片：黄金项链一条') });
    await page.waitForTimeout(800);
    await shot('custody-registration-form', true);
    const started = page.waitForResponse(r => /\/process-definition\/[^/]+\/submit-form$/.test(r.url()), { timeout: 60000 });
    await page.locator('.modal-dialog button', { hasText: /^\s*启动\s*$/ }).click();
    const startAnswer = await started;
    if (!startAnswer.ok()) throw new Error('start answered ' + startAnswer.status() + ' ' + await startAnswer.text());
    await page.waitForTimeout(1500);
    await checkWords('after registration');
    const items = await apiGet('officer1', '/api/property-items?caseId=' + caseId);
    const item = items.items.find(i => i.name === '黄金项链（浏览器测试）');
    if (!item) throw new Error('the registered item is not in /api/property-items');
    result.itemId = item.id;
    result.itemNo = item.itemNo;
    result.caseNo = item.itemNo; // the cards show the item's number
    result.steps.push('registration');
    console.log('registered ' + item.itemNo);

    // 2. officer1: 移交财物入库 (offered to the case's officers; the custody centre preselected)
    await page.reload();
    await page.waitForSelector('text=我的待办', { timeout: 60000 });
    await openTask('移交财物入库', '本组待办');
    await claimIfNeeded();
    await shot('custody-handover', true);
    if (!(await field('centreId').locator('select').inputValue())) throw new Error('no custody centre preselected');
    await complete('handover');

    // 3. custodian: 交接查验财物, the zone picked from the list
    await login('custodian');
    await openTask('交接查验财物', '本组待办');
    await claimIfNeeded();
    await choose('result', '相符，入库');
    await choose('zoneId', '贵重物品保险库');
    await fill('location', 'V-01');
    await fill('condition', '封存完好');
    await page.locator('.fq-tabs a', { hasText: '财物台账' }).click().catch(() => {});
    await shot('custody-inspection', true);
    await complete('inspection');
    if (process.env.RESULT) fs.writeFileSync(process.env.RESULT, JSON.stringify(result));
    await browser.close();
    console.log('custody lifecycle done: ' + result.steps.join(', '));
  } catch (e) {
    console.error(e && e.stack || e);
    if (page) await shot('failure').catch(() => {});
    await browser.close();
    process.exit(1);
  }
})();
