// Logs into the Camunda Tasklist as a mediator, opens the 主持调解 task of one case, records a
// mediation session through the embedded form and completes it. Driven by TasklistBrowserTest
// (JUnit), which checks the result through GET /api/disputes/{id}/history.
//
// Environment (besides tasklist-session.js's): CASE_NO (案号 of the case whose task to open),
// USER_ID (default mediator1; every demo user's password is 'demo').
const { open, shanghai } = require('./tasklist-session');

const caseNo = process.env.CASE_NO;
const user = process.env.USER_ID || 'mediator1';
if (!caseNo) {
  console.error('CASE_NO is required');
  process.exit(2);
}

(async () => {
  const s = await open({ prefix: 'mediation-' });
  s.result.caseNo = caseNo;
  await s.run(async () => {
    // 1. log in; the seeded filter 我的待办 is selected first: open the case's 主持调解 task by its card (案号)
    await s.login(user);
    await s.shot('my-tasks');
    await s.openTask('主持调解', '我的待办');
    await s.claimIfNeeded();
    await s.shot('task-form');

    // 2. 本次办理事项 = 记录调解（笔录）; 调解时间 half an hour ago on the server's clock (Shanghai, to the
    //    minute), 调解地点, 调解笔录, 已告知权利义务
    await s.choose('action', '记录调解（笔录）');
    await s.fill('heldAt', shanghai(s.serverNow() - 30 * 60 * 1000).local);
    await s.fill('place', '安东卫街道调解室');
    await s.fill('minutes', '双方当事人到场，调解员释法说理，申请人陈述工资拖欠情况，被申请人表示愿意协商。');
    await s.field('rightsNoticeDelivered').locator('input').check();
    await s.shot('form-filled');

    // 3. 完成: submit-form must succeed (the process creates the next 主持调解 task afterwards)
    await s.complete('主持调解');
    await s.shot('after-complete');
    console.log('completed the 主持调解 task of ' + caseNo + ' as ' + user);
  });
})().catch(e => {
  console.error(e);
  process.exit(1);
});
