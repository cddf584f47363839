// One appeal (诉求) from report to closure in the Chinese Tasklist alone, as each role does it:
// grid1 (启动流程 → 诉求登记), triage (研判分流 with the departments picked from lists, 派单交办),
// dept3 (签收, 办结反馈), triage (中心审核) and visitor (回访诉求人, with the appellant's phone from 诉求登记 in
// the task's context). Nobody types a code or an id.
// Every page's visible text is checked against a deny-list of English and engine words.
// Screenshots go to ARTIFACTS (and SCREENSHOTS, e.g. docs/screenshots, as tasklist-appeal-*.png).
//
// Environment: BASE_URL, ARTIFACTS, SCREENSHOTS (optional), CHROMIUM, RESULT (file to write {ticketNo, id} to).
const { open, apiGet } = require('./tasklist-session');

(async () => {
  const s = await open({ prefix: 'tasklist-appeal-' });
  const { result, shot, checkWords, login, openTask, claimIfNeeded, complete, field, choose, fill } = s;
  const DESCRIPTION = '东关村主干道路灯连续三晚不亮，村民夜间出行不便（浏览器测试 ' + Date.now() + '）';
  await s.run(async () => {
    // 1. grid1: 启动流程 → 网格事件·群众诉求办理 → the report start form (诉求登记)
    const reporter = process.env.REPORTER || 'grid1';
    await login(reporter);
    await shot('login-' + reporter);
    await s.openStartForm('群众诉求办理', '.fq-step .fq-field-description textarea');
    // the centre the report goes to is shown, not asked for
    await s.page.locator('.fq-step .fq-field-centreName', { hasText: '矛盾纠纷' }).waitFor({ timeout: 10000 });
    // a submission without the required fields is refused next to the fields, in Chinese; nothing is sent
    let sentEarly = null;
    const early = r => { if (/\/submit-form$/.test(r.url())) sentEarly = r.url(); };
    s.page.on('request', early);
    await s.page.locator('.modal-dialog button', { hasText: /^\s*启动\s*$/ }).click();
    await s.page.waitForSelector('.fq-field.fq-invalid .fq-msg', { timeout: 10000 });
    const refusal = (await s.page.locator('.fq-step .fq-error-top').innerText()).trim();
    if (refusal !== '请按标出的提示填写。') throw new Error('the empty report was refused with "' + refusal + '"');
    const marked = await s.page.locator('.fq-field.fq-invalid').evaluateAll(l => l.map(x => x.getAttribute('data-key') + ':' + x.querySelector('.fq-msg').textContent));
    for (const key of ['type', 'gridId', 'description']) {
      if (!marked.includes(key + ':必填')) throw new Error('the empty ' + key + ' is not marked 必填: ' + marked.join(', '));
    }
    await s.page.waitForTimeout(500);
    s.page.off('request', early);
    if (sentEarly) throw new Error('the refused report was sent: ' + sentEarly);
    await checkWords('report with empty fields');
    await shot('report-errors', true);
    // then filled and submitted again in the same dialog: the last field typed is a required one marked
    // 必填, whose message goes as it is typed (not when the click on 启动 takes the focus away)
    await choose('type', '民生诉求');
    await choose('urgency', '紧急');
    await fill('gridId', '东关村第三网格');
    await fill('reporterName', '王秀兰');
    await fill('reporterPhone', '13800004101');
    await fill('description', DESCRIPTION); // typed last: the 必填 field still marked when 启动 is clicked
    await shot('report-form', true);
    const started = s.page.waitForResponse(r => /\/process-definition\/(key\/)?[^/]+\/submit-form$/.test(r.url()), { timeout: 60000 });
    await s.page.locator('.modal-dialog button', { hasText: /^\s*启动\s*$/ }).click();
    const startAnswer = await started;
    if (!startAnswer.ok()) throw new Error('start answered ' + startAnswer.status() + ' ' + await startAnswer.text());
    await s.page.waitForTimeout(1500);
    await checkWords('after the report');
    let mine;
    for (let p = 0; !mine; p++) {
      const list = await apiGet(reporter, `/api/appeals?size=200&page=${p}`);
      if (!list.items.length) break;
      mine = list.items.find(a => a.description === DESCRIPTION);
    }
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
    await s.page.locator('.fq-tab', { hasText: '诉求概要' }).waitFor({ timeout: 30000 });
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
    await s.page.locator('.fq-tab', { hasText: '办理历史' }).click();
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
    // whom to call: the appellant's name and phone from 诉求登记, in the task's 诉求概要
    await s.page.locator('.fq-panel-summary', { hasText: '王秀兰' }).filter({ hasText: '13800004101' }).waitFor({ timeout: 10000 });
    await choose('satisfaction', '满意');
    await fill('notes', '电话回访群众，对处理结果满意。');
    await shot('return-visit', true);
    await complete('return-visit');
    const closed = await apiGet('grid1', '/api/appeals/' + result.id);
    if (closed.status !== 'CLOSED') throw new Error('appeal not closed: ' + closed.status);
    console.log('closed ' + result.ticketNo);
  });
})().catch(e => {
  console.error(e);
  process.exit(1);
});
