/**
 * The registration journey in a real browser against a real node (embedded PostgreSQL, demo exchange
 * seeded, one publicity "day" shortened to 2 s in playwright.config.ts): a provider registers a data
 * resource, a reviewer takes it through the compliance checklist to publicity, a buyer objects, the
 * reviewer dismisses the objection, the certificate is issued; the provider then registers a product
 * derived from the resource, it is certified and listed, and an anonymous visitor finds it in the
 * catalog by a Chinese query and verifies its certificate. All in zh-CN.
 *
 * Each key step is saved to test-results/e2e-screens/NN-name.png (40 and up in this file).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../playwright.config';

const SCREENS_DIR = fileURLToPath(new URL('../test-results/e2e-screens/', import.meta.url));
const EVIDENCE_PDF = fileURLToPath(new URL('./fixtures/business-licence.pdf', import.meta.url));

/** Demo users (apps/server/src/seed/demo-seed.ts). */
const USERS = {
  provider: { email: 'provider1@demo.shuliu.cn', name: '张伟' },
  reviewer: { email: 'reviewer@demo.shuliu.cn', name: '审核员 陈静' },
  buyer: { email: 'buyer@demo.shuliu.cn', name: '赵敏' },
} as const;
type DemoUser = (typeof USERS)[keyof typeof USERS];

const PROVIDER_ORGANIZATION = '江苏智慧交通数据有限公司';
const RESOURCE_NAME = '南京市城市道路交通流量数据';
const PRODUCT_SEGMENTS = {
  provider: '江苏智慧交通',
  subject: '城市道路交通流量',
  granularity: '路段级逐小时',
} as const;
const PRODUCT_NAME = `${PRODUCT_SEGMENTS.provider}·${PRODUCT_SEGMENTS.subject}·数据集·${PRODUCT_SEGMENTS.granularity}`;

/** How long a case may take from publicity start to its certificate (resource: 10 "days" of 2 s). */
const CERTIFICATION_TIMEOUT = 75_000;

// ---------------------------------------------------------------------------------------------------
// Helpers

/** Saves a named full-page screenshot of a key step (and attaches it to the report). */
async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = `${SCREENS_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/** A fresh browser context and page signed in as `user` from the header's 登录 button. */
async function signedIn(browser: Browser, user: DemoUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByTestId('nav-login').click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await page.getByLabel('邮箱').fill(user.email);
  await page.getByLabel('密码', { exact: true }).fill(E2E_DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-menu')).toContainText(user.name);
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

/** The form item (label, control, message) whose label is `label`. */
function formItem(page: Page | Locator, label: string): Locator {
  return page
    .locator('.ant-form-item')
    .filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) })
    .first();
}

/** Opens the select labelled `label` and picks the option `option` (typing it first to filter). */
async function pick(page: Page | Locator, label: string, option: string, search = false): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  if (search) await input.fill(option);
  const dropdown = input.page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.getByTitle(option, { exact: true }).click();
  await expect(dropdown).toBeHidden();
}

/** Types tags into a tags select (each followed by Enter). */
async function addTags(page: Page | Locator, label: string, tags: readonly string[]): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  for (const tag of tags) {
    await input.fill(tag);
    await input.press('Enter');
  }
}

/** The toast (antd message) saying `text`. */
function toast(page: Page, text: string): Locator {
  return page.locator('.ant-message-notice').getByText(text, { exact: true });
}

/** Confirms the open Popconfirm (antd spaces two-character button labels: 确 定). */
async function confirmPopup(page: Page): Promise<void> {
  await page
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: /^确\s?定$/ })
    .click();
}

/** The title of the wizard's current step. */
function currentStep(page: Page, wizard: 'resource' | 'product'): Locator {
  return page.getByTestId(`${wizard}-wizard-steps`).locator('.ant-steps-item-process .ant-steps-item-title');
}

/** Goes to the next wizard step and checks it opened. */
async function nextStep(page: Page, wizard: 'resource' | 'product', title: string): Promise<void> {
  await page.getByTestId('step-next').click();
  await expect(currentStep(page, wizard)).toHaveText(title);
}

/** Uploads the evidence PDF through the upload field labelled `label`, as a person would. */
async function uploadEvidence(page: Page, label: string): Promise<void> {
  const item = formItem(page, label);
  const chooser = page.waitForEvent('filechooser');
  await item.getByRole('button', { name: '选择文件' }).click();
  await (await chooser).setFiles(EVIDENCE_PDF);
  await expect(item.getByRole('link', { name: 'business-licence.pdf' })).toBeVisible();
}

// ---------------------------------------------------------------------------------------------------
// Phases

/** Phase 1: provider1 registers the data resource through the wizard and submits it. */
async function registerResource(page: Page): Promise<string> {
  await page.getByTestId('nav-registry').hover();
  await page.getByRole('menuitem', { name: '登记数据资源' }).click();
  await expect(page.getByRole('heading', { name: '数据资源登记' })).toBeVisible();

  await expect(currentStep(page, 'resource')).toHaveText('基本信息');
  await page.getByLabel('资源名称').fill(RESOURCE_NAME);
  await pick(page, '所属领域', '交通运输', true);
  await page
    .getByLabel('简介')
    .fill('南京市主城区 1,200 个路段的地磁与视频检测器采集的逐小时交通流量、平均车速和占有率数据。');
  await addTags(page, '关键词', ['交通流量', '路段', '南京']);
  await page.getByTestId('registry-save-draft').click();
  await expect(toast(page, '草稿已保存')).toBeVisible();
  await expect(page.getByTestId('draft-saved-at')).toContainText('已保存');
  await expect(page).toHaveURL(/\/registry\/resources\/res_[^/]+\/edit$/);
  await snap(page, '40-resource-basic');

  await nextStep(page, 'resource', '数据项');
  const items = [
    { name: 'road_id', description: '路段编号' },
    { name: 'hour', description: '统计小时' },
    { name: 'volume', description: '小时车流量（辆）' },
  ];
  for (const [index, item] of items.entries()) {
    await page.getByTestId('add-item').click();
    await page.getByTestId(`item-name-${index}`).fill(item.name);
    await page.getByTestId('data-items').getByLabel('说明').nth(index).fill(item.description);
  }
  await snap(page, '41-resource-items');

  await nextStep(page, 'resource', '来源与权属');
  await page.getByRole('radio', { name: /自行采集/ }).check();
  await page
    .getByLabel('来源说明')
    .fill('由本公司在南京市主城区布设的地磁与视频检测器自行采集，采集经市交通运输局书面同意。');
  await uploadEvidence(page, '来源合法性证明材料');
  await page.getByTestId('right-holding').check();
  await page.getByTestId('right-processing').check();
  await snap(page, '42-resource-source');

  await nextStep(page, 'resource', '分类分级');
  await page.getByRole('radio', { name: /一般数据·2级/ }).check();
  await pick(page, '共享属性', '有条件共享');
  await pick(page, '开放属性', '有条件开放');
  const from = page.getByLabel('数据起始日期');
  await from.click();
  await from.fill('2024-01-01');
  await from.press('Enter');
  await addTags(page, '空间范围（行政区划代码）', ['320100']);
  await pick(page, '更新频率', '每日');
  await page.getByLabel('数据量（条）').fill('10512000');
  await page.getByRole('checkbox', { name: 'CSV' }).check();
  await snap(page, '43-resource-classification');

  await nextStep(page, 'resource', '确认提交');
  await expect(page.getByText(RESOURCE_NAME)).toBeVisible();
  await snap(page, '44-resource-confirm');
  await page.getByTestId('registry-submit').click();
  await expect(page).toHaveURL(/\/registry\/cases\/case_[^/]+$/);
  await expect(page.getByTestId('case-state')).toHaveText('已提交');
  await expect(page.getByTestId('case-number')).not.toBeEmpty();
  await snap(page, '45-resource-submitted');
  return new URL(page.url()).pathname;
}

/** Clicks a decision button of the reviewer's case screen and confirms it. */
async function decide(page: Page, testId: string, done: string): Promise<void> {
  await page.getByTestId(testId).click();
  await confirmPopup(page);
  await expect(toast(page, done)).toBeVisible();
}

/** The prohibited-trading categories of the tradability item (PROHIBITED_CATEGORIES). */
const PROHIBITED = [
  'national_security',
  'rights_or_privacy',
  'unauthorized_enterprise_data',
  'illegal_channel',
  'forbidden_by_law_or_contract',
] as const;

/** Completes the compliance checklist item by item, every item passed, with a note. */
async function completeChecklist(page: Page, screenshot: string): Promise<void> {
  const checklist = page.getByTestId('checklist');
  const keys = [
    'subject_qualification',
    'lawful_source',
    'security_management',
    'tradability',
    'personal_information',
  ];
  for (const [index, key] of keys.entries()) {
    const form = page.getByTestId(`checklist-form-${key}`);
    if (!(await form.isVisible())) await page.getByTestId(`checklist-item-${key}`).click();
    await expect(form).toBeVisible();
    if (key === 'tradability') {
      for (const category of PROHIBITED)
        await form.getByTestId(`prohibited-${category}`).getByText('否', { exact: true }).click();
    }
    await form.getByTestId(`verdict-${key}-pass`).click();
    await form.getByTestId(`note-${key}`).fill('已核验申请材料，符合要求。');
    await form.getByTestId(`checklist-save-${key}`).click();
    await expect(page.getByTestId(`checklist-item-${key}`)).toHaveAttribute('data-verdict', 'pass');
    await expect(checklist.getByTestId('checklist-progress')).toContainText(
      `已审 ${index + 1} / ${keys.length} 项`,
    );
  }
  await snap(page, screenshot);
}

/** Opens a case from the reviewer workbench by searching its subject name. */
async function openInWorkbench(page: Page, subjectName: string): Promise<void> {
  await page.getByTestId('nav-registration-review').click();
  await expect(page.getByRole('heading', { name: '登记审查工作台' })).toBeVisible();
  await page.getByLabel('按登记编号或对象名称搜索').fill(subjectName);
  const row = page.getByTestId('case-queue').getByRole('row').filter({ hasText: subjectName });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: subjectName }).click();
  await expect(page).toHaveURL(/\/registration-review\/case_[^/]+$/);
  await expect(page.getByRole('heading', { name: subjectName })).toBeVisible();
}

/** Phase 2: the reviewer takes a submitted case through review up to publicity. */
async function reviewToPublicity(
  page: Page,
  subjectName: string,
  { substantive, screens }: { substantive: boolean; screens: [string, string] },
): Promise<void> {
  await openInWorkbench(page, subjectName);
  await expect(page.getByTestId('case-state')).toHaveText('已提交');
  await decide(page, 'case-accept', '已受理');
  await expect(page.getByTestId('case-state')).toHaveText('已受理');
  await decide(page, 'case-formal-review', '已开始形式审查');
  await expect(page.getByTestId('case-state')).toHaveText('形式审查');
  await completeChecklist(page, screens[0]);
  // Only the path the regime prescribes is offered: resources need a substantive review, products do not.
  if (substantive) {
    await expect(page.getByTestId('case-publicity')).toHaveCount(0);
    await decide(page, 'case-substantive-review', '已进入实质审查');
    await expect(page.getByTestId('case-state')).toHaveText('实质审查');
  } else {
    await expect(page.getByTestId('case-substantive-review')).toHaveCount(0);
  }
  await decide(page, 'case-publicity', '已进入公示');
  await expect(page.getByTestId('case-state')).toHaveText('公示中');
  await snap(page, screens[1]);
}

/** Phase 3a: a signed-in buyer finds the case on the public notice page and files an objection. */
async function fileObjection(page: Page, subjectName: string, reasons: string): Promise<void> {
  await page.getByTestId('nav-notices').click();
  await expect(page.getByRole('heading', { name: '登记公示' })).toBeVisible();
  const row = page.getByTestId('notice-table').getByRole('row').filter({ hasText: subjectName });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(PROVIDER_ORGANIZATION);
  await expect(row.getByTestId('publicity-countdown')).toBeVisible();
  await snap(page, '48-notices');
  await row.getByRole('button', { name: '提出异议' }).click();
  const drawer = page.getByTestId('notice-drawer');
  await expect(drawer).toBeVisible();
  const form = drawer.getByTestId('objection-form');
  // Too short a reason is refused beside the field.
  await form.getByTestId('objection-reasons').fill('数据有误');
  await form.getByTestId('objection-submit').click();
  await expect(form).toContainText('异议理由不少于 10 个字');
  await form.getByTestId('objection-reasons').fill(reasons);
  await form.getByTestId('objection-submit').click();
  await expect(toast(page, '异议已提交，交易所将尽快审查并告知结果。')).toBeVisible();
  await snap(page, '49-objection-filed');
}

/** Phase 3b: the reviewer dismisses the pending objection; publicity resumes. */
async function dismissObjection(page: Page, reasons: string): Promise<void> {
  await page.reload();
  await expect(page.getByTestId('case-state')).toHaveText('异议审查');
  const objection = page.getByTestId('objections').getByRole('listitem').filter({ hasText: reasons });
  await expect(objection).toHaveAttribute('data-state', 'pending');
  await objection.getByRole('button', { name: '驳回异议' }).click();
  const dialog = page.getByRole('dialog', { name: '驳回异议' });
  await dialog.getByTestId('reason-text').fill('经核查，检测器布设已取得主管部门书面同意，异议理由不成立。');
  await dialog.getByTestId('reason-confirm').click();
  await expect(toast(page, '已驳回异议，公示继续')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(objection).toHaveAttribute('data-state', 'dismissed');
  await expect(page.getByTestId('case-state')).toHaveText('公示中');
  await snap(page, '50-objection-dismissed');
}

/**
 * Waits, reloading the applicant's case page, until publicity ends and the certificate is issued,
 * then opens the certificate page and returns the certificate number.
 */
async function awaitCertificate(page: Page, casePath: string, screenshot: string): Promise<string> {
  await page.goto(casePath);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('case-state')).toHaveText(/已发证|登记有效/, { timeout: 2_000 });
  }).toPass({ timeout: CERTIFICATION_TIMEOUT, intervals: [2_000] });
  await page.getByTestId('case-certificate').click();
  await expect(page).toHaveURL(/\/certificates\/[^/]+$/);
  const sheet = page.getByTestId('certificate-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet).toHaveAttribute('data-status', 'active');
  await expect(sheet).toContainText(PROVIDER_ORGANIZATION);
  const number = (await sheet.getByTestId('certificate-number').textContent())?.trim() ?? '';
  expect(number).not.toBe('');
  await expect(page.getByTestId('certificate-print')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await snap(page, screenshot);
  await page.emulateMedia({ media: 'screen' });
  return number;
}

/** Phase 4: provider1 registers a product derived from the registered resource and submits it. */
async function registerProduct(page: Page): Promise<string> {
  await page.getByTestId('nav-registry').hover();
  await page.getByRole('menuitem', { name: '登记数据产品' }).click();
  await expect(page.getByRole('heading', { name: '数据产品登记' })).toBeVisible();

  await expect(currentStep(page, 'product')).toHaveText('基本信息');
  // A provider segment not contained in the registered name is refused.
  await page.getByTestId('name-subject').fill(PRODUCT_SEGMENTS.subject);
  await page.getByTestId('name-granularity').fill(PRODUCT_SEGMENTS.granularity);
  await page.getByTestId('name-provider').fill('苏州交通');
  await expect(page.getByTestId('product-name-preview')).toContainText(PROVIDER_ORGANIZATION);
  await page.getByTestId('name-provider').fill(PRODUCT_SEGMENTS.provider);
  await expect(page.getByTestId('product-name-preview')).toContainText(PRODUCT_NAME);
  await expect(page.getByTestId('product-name-preview')).toContainText('名称符合命名规则');
  await expect(page.getByRole('checkbox', { name: '文件下载' })).toBeChecked();
  await pick(page, '所属领域', '交通运输', true);
  await addTags(page, '关键词', ['交通流量', '路段', '出行']);
  await page
    .getByLabel('简介')
    .fill(
      '南京市主城区路段级逐小时交通流量、平均车速和占有率数据集，适用于交通规划、信号配时优化和出行服务。',
    );
  await snap(page, '52-product-basic');

  await nextStep(page, 'product', '来源与样例');
  const link = page.getByTestId('rights-link-0');
  await pick(link, '数据资源', RESOURCE_NAME);
  await pick(link, '依据的权利', '数据加工使用权');
  await page
    .getByLabel('样例内容 / 接口返回示例')
    .fill('road_id,hour,volume\nNJ-0001,2024-01-01T08:00,1320\nNJ-0002,2024-01-01T08:00,986');
  await snap(page, '53-product-sources');

  await nextStep(page, 'product', '场景与策略');
  const scenarios = [
    {
      title: '城市交通规划',
      description: '规划部门按路段流量识别常发拥堵路段，评估新建道路与交通组织方案。',
    },
    { title: '信号配时优化', description: '交管部门依据逐小时流量调整路口信号配时，缩短高峰排队长度。' },
  ];
  for (const [index, scenario] of scenarios.entries()) {
    if (index > 0) await page.getByTestId('add-scenario').click();
    await page.getByTestId(`scenario-title-${index}`).fill(scenario.title);
    await page.getByLabel('场景说明').nth(index).fill(scenario.description);
  }
  // The default policy allows use and forbids redistribution; use is narrowed to two purposes.
  const permission = page.getByTestId('policy-permissions-0');
  await expect(permission.getByLabel('行为')).toBeVisible();
  await expect(permission).toContainText('使用');
  await expect(page.getByTestId('policy-prohibitions-0')).toContainText('分发');
  await permission.getByRole('button', { name: '添加约束' }).click();
  await addTags(permission, '用途限于', ['交通规划', '科研']);
  await expect(page.getByText('预览 ODRL 策略（JSON-LD）')).toBeVisible();
  await snap(page, '54-product-usage');

  await nextStep(page, 'product', '价格与服务');
  await pick(page, '计费方式', '订阅');
  await page.getByLabel('价格（元）').fill('2000');
  await page.getByLabel('质量说明').fill('检测器在线率 98% 以上，缺测时段以相邻时段插补并标注，逐日校核。');
  await pick(page, '更新频率', '每日');
  await page.getByRole('radio', { name: /一般数据·2级/ }).check();
  await page.getByLabel('联系电话').fill('13912345678');
  await snap(page, '55-product-service');

  await nextStep(page, 'product', '确认提交');
  await expect(page.getByText(PRODUCT_NAME).first()).toBeVisible();
  await snap(page, '56-product-confirm');
  await page.getByTestId('registry-submit').click();
  await expect(page).toHaveURL(/\/registry\/cases\/case_[^/]+$/);
  await expect(page.getByTestId('case-state')).toHaveText('已提交');
  await snap(page, '57-product-submitted');
  return new URL(page.url()).pathname;
}

/** Phase 5: provider1 lists the certified product (上架) from 我的登记 → 数据产品. */
async function listProduct(page: Page): Promise<void> {
  await page.getByTestId('nav-registry').hover();
  await page.getByRole('menuitem', { name: '我的登记' }).click();
  await expect(page.getByRole('heading', { name: '我的登记' })).toBeVisible();
  await page.getByRole('tab', { name: '数据产品' }).click();
  const row = page.getByTestId('my-products').getByRole('row').filter({ hasText: PRODUCT_NAME });
  await expect(row.getByTestId('subject-status')).toHaveText('已登记');
  await row.getByTestId('product-list').click();
  await confirmPopup(page);
  await expect(toast(page, '已上架')).toBeVisible();
  await expect(row.getByTestId('view-in-catalog')).toBeVisible();
  await snap(page, '60-product-listed');
}

/** Phase 6: an anonymous visitor finds the product by a Chinese query and verifies its certificate. */
async function findAndVerify(page: Page, certificateNumber: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('nav-catalog').click();
  await page
    .getByRole('searchbox', { name: /搜索/ })
    .or(page.getByTestId('catalog-search').getByRole('textbox'))
    .fill('交通流量');
  await page
    .getByTestId('catalog-search')
    .getByRole('button', { name: /查\s?询/ })
    .click();
  await expect(page).toHaveURL(/q=/);
  const result = page.getByTestId('catalog-results').getByRole('listitem').filter({ hasText: PRODUCT_NAME });
  await expect(result).toHaveCount(1);
  await expect(result.getByTestId('certificate-badge')).toBeVisible();
  await expect(page.getByTestId('catalog-total')).toContainText(/\d/);
  // Facets come with counts in the same answer: our product counts under 交通运输 and 数据集.
  await expect(page.getByTestId('facet-panel')).toBeVisible();
  for (const [facet, label] of [
    ['facet-domain', '交通运输'],
    ['facet-form', '数据集'],
  ] as const) {
    const value = page.getByTestId(facet).locator('label').filter({ hasText: label });
    await expect(value).toHaveCount(1);
    await expect(value).toContainText(/[1-9]\d*/);
  }
  await snap(page, '61-catalog-search');

  await result.getByRole('link', { name: PRODUCT_NAME }).click();
  await expect(page).toHaveURL(/\/catalog\/products\/[^/]+$/);
  await expect(page.getByTestId('product-name')).toHaveText(PRODUCT_NAME);
  const badge = page.getByTestId('product-certificate');
  await expect(badge.getByTestId('product-certificate-link')).toHaveText(certificateNumber);
  await expect(badge.getByTestId('certificate-status')).toHaveText('有效');
  await snap(page, '62-product-page');

  await badge.getByTestId('product-certificate-verify').click();
  await expect(page).toHaveURL(/\/verify\?certificate=/);
  const verification = page.getByTestId('verification-result');
  await expect(verification.getByTestId('verdict')).toHaveText('有效', { timeout: 30_000 });
  await expect(verification.getByTestId('check-signature')).toContainText('通过');
  await expect(verification).toContainText(certificateNumber);
  await snap(page, '63-verify-certificate');
}

/** Phase 7: provider1 proposes a change (变更登记) of the registered resource; the old content stays in force. */
async function proposeChange(page: Page): Promise<void> {
  await page.goto('/registry');
  const row = page.getByRole('row').filter({ hasText: RESOURCE_NAME });
  await row.getByTestId('start-change').click();
  await expect(page).toHaveURL(/\/registry\/resources\/[^/]+\/edit\?case=change$/);
  await expect(page.getByTestId('change-banner')).toContainText('原登记内容继续有效');
  await page
    .getByLabel('简介')
    .fill('南京市主城区 1,300 个路段的逐小时交通流量、平均车速和占有率数据（新增 100 个路段）。');
  for (const title of ['数据项', '来源与权属', '分类分级', '确认提交'])
    await nextStep(page, 'resource', title);
  await snap(page, '64-resource-change');
  await page.getByTestId('registry-submit').click();
  await expect(page).toHaveURL(/\/registry\/cases\/case_[^/]+$/);
  await expect(page.getByTestId('case-state')).toHaveText('已提交');
}

test.describe.configure({ mode: 'serial' });

test.describe('数据资源与产品登记（zh-CN）', () => {
  test('登记资源 → 审查 → 公示与异议 → 发证 → 登记产品 → 上架 → 目录检索 → 证书验证', async ({ browser }) => {
    test.setTimeout(240_000);
    const provider = await signedIn(browser, USERS.provider);
    let resourceCasePath = '';
    await test.step('provider1 registers a data resource', async () => {
      resourceCasePath = await registerResource(provider);
    });
    const reviewer = await signedIn(browser, USERS.reviewer);
    // The buyer signs in before publicity starts: the resource's publicity lasts only 20 s here.
    const buyer = await signedIn(browser, USERS.buyer);
    await test.step('the reviewer accepts, reviews with the checklist and starts publicity', async () => {
      await reviewToPublicity(reviewer, RESOURCE_NAME, {
        substantive: true,
        screens: ['46-resource-checklist', '47-resource-publicity'],
      });
    });
    const reasons = '该数据的部分检测器布设于居民小区内部道路，采集未取得小区业主同意。';
    await test.step('a buyer files an objection on the notice page', async () => {
      await fileObjection(buyer, RESOURCE_NAME, reasons);
    });
    await test.step('the reviewer dismisses the objection; publicity resumes', async () => {
      await dismissObjection(reviewer, reasons);
    });
    let resourceCertificate = '';
    await test.step('publicity ends and the resource certificate is issued', async () => {
      resourceCertificate = await awaitCertificate(provider, resourceCasePath, '51-resource-certificate');
    });
    expect(resourceCertificate).not.toBe('');

    let productCasePath = '';
    await test.step('provider1 registers a product derived from the resource', async () => {
      productCasePath = await registerProduct(provider);
    });
    await test.step('the reviewer takes the product to publicity (no substantive review)', async () => {
      await reviewToPublicity(reviewer, PRODUCT_NAME, {
        substantive: false,
        screens: ['58-product-checklist', '59-product-publicity'],
      });
    });
    let productCertificate = '';
    await test.step('publicity ends and the product certificate is issued', async () => {
      productCertificate = await awaitCertificate(provider, productCasePath, '59b-product-certificate');
    });
    await test.step('provider1 lists the product', async () => {
      await listProduct(provider);
    });
    const visitor = await browser.newPage();
    await test.step('a visitor finds it in the catalog and verifies its certificate', async () => {
      await findAndVerify(visitor, productCertificate);
    });
    await test.step('provider1 proposes a change of the resource; a change case opens', async () => {
      await proposeChange(provider);
    });
  });
});
