// One dispute from registration to archive in the Chinese Tasklist alone, as each role does it:
// clerk (启动流程 → 登记), triage (研判分流, organisation picked from a list), orgadmin (接收, 征询,
// 指定调解员 picked from a list), mediator1 (调解记录, 调解协议, 申请司法确认, 履行), court (司法确认
// 裁定 — as a Tasklist task if the model has one, else the integrators' message through the API),
// visitor (回访) and orgadmin again (立卷归档 with the missing documents uploaded in the form).
// Nobody types a code or an id. Every page's visible text is checked against a deny-list of English
// and engine words. Screenshots go to ARTIFACTS (and SCREENSHOTS, e.g. docs/screenshots).
//
// Environment: BASE_URL, ARTIFACTS, SCREENSHOTS (optional), CHROMIUM, SERVER_NOW_MS (the server's clock),
// RESULT (file to write {caseNo, id, courtStep} to).
const path = require('path');
const fs = require('fs');
const { open, apiGet, apiPost, shanghai } = require('./tasklist-session');
const TITLE = '外卖骑手追讨三个月工资（浏览器测试）';

(async () => {
  const s = await open({ prefix: 'tasklist-' });
  const { result, shot, checkWords, login, openTask, searchCards, claimIfNeeded, complete, field, choose, fill, has } = s;
  await s.run(async () => {
    if (process.env.RESUME_CASE_ID) {
      const c = await apiGet('admin', '/api/disputes/' + process.env.RESUME_CASE_ID);
      result.caseNo = c.caseNo; result.id = c.id;
    } else {
    // 1. clerk: 启动流程 → 矛盾纠纷调解 → the registration start form
    await login('clerk');
    await shot('login-clerk');
    await s.openStartForm('矛盾纠纷调解', '.fq-step .fq-field-title input');
    // a submission without the required fields is refused next to the fields, in Chinese
    await s.page.locator('.modal-dialog button', { hasText: /^\s*启动\s*$/ }).click();
    await s.page.waitForSelector('.fq-field.fq-invalid .fq-msg', { timeout: 10000 });
    await checkWords('registration with empty fields');
    await shot('registration-errors', true);
    await fill('title', TITLE);
    await choose('category', '劳动争议');
    await choose('channel', '当事人申请');
    await fill('amountInvolved', '18600');
    await fill('facts', '申请人为某配送站外卖骑手，2026 年 8 月至 10 月工资共 18600 元未发放。');
    await fill('claims', '支付拖欠工资 18600 元。');
    await fill('applicantName', '刘某');
    await fill('applicantPhone', '13800001111');
    await fill('respondentName', '某配送服务公司');
    await choose('respondentType', '法人');
    await fill('respondentPhone', '0633-8000000');
    await shot('registration-form', true);
    const started = s.page.waitForResponse(r => /\/process-definition\/[^/]+\/submit-form$/.test(r.url()), { timeout: 60000 });
    await s.page.locator('.modal-dialog button', { hasText: /^\s*启动\s*$/ }).click();
    const startAnswer = await started;
    if (!startAnswer.ok()) throw new Error('start answered ' + startAnswer.status() + ' ' + await startAnswer.text());
    await s.page.waitForTimeout(1500);
    await checkWords('after registration');
    // the cases in triage, newest first, page by page (a long test run leaves many)
    let mine;
    for (let p = 0; !mine; p++) {
      const list = await apiGet('clerk', `/api/disputes?status=TRIAGE&size=200&page=${p}`);
      if (!list.items.length) break;
      mine = list.items.find(c => c.title === TITLE);
    }
    if (!mine) throw new Error('the registered case is not in /api/disputes');
    result.caseNo = mine.caseNo;
    result.id = mine.id;
    result.steps.push('register');
    console.log('registered ' + result.caseNo);
    }
    if (!s.knowsServerClock()) {
      // no clock given: the server's "now" is when it last changed the case
      s.setServerNow(new Date((await apiGet('admin', '/api/disputes/' + result.id)).updatedAt).getTime());
    }
    const from = process.env.FROM_STEP || 'triage';
    const order = ['triage', 'orgadmin', 'mediation', 'judicial', 'court', 'performance', 'visit', 'archive'];
    const run = s => order.indexOf(s) >= order.indexOf(from);

    if (run('triage')) {
    // 2. triage: the suggested organisation is preselected; 受理并分流, 推送
    await login('triage');
    await openTask('研判分流', '本组待办');
    await claimIfNeeded();
    await shot('triage-card-and-form', true);
    await choose('decision', '受理并分流');
    await s.page.waitForTimeout(300);
    // the triage suggestion is preselected; this case goes to the street's committee, chosen from the list
    if (!(await field('orgId').locator('select').inputValue())) throw new Error('no organisation preselected');
    await field('orgId').locator('select').selectOption({ label: '安东卫街道人民调解委员会（乡镇（街道））' });
    await choose('assignmentMode', '推送（调解组织可拒收）');
    await complete('triage');

    }
    if (run('orgadmin')) {
    // 3. orgadmin: 接收推送案件, 征询被申请人意愿, 指定调解员 (from the organisation's mediators)
    await login('orgadmin');
    // the centre finds a case by its 案号 and by a party's name (任务变量 search, Chinese names)
    await s.page.locator('text=本组待办').first().click();
    const byCaseNo = await searchCards('案号', '=', result.caseNo, 'search-by-case-no');
    if (byCaseNo.length === 0 || !byCaseNo.every(t => t.includes(result.caseNo))) {
      throw new Error(`search by 案号 ${result.caseNo}: ${JSON.stringify(byCaseNo)}`);
    }
    const byParty = await searchCards('当事人', 'like', '%某配送服务公司%', 'search-by-party');
    if (!byParty.some(t => t.includes(result.caseNo)) || !byParty.every(t => t.includes('某配送服务公司'))) {
      throw new Error(`search by party: ${JSON.stringify(byParty)}`);
    }
    result.steps.push('search');
    await openTask('接收推送案件', '本组待办');
    await shot('orgadmin-cards', true);
    await claimIfNeeded();
    await choose('accepted', '接收');
    await complete('acceptance');
    await openTask('征询被申请人意愿', '本组待办');
    await claimIfNeeded();
    await choose('respondentConsent', '同意调解');
    await fill('notes', '电话联系被申请人，同意到调解室调解。');
    await complete('consent');
    await openTask('指定调解员', '本组待办');
    await claimIfNeeded();
    await field('presidingMediatorId').locator('select').selectOption({ label: '张建国' });
    await shot('mediators-picker', true);
    await complete('mediators');

    }
    if (run('mediation')) {
    // 4. mediator1: 调解记录, 调解协议
    await login('mediator1');
    await openTask('主持调解', '我的待办');
    await choose('action', '记录调解（笔录）');
    await fill('heldAt', shanghai(s.serverNow() - 3 * 3600 * 1000).local);
    await fill('place', '安东卫街道调解室');
    await fill('minutes', '双方到场，调解员释法说理，被申请人承认欠薪，愿意分两期支付。');
    if (await has('rightsNoticeDelivered')) await field('rightsNoticeDelivered').locator('input').check();
    await shot('mediation-session', true);
    await complete('sessions');
    await openTask('主持调解', '我的待办');
    await choose('action', '达成调解协议');
    await choose('form', '书面调解协议书');
    await fill('terms', '被申请人于 2026 年 12 月 31 日前一次性支付申请人工资 18600 元，申请人放弃其他请求。');
    await fill('performanceDeadline', '2026-12-31');
    await fill('amount', '18600');
    if (await has('signedBy')) await fill('signedBy', '刘某，某配送服务公司');
    if (await has('sealed')) await field('sealed').locator('input').check();
    if (await has('signedAt')) await fill('signedAt', shanghai(s.serverNow() - 60 * 60 * 1000).local);
    await complete('agreement');

    }
    if (run('judicial')) {
    // 5. mediator1: 申请司法确认 (filed after the agreement took effect, to the minute)
    await openTask('督促履行调解协议', '我的待办');
    await shot('performance-context', true);
    await choose('action', '当事人共同申请司法确认（协议生效 30 日内）');
    const agreed = (await apiGet('mediator1', '/api/disputes/' + result.id)).agreementEffectiveAt;
    let filed = Math.ceil(new Date(agreed).getTime() / 60000) * 60000;
    while (filed > s.serverNow()) await s.page.waitForTimeout(2000);
    await fill('court', '日照市岚山区人民法院');
    await fill('filedAt', shanghai(filed).local);
    if (await has('applicants')) await fill('applicants', '刘某，某配送服务公司');
    await complete('judicial-confirmation');

    }
    if (run('court')) {
    // 6. court: the decision as a Tasklist task if the model has one, else the integrators' message
    await login('court');
    let courtTask = false;
    for (let i = 0; i < 3 && !courtTask; i++) {
      await s.page.waitForTimeout(1000);
      courtTask = await s.page.locator('.tasks-list li.task').filter({ hasText: result.caseNo }).count() > 0;
      if (!courtTask) {
        await s.page.locator('text=本组待办').first().click({ timeout: 5000 }).catch(() => {});
        await s.page.waitForTimeout(1000);
        courtTask = await s.page.locator('.tasks-list li.task').filter({ hasText: result.caseNo }).count() > 0;
      }
    }
    if (courtTask) {
      await s.page.locator('.tasks-list li.task').filter({ hasText: result.caseNo }).first().click();
      await s.page.waitForTimeout(1500);
      await claimIfNeeded();
      if (await has('courtCaseNo')) {
        // D13: the court first records its acceptance (受理); the ruling is the next task
        await fill('acceptedAt', shanghai(s.serverNow()).local);
        await fill('courtCaseNo', '（2026）鲁1103民特12号');
        await shot('court-acceptance', true);
        await complete('court-acceptance');
        await s.page.waitForTimeout(1000);
        await s.page.locator('.tasks-list li.task').filter({ hasText: result.caseNo }).first().click();
        await s.page.waitForTimeout(1500);
        await claimIfNeeded();
      }
      if (await field('result').count()) await choose('result', '裁定调解协议有效');
      else {
        await s.page.locator('.fjs-form-field').filter({ hasText: /裁定/ }).locator('input[value="CONFIRMED_VALID"], label:has-text("有效") input').first().check();
      }
      await shot('court-decision', true);
      await complete('court-decision');
      result.courtStep = 'tasklist';
    } else {
      await shot('court-no-task');
      await apiPost('court', '/api/disputes/' + result.id + '/court-decision', { result: 'CONFIRMED_VALID', notes: '裁定调解协议有效' });
      result.courtStep = 'message';
      result.steps.push('court-decision (message)');
      console.log('court decision sent as the integrators\' message (no court task in the model)');
    }

    }
    if (run('performance')) {
    // 7. mediator1: 履行情况 — 履行完毕
    await login('mediator1');
    await openTask('督促履行调解协议', '我的待办');
    await choose('action', '记录履行情况');
    await choose('status', '履行完毕');
    await fill('evidence', '申请人出具收条，确认收到 18600 元。');
    await complete('performance');

    }
    if (run('visit')) {
    // 8. visitor: 回访 — 满意
    await login('visitor');
    await openTask('回访当事人', '本组待办');
    await claimIfNeeded();
    await choose('satisfaction', '满意');
    await choose('performanceStatus', '履行完毕');
    await fill('notes', '电话回访申请人，对调解结果满意。');
    await shot('return-visit', true);
    await complete('return-visit');

    }
    if (run('archive')) {
    // 9. orgadmin: 立卷归档 — the form lists what is missing and uploads it
    await login('orgadmin');
    await openTask('立卷归档', '本组待办');
    await claimIfNeeded();
    await s.page.waitForSelector('.fq-uploads', { timeout: 30000 });
    await shot('archive-missing', true);
    const tmp = path.join(s.artifacts, 'scan.pdf');
    fs.writeFileSync(tmp, '%PDF-1.4\n% 扫描件\n');
    const missing = await s.page.locator('.fq-upload-row').evaluateAll(rows => rows.map(r => r.getAttribute('data-type')));
    if (missing.length === 0) throw new Error('the archive form lists no missing document');
    for (const type of missing) {
      const row = s.page.locator(`.fq-upload-row[data-type="${type}"]`);
      await row.locator('input[type=file]').setInputFiles(tmp);
      await row.locator('button.fq-upload').click();
      await row.locator('.fq-upload-state', { hasText: '已上传' }).waitFor({ timeout: 30000 });
    }
    await checkWords('archive uploads');
    await fill('volumeNo', '2026-岚-调-0001');
    await fill('retentionYears', '10');
    await s.page.locator('.fq-tab', { hasText: '案件历史' }).click();
    await shot('archive-form', true);
    await complete('archive');
    const archived = await apiGet('orgadmin', '/api/disputes/' + result.id);
    if (archived.status !== 'ARCHIVED') throw new Error('case not archived: ' + archived.status);
    console.log('archived ' + result.caseNo);
    }
  });
})().catch(e => {
  console.error(e);
  process.exit(1);
});
