// Every role's Tasklist, page by page: logs in as each demo user, opens every card of the seeded
// filters (我的待办, 本组待办, 即将超期, 已超期) and every start form the user may open in 启动流程,
// and checks each page against tasklist-session.js's deny-list of English and engine words. A step's
// form must render: its fields, or for a 督办员 the read-only note; no other message at the top. The
// task header must not offer what the engine's door refuses (添加组, 设置跟进日期, 添加备注, the empty 历史).
// Driven by TasklistWordsBrowserTest, which checks how much was opened (RESULT).
//
// Environment (besides tasklist-session.js's): USERS (comma-separated demo users), MAX_CARDS (per filter).
const { open } = require('./tasklist-session');

const users = (process.env.USERS || '').split(',').filter(Boolean);
const maxCards = Number(process.env.MAX_CARDS || 6);
const FILTERS = ['我的待办', '本组待办', '即将超期', '已超期'];
const READ_ONLY = '督办查看';
/** besides the deny-list: any English phrase (three words in a row) */
const PHRASE = /\b[A-Za-z]{2,}(?:[ \t]+[A-Za-z]{2,}){2,}\b/;

(async () => {
  const s = await open({ prefix: 'words-' });
  const check = async where => {
    await s.checkWords(where);
    const text = await s.page.evaluate(() => document.body.innerText);
    const m = text.match(PHRASE);
    if (m) throw new Error(`${where}: the page shows "${m[0]}": …${text.substr(Math.max(0, m.index - 80), 160)}…`);
  };
  s.result.users = {};
  await s.run(async () => {
    for (const user of users) {
      // a lost webapp session (the login page instead of the Tasklist, seen once in a full test run and not when this
      // test runs alone; the webapps revalidate a session against the engine clock, which other test classes move)
      // is logged in again, once, and counted in the result
      for (let attempt = 1; ; attempt++) {
        try {
          await sweep(user);
          break;
        } catch (e) {
          const lost = await s.page.locator('input[type=password]').isVisible().catch(() => false);
          if (!lost || attempt > 1) throw e;
          console.log(`  (${user}) the session was lost (login page shown); logging in again: ${e.message.split('\n')[0]}`);
          s.result.sessionsLost = (s.result.sessionsLost || 0) + 1;
        }
      }
    }
  });

  async function sweep(user) {
      const seen = s.result.users[user] = { tasks: [], startForms: [] };
      await s.login(user);
      for (const filter of FILTERS) {
        await s.page.locator('text=' + filter).first().click({ timeout: 5000 });
        await s.page.waitForTimeout(1500);
        const cards = s.page.locator('.tasks-list li.task');
        const n = Math.min(await cards.count(), maxCards);
        for (let i = 0; i < n; i++) {
          const name = (await cards.nth(i).locator('.names, h4, .task-name').first().innerText().catch(() => '')).trim()
            || (await cards.nth(i).innerText()).split('\n')[0].trim();
          const where = `${user} · ${filter} · ${name}`;
          await cards.nth(i).click();
          await s.page.waitForSelector('.fq-step .fq-fields .fq-field, .fq-step .fq-error-top:not(:empty)', { timeout: 30000 })
            .catch(() => { throw new Error(`${where}: the step's form did not render`); });
          await s.page.waitForTimeout(800);
          await check(where);
          // the header shows the step's dates, groups and assignee but edits none of them; no empty 历史 tab
          const tabs = (await s.page.locator('ul.nav-tabs > li:visible').allInnerTexts()).map(t => t.trim());
          if (tabs.includes('历史')) throw new Error(`${where}: the empty 历史 tab is shown`);
          for (const offer of ['添加组', '设置跟进日期', '添加备注']) {
            if (await s.page.getByText(offer, { exact: true }).first().isVisible().catch(() => false)) {
              throw new Error(`${where}: the task header offers ${offer}`);
            }
          }
          const top = (await s.page.locator('.fq-step .fq-error-top').first().innerText().catch(() => '')).trim();
          if (top && !top.startsWith(READ_ONLY)) throw new Error(`${where}: the form says "${top}"`);
          seen.tasks.push({ filter, name, readOnly: top.startsWith(READ_ONLY) });
        }
      }
      // the header: no 创建任务 (no role may make a task of no case); the shortcut help in Chinese
      if (await s.page.locator('a', { hasText: '创建任务' }).isVisible().catch(() => false)) {
        throw new Error(`${user}: the header offers 创建任务`);
      }
      await s.page.locator('a', { hasText: '键盘快捷键' }).first().click();
      await s.page.waitForSelector('.modal-dialog', { timeout: 10000 });
      await s.page.waitForTimeout(500);
      await check(`${user} · 键盘快捷键`);
      await s.page.keyboard.press('Escape');
      await s.page.waitForTimeout(500);
      // 启动流程: every start form this user may open
      await s.page.locator('a, button', { hasText: '启动流程' }).first().click();
      await s.page.waitForTimeout(1500);
      const definitions = s.page.locator('.modal-dialog a', { hasText: /\S/ });
      const names = (await definitions.allInnerTexts()).map(t => t.trim()).filter(Boolean);
      await check(`${user} · 启动流程`);
      await s.page.keyboard.press('Escape');
      await s.page.waitForTimeout(500);
      for (const definition of names) {
        const where = `${user} · 启动流程 · ${definition}`;
        await s.openStartForm(definition, '.modal-dialog .fq-step .fq-fields .fq-field', 30000)
          .catch(() => { throw new Error(`${where}: the start form did not render`); });
        await s.page.waitForTimeout(800);
        await check(where);
        seen.startForms.push(definition);
        await s.page.keyboard.press('Escape');
        await s.page.waitForTimeout(800);
      }
      console.log(`${user}: ${seen.tasks.length} steps, start forms [${seen.startForms.join('、')}]`);
  }
})().catch(e => {
  console.error(e);
  process.exit(1);
});
