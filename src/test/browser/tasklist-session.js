// What the Tasklist browser scripts share (tasklist-lifecycle.js, tasklist-appeal.js, tasklist-custody.js):
// the browser, the login as a demo user (retried when the webapp stalls), opening a task by its card,
// the Tasklist's search, claiming, completing, the embedded form's fields, screenshots and the deny-list
// of English and engine words every page is checked against.
//
// Environment: BASE_URL, ARTIFACTS, SCREENSHOTS (optional), CHROMIUM, SERVER_NOW_MS (the server's clock),
// RESULT (file the script's result is written to).
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
  /TaskListener/, /\bnot a field\b/, /Choose File/, /No file chosen/, /\b[AP]M\b/, /\brequired\b/, /\bValidation failed\b/, /\bForbidden\b/, /\bdefault\b/];

function shanghai(ms) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(ms)).map(x => [x.type, x.value]));
  return { local: `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`, date: `${p.year}-${p.month}-${p.day}` };
}

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

/**
 * Opens the browser and returns the session: {@code s.page} is the current user's page (a new one at
 * each login), {@code s.result} what the script writes to RESULT; {@code s.run(body)} runs the script's
 * steps, saving a failure screenshot, the result and closing the browser whatever happens.
 * Options: {@code prefix} of the published screenshots' names (default 'tasklist-').
 */
async function open(options = {}) {
  const prefix = options.prefix || 'tasklist-';
  const s = { base, artifacts, page: null };
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });
  const result = s.result = { steps: [] };
  let page;
  let shotNo = 0;
  const shot = async (name, publish) => {
    shotNo++;
    const file = `${String(shotNo).padStart(2, '0')}-${name}.png`;
    await page.screenshot({ path: path.join(artifacts, file) });
    if (publish && screenshots) await page.screenshot({ path: path.join(screenshots, prefix + name + '.png') });
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
    page = s.page = await context.newPage();
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

  /**
   * The Tasklist's search in the current filter: 任务变量 · <label> <operator> <value>, as a user picks it
   * (the card variables carry Chinese names). Returns the cards' texts and removes the search again.
   */
  async function searchCards(label, operator, value, shotName) {
    await page.click('[cam-widget-search] input.main-field');
    await page.locator('.uib-typeahead-match a[title="任务变量"]').click();
    await page.locator('.uib-typeahead-match a[title^="' + label + '"]').click();
    const pill = page.locator('[cam-widget-search-pill]').last();
    if (operator !== '=') {
      await pill.locator('.operator-field').click();
      await pill.locator('.operator-field .uib-typeahead-match a[title="' + operator + '"]').click();
    }
    await pill.locator('.value-field').click();
    const input = pill.locator('.value-field input');
    await input.waitFor({ timeout: 10000 });
    await input.fill(value);
    await input.press('Enter');
    let texts = [];
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(500);
      texts = await page.locator('.tasks-list li.task').allInnerTexts();
      if (texts.some(t => t.includes(result.caseNo))) break;
    }
    await checkWords('search ' + label);
    if (shotName) await shot(shotName, true);
    await pill.locator('.remove-search').click();
    await page.waitForTimeout(1000);
    return texts;
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

  /** 启动流程 → the process `name` → its start form, ready when `readySelector` shows. */
  async function openStartForm(name, readySelector, timeout = 60000) {
    await page.locator('a, button', { hasText: '启动流程' }).first().click();
    const definition = page.locator('.modal-dialog a', { hasText: name }).first();
    await definition.waitFor({ timeout: 30000 });
    await definition.click();
    await page.waitForSelector(readySelector, { timeout });
  }

  const field = key => page.locator(`.fq-step .fq-field-${key}`);
  const choose = async (key, label) => {
    const f = field(key);
    if (await f.locator('select').count()) await f.locator('select').selectOption({ label });
    else await f.locator('label.fq-choice').filter({ hasText: label }).first().locator('input').check();
  };
  const fill = async (key, value) => field(key).locator('input, textarea').first().fill(value);
  const has = async key => (await field(key).count()) > 0 && await field(key).isVisible();


  s.browser = browser;
  Object.assign(s, { shot, checkWords, login, openTask, openStartForm, searchCards, claimIfNeeded, complete, field, choose, fill, has });
  s.serverNow = () => Date.now() + serverOffset;
  s.knowsServerClock = () => serverOffset !== null;
  s.setServerNow = ms => { serverOffset = ms - Date.now(); };
  s.run = async steps => {
    try {
      await steps();
    } catch (e) {
      if (page) await page.screenshot({ path: path.join(artifacts, '99-failure.png') }).catch(() => {});
      throw e;
    } finally {
      if (process.env.RESULT) fs.writeFileSync(process.env.RESULT, JSON.stringify(result));
      await browser.close();
    }
  };
  return s;
}

module.exports = { open, apiGet, apiPost, shanghai, base };
