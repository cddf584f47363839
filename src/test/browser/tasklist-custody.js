// One seized item in the Chinese Tasklist alone, as each role does it: officer1 registers it (启动流程 →
// 涉案财物登记入库, the 财物登记 start form: the case and the sealing officers picked from lists, the photo
// chosen as a file and only its SHA-256 submitted) and hands it over (the custody centre preselected);
// the custodian inspects it (the zone and its shelf position picked from lists); officer1 requests a loan of it
// (启动流程 → 涉案财物调用, the item picked) and the department head approves it. Nobody types a code or an id. Every page's
// visible text is checked against a deny-list of English and engine words. Screenshots go to ARTIFACTS
// (and SCREENSHOTS, e.g. docs/screenshots).
//
// Environment: BASE_URL, ARTIFACTS, SCREENSHOTS (optional), CHROMIUM, SERVER_NOW_MS, CASE_ID and CASE_LABEL
// (a property case of officer1's agency, as the case picker shows it), RESULT (file to write {itemId, itemNo} to).
const { open, apiGet, shanghai } = require('./tasklist-session');

(async () => {
  const s = await open({ prefix: 'tasklist-' });
  const { result, shot, checkWords, login, openTask, claimIfNeeded, complete, field, choose, fill } = s;
  await s.run(async () => {
    const caseId = process.env.CASE_ID;
    // 1. officer1: 启动流程 → 涉案财物登记入库 → the registration start form
    await login('officer1');
    await s.openStartForm('涉案财物登记入库', '.fq-step .fq-field-name input');
    await s.page.locator('.modal-dialog button', { hasText: /^\s*启动\s*$/ }).click();
    await s.page.waitForSelector('.fq-field.fq-invalid .fq-msg', { timeout: 10000 });
    await checkWords('registration with empty fields');
    await choose('caseId', process.env.CASE_LABEL);
    await fill('name', '黄金项链（浏览器测试）');
    await choose('category', '贵重物品');
    await fill('quantity', '1');
    await fill('valuation', '12000');
    await fill('source', '犯罪嫌疑人王某某住处卧室抽屉');
    await fill('seizedAt', shanghai(s.serverNow() - 2 * 3600 * 1000).local);
    await fill('ownerName', '赵某');
    await fill('ownerIdNumber', '371102198502021234');
    await choose('sealedBy', '高明');
    await choose('sealedBy', '罗军');
    await field('photoHashes').locator('input[type=file]').setInputFiles({ name: '现场照片.jpg', mimeType: 'image/jpeg',
      buffer: Buffer.from('现场照片：黄金项链一条') });
    await s.page.waitForTimeout(800);
    await shot('custody-registration-form', true);
    const started = s.page.waitForResponse(r => /\/process-definition\/[^/]+\/submit-form$/.test(r.url()), { timeout: 60000 });
    await s.page.locator('.modal-dialog button', { hasText: /^\s*启动\s*$/ }).click();
    const startAnswer = await started;
    if (!startAnswer.ok()) throw new Error('start answered ' + startAnswer.status() + ' ' + await startAnswer.text());
    await s.page.waitForTimeout(1500);
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
    await s.page.reload();
    await s.page.waitForSelector('text=我的待办', { timeout: 60000 });
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
    // the shelf position: one of the chosen zone's positions, picked
    const positions = await field('location').locator('option').allInnerTexts();
    if (positions.some(p => /^A-/.test(p))) throw new Error('positions of another zone offered: ' + positions.join(' '));
    await choose('location', 'V-01');
    await fill('condition', '封存完好');
    await s.page.locator('.fq-tabs a', { hasText: '财物台账' }).click().catch(() => {});
    await shot('custody-inspection', true);
    await complete('inspection');

    // 4. officer1: 启动流程 → 涉案财物调用, the item picked (财物编号 名称（案号）), the return time to the minute
    await login('officer1');
    await s.openStartForm('涉案财物调用', '.fq-step .fq-field-itemId select');
    const caseNo = process.env.CASE_LABEL.split(' ')[0];
    await choose('itemId', result.itemNo + ' 黄金项链（浏览器测试）（' + caseNo + '）');
    await fill('reason', '带往现场辨认');
    await fill('plannedReturnAt', shanghai(s.serverNow() + 2 * 24 * 3600 * 1000).local);
    await shot('custody-loan-request-form', true);
    await complete('loan-request');

    // 5. depthead: 审批调用申请 in the group's tasks
    await login('depthead');
    await openTask('审批调用申请', '本组待办');
    await claimIfNeeded();
    await choose('approved', '同意');
    await fill('reason', '同意调用，按时归还');
    await shot('custody-loan-approval', true);
    await complete('loan-approval');
    console.log('custody lifecycle done: ' + result.steps.join(', '));
  });
})().catch(e => {
  console.error(e);
  process.exit(1);
});
