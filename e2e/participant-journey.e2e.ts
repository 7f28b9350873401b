/**
 * The participant journey in a real browser against a real node (embedded PostgreSQL, demo exchange
 * seeded): a new user signs up and applies for registration, a reviewer approves, the participant's
 * credential verifies as valid, an exchange admin revokes the participant, and the credential then
 * verifies as revoked. All in zh-CN, the default UI language; a last test switches to English.
 *
 * Besides Playwright's own screenshot on failure, each key step is saved to
 * test-results/e2e-screens/NN-name.png.
 */
import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { completeCreditCode, findCreditCodeProblem } from '@shuliu/core';
import { E2E_DEMO_PASSWORD } from '../playwright.config';

const SCREENS_DIR = fileURLToPath(new URL('../test-results/e2e-screens/', import.meta.url));
const LICENCE_PDF = fileURLToPath(new URL('./fixtures/business-licence.pdf', import.meta.url));

/** The GB 32100 alphabet of the organization-code part (digits and capitals without I, O, Z, S, V). */
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A fresh valid credit code for an enterprise (9, 1) registered in 福州市鼓楼区 (350102). */
function freshCreditCode(): string {
  let organization = '';
  for (let i = 0; i < 9; i++) organization += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return completeCreditCode(`91350102${organization}`);
}

/** The same code with a wrong check character. */
function withWrongCheckCharacter(code: string): string {
  const last = code.charAt(17);
  const wrong = CODE_ALPHABET.charAt((CODE_ALPHABET.indexOf(last) + 1) % CODE_ALPHABET.length);
  return code.slice(0, 17) + wrong;
}

/** Saves a named full-page screenshot of a key step (and attaches it to the report). */
async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = `${SCREENS_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/** A user who is about to sign up. */
interface NewUser {
  displayName: string;
  email: string;
  password: string;
}

function newUser(label: string): NewUser {
  const stamp = `${Date.now().toString(36)}${randomInt(1000)}`;
  return { displayName: '陈晓明', email: `${label}-${stamp}@example.cn`, password: 'correct-horse-battery' };
}

/** Signs up from the header's 注册 button; the app then opens the application form. */
async function signUp(page: Page, user: NewUser, screenshot?: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('nav-sign-up').click();
  await expect(page.getByRole('heading', { name: '注册账号' })).toBeVisible();
  await page.getByLabel('姓名').fill(user.displayName);
  await page.getByLabel('邮箱').fill(user.email);
  await page.getByLabel('密码', { exact: true }).fill(user.password);
  await page.getByLabel('确认密码').fill(user.password);
  if (screenshot) await snap(page, screenshot);
  await page.getByTestId('sign-up-submit').click();
  await expect(page).toHaveURL(/\/apply$/);
  await expect(page.getByRole('heading', { name: '主体登记申请' })).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText(user.displayName);
}

/** Signs in from the header's 登录 button. */
async function signIn(page: Page, email: string, password: string, displayName: string): Promise<void> {
  await page.getByTestId('nav-login').click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-menu')).toContainText(displayName);
  await expect(page).not.toHaveURL(/\/login/);
}

/** Signs out from the user menu. */
async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  const toast = page.getByText('已退出登录');
  await expect(toast).toBeVisible();
  await expect(page.getByTestId('nav-login')).toBeVisible();
  await expect(page.getByTestId('user-menu')).toHaveCount(0);
  // Let the toast go, so it does not sit over the next user's screenshots.
  await expect(toast).toBeHidden();
}

/** The form item (label, control, message) whose label is `label`. */
function formItem(page: Page, label: string): Locator {
  return page
    .locator('.ant-form-item')
    .filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) });
}

const ENTITY = {
  name: '福州数联科技有限公司',
  legalRepresentative: '陈晓明',
  address: '福建省福州市鼓楼区软件大道 89 号',
  contactName: '林小雨',
  contactPhone: '13859001234',
  contactEmail: 'lin@example.cn',
};

/** Fills step 1 (主体信息) with `creditCode` and the entity above. */
async function fillEntityStep(page: Page, creditCode: string): Promise<void> {
  await page.getByLabel('统一社会信用代码').fill(creditCode);
  await page.getByLabel('主体名称').fill(ENTITY.name);
  await page.getByLabel('法定代表人（负责人）').fill(ENTITY.legalRepresentative);
  await page.getByLabel('住所（注册地址）').fill(ENTITY.address);
  await page.getByLabel('联系人', { exact: true }).fill(ENTITY.contactName);
  await page.getByLabel('联系电话').fill(ENTITY.contactPhone);
  await page.getByLabel('联系邮箱').fill(ENTITY.contactEmail);
}

/** The step the wizard is on, by its title in the step bar. */
function currentStep(page: Page): Locator {
  return page.getByTestId('application-steps').locator('.ant-steps-item-process .ant-steps-item-title');
}

test.describe('参与主体登记（zh-CN）', () => {
  test('注册 → 申请 → 审核通过 → 凭证有效 → 撤销 → 凭证已撤销', async ({ page, browser }) => {
    const applicant = newUser('applicant');
    const creditCode = freshCreditCode();
    expect(findCreditCodeProblem(creditCode)).toBeNull();
    const year = new Date().getFullYear();

    await test.step('a new user signs up', async () => {
      await signUp(page, applicant, '01-sign-up');
    });

    await test.step('step 1: entity information', async () => {
      await expect(currentStep(page)).toHaveText('主体信息');
      // Typed in lower case with spaces: the form normalizes it and fills the division code from it.
      await fillEntityStep(page, `${creditCode.slice(0, 9).toLowerCase()} ${creditCode.slice(9)}`);
      await expect(page.getByLabel('统一社会信用代码')).toHaveValue(creditCode);
      await expect(page.getByLabel('行政区划代码')).toHaveValue('350102');
      await expect(formItem(page, '行政区划代码')).toContainText('福建省');
      await expect(formItem(page, '统一社会信用代码')).toContainText('已输入 18 位');
      await expect(page.getByLabel('统一社会信用代码')).not.toHaveAttribute('aria-invalid', 'true');
      await expect(formItem(page, '统一社会信用代码')).not.toContainText('统一社会信用代码无效');
      await snap(page, '02-apply-entity');
      await page.getByTestId('step-next').click();
    });

    await test.step('step 2: roles', async () => {
      await expect(currentStep(page)).toHaveText('角色与类型');
      await page.getByTestId('role-merchant').click();
      await page.getByTestId('role-buyer').click();
      await page.getByLabel('数据服务').check();
      await page.getByLabel('工具与算法').check();
      await snap(page, '03-apply-roles');
      await page.getByTestId('step-next').click();
    });

    await test.step('step 3: commitments (required ones enforced)', async () => {
      await expect(currentStep(page)).toHaveText('承诺事项');
      await page.getByTestId('step-next').click();
      await expect(page.getByText(/^请确认所选角色要求的全部承诺：/)).toBeVisible();
      await expect(currentStep(page)).toHaveText('承诺事项');
      for (const commitment of ['data_truthful', 'data_complete', 'data_lawful', 'security_capability']) {
        await page.getByTestId(`commitment-${commitment}`).check();
      }
      await expect(page.getByText(/^请确认所选角色要求的全部承诺：/)).toHaveCount(0);
      await snap(page, '04-apply-commitments');
      await page.getByTestId('step-next').click();
    });

    await test.step('step 4: upload the business licence', async () => {
      await expect(currentStep(page)).toHaveText('证明材料');
      const licence = formItem(page, '营业执照');
      // Going on without the licence is refused.
      await page.getByTestId('step-next').click();
      await expect(licence).toContainText('请上传营业执照');
      // Pick the file through the real upload button (file chooser), as a person would.
      const chooser = page.waitForEvent('filechooser');
      await licence.getByRole('button', { name: '选择文件' }).click();
      await (await chooser).setFiles(LICENCE_PDF);
      // A stored file becomes a download link.
      await expect(licence.getByRole('link', { name: 'business-licence.pdf' })).toBeVisible();
      await expect(licence).not.toContainText('请上传营业执照');
      await snap(page, '05-apply-attachments');
      await page.getByTestId('step-next').click();
    });

    let applicationUrl = '';
    await test.step('step 5: review and submit', async () => {
      await expect(currentStep(page)).toHaveText('确认提交');
      await expect(page.getByText(creditCode)).toBeVisible();
      await expect(page.getByText(ENTITY.name)).toBeVisible();
      await expect(page.getByText('business-licence.pdf')).toBeVisible();
      await snap(page, '06-apply-review');
      await page.getByTestId('application-submit').click();
      await expect(page).toHaveURL(/\/applications\/app_[^/]+$/);
      applicationUrl = new URL(page.url()).pathname;
      await expect(page.getByText('申请已提交，请等待交易所审核')).toBeVisible();
      await expect(page.getByTestId('application-state')).toHaveText('待审核');
      await expect(page.getByText('等待审核', { exact: true })).toBeVisible();
      await snap(page, '07-application-submitted');
      await signOut(page);
    });

    await test.step('the reviewer finds the application in the review desk and approves it', async () => {
      await signIn(page, 'reviewer@demo.shuliu.cn', E2E_DEMO_PASSWORD, '审核员 陈静');
      await page.getByTestId('nav-review').click();
      await expect(page.getByRole('heading', { name: '审核工作台' })).toBeVisible();
      await page.getByRole('searchbox', { name: '按主体名称或信用代码筛选' }).fill(creditCode);
      const row = page.getByTestId('review-queue').getByRole('row').filter({ hasText: creditCode });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(ENTITY.name);
      await expect(row).toContainText('待审核');
      await snap(page, '08-review-queue');
      await row.getByRole('link', { name: ENTITY.name }).click();
      await expect(page).toHaveURL(applicationUrl.replace('/applications/', '/review/'));
      await expect(page.getByRole('heading', { name: ENTITY.name })).toBeVisible();
      await expect(page.getByText('统一社会信用代码校验位正确')).toBeVisible();
      await expect(page.getByText('已上传营业执照')).toBeVisible();
      await page.getByTestId('decide-approve').click();
      const dialog = page.getByRole('dialog', { name: '确认通过该申请？' });
      await expect(dialog).toBeVisible();
      await dialog.getByTestId('decision-text').fill('材料齐全，主体信息核验一致，同意登记。');
      await dialog.getByTestId('decision-confirm').click();
      await expect(page.getByText('已通过，认证凭证已签发')).toBeVisible();
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('application-state')).toHaveText('已通过');
      await expect(page.getByTestId('decision-panel')).toContainText('该申请已办结，无需审核。');
      await snap(page, '09-review-approved');
      await signOut(page);
    });

    let participantUrl = '';
    let credentialNumber = '';
    await test.step('the applicant signs in again and sees the credential', async () => {
      await signIn(page, applicant.email, applicant.password, applicant.displayName);
      await page.getByTestId('nav-applications').click();
      await expect(page.getByRole('heading', { name: '我的申请' })).toBeVisible();
      await page.getByRole('link', { name: ENTITY.name }).first().click();
      await expect(page).toHaveURL(applicationUrl);
      await expect(page.getByTestId('application-state')).toHaveText('已通过');
      await expect(page.getByText('已完成主体登记并签发认证凭证。')).toBeVisible();
      await page.getByTestId('view-participant').click();
      await expect(page).toHaveURL(/\/participants\/[^/]+$/);
      participantUrl = new URL(page.url()).pathname;
      await expect(page.getByRole('heading', { name: ENTITY.name })).toBeVisible();
      const card = page.getByTestId('credential-card');
      await expect(card).toContainText('认证凭证');
      const number = card.getByTestId('credential-number');
      await expect(number).toHaveText(new RegExp(`^[A-Z0-9]+-P-${year}-\\d{6}$`));
      credentialNumber = (await number.textContent()) ?? '';
      await expect(card.getByTestId('participant-state')).toHaveText('正常');
      await expect(card).toContainText('数据商');
      await expect(card).toContainText('数据需求方');
      await snap(page, '10-participant-credential');
    });

    await test.step('the verification page says the credential is valid', async () => {
      await page.getByTestId('credential-card').getByTestId('verify-credential').click();
      await expect(page).toHaveURL(/\/verify\?participant=/);
      await expect(page.getByRole('heading', { name: '凭证验证' })).toBeVisible();
      const result = page.getByTestId('verification-result');
      await expect(result.getByTestId('verdict')).toHaveText('有效', { timeout: 30_000 });
      await expect(result).toContainText('签名正确、签发方可信、在有效期内且未被撤销或暂停。');
      await expect(result.getByTestId('check-signature')).toContainText('通过');
      await expect(result).toContainText(credentialNumber);
      await expect(result).toContainText(creditCode);
      await snap(page, '11-verify-valid');
    });

    // The exchange admin works in another browser, as staff would; the applicant's page is re-checked after.
    const adminContext = await browser.newContext();
    try {
      const admin = await adminContext.newPage();
      await test.step('the exchange admin revokes the participant with a reason', async () => {
        await admin.goto('/');
        await signIn(admin, 'admin@demo.shuliu.cn', E2E_DEMO_PASSWORD, '交易所管理员');
        await admin.getByTestId('nav-participants').click();
        await expect(admin.getByRole('heading', { name: '参与主体名录' })).toBeVisible();
        await admin.getByRole('searchbox', { name: '输入主体名称或统一社会信用代码' }).fill(creditCode);
        await admin.getByRole('button', { name: '查询' }).click();
        await expect(admin.getByText('共 1 个主体')).toBeVisible();
        const row = admin
          .getByTestId('participant-directory')
          .getByRole('row')
          .filter({ hasText: creditCode });
        await expect(row).toContainText(credentialNumber);
        await expect(row).toContainText('正常');
        await row.getByRole('link', { name: ENTITY.name }).click();
        await expect(admin).toHaveURL(participantUrl);
        await expect(admin.getByTestId('credential-number')).toHaveText(credentialNumber);
        const staff = admin.getByTestId('staff-actions');
        await expect(staff).toContainText('交易所操作');
        await staff.getByTestId('participant-revoke').click();
        const dialog = admin.getByRole('dialog', { name: '撤销参与主体' });
        await expect(dialog).toContainText('撤销后不可恢复，其认证凭证将永久失效。');
        // A reason is required.
        await dialog.getByTestId('reason-confirm').click();
        await expect(dialog).toContainText('请填写原因');
        const reason = '经核查，该主体提交的营业执照已被登记机关吊销，依规撤销其登记。';
        await dialog.getByTestId('reason-text').fill(reason);
        await dialog.getByTestId('reason-confirm').click();
        await expect(dialog).toBeHidden();
        await expect(admin.getByTestId('credential-card').getByTestId('participant-state')).toHaveText(
          '已撤销',
        );
        const notice = admin.getByTestId('participant-status-notice');
        await expect(notice).toContainText('该主体已被撤销');
        await expect(notice).toContainText(`原因：${reason}`);
        await expect(staff).toContainText('凭证已撤销，不能再变更。');
        await snap(admin, '12-participant-revoked');
      });

      await test.step('the verification page now says revoked', async () => {
        await admin.getByTestId('verify-credential').click();
        await expect(admin).toHaveURL(/\/verify\?participant=/);
        const result = admin.getByTestId('verification-result');
        await expect(result.getByTestId('verdict')).toHaveText('已撤销', { timeout: 30_000 });
        await expect(result.getByTestId('check-signature')).toContainText('通过');
        await expect(result.getByTestId('check-status-0')).toContainText('撤销状态');
        await expect(result.getByTestId('check-status-0')).toContainText('未通过');
        await snap(admin, '13-verify-revoked');
      });
    } finally {
      await adminContext.close();
    }

    await test.step('the applicant’s browser, which fetched the status list before the revocation, sees it too', async () => {
      await page.getByTestId('verify-submit').click();
      const result = page.getByTestId('verification-result');
      await expect(result.getByTestId('verdict')).toHaveText('已撤销', { timeout: 30_000 });
      await snap(page, '14-verify-revoked-same-browser');
    });
  });

  test('a wrong credit code shows the validator message and blocks the step', async ({ page }) => {
    await signUp(page, newUser('bad-code'));
    const creditCode = freshCreditCode();
    const codeInput = page.getByLabel('统一社会信用代码');
    const codeItem = formItem(page, '统一社会信用代码');
    await expect(currentStep(page)).toHaveText('主体信息');

    // Too short: the message names the length, and the field is marked invalid for assistive tech.
    await codeInput.fill('9135');
    await expect(codeItem).toContainText('统一社会信用代码无效：长度应为 18 位（当前 4 位）');
    await expect(codeInput).toHaveAttribute('aria-invalid', 'true');
    await expect(codeInput).toHaveAccessibleDescription(/统一社会信用代码无效：长度应为 18 位（当前 4 位）/);

    // Everything else is right, but the check character is wrong.
    await fillEntityStep(page, withWrongCheckCharacter(creditCode));
    const checkMessage = '统一社会信用代码无效：校验位不正确，请逐位核对营业执照上的代码';
    await expect(codeItem).toContainText(checkMessage);
    await expect(codeItem).not.toContainText('长度应为');
    await page.getByTestId('step-next').click();
    await expect(currentStep(page)).toHaveText('主体信息');
    await expect(page.getByRole('heading', { name: '主体基本信息' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '申请角色' })).toHaveCount(0);
    await expect(codeItem).toContainText(checkMessage);
    await expect(codeInput).toHaveAttribute('aria-invalid', 'true');
    await snap(page, '20-apply-bad-credit-code');

    // With the right check character the message goes and the step opens.
    await codeInput.fill(creditCode);
    await expect(codeItem).not.toContainText('统一社会信用代码无效');
    await expect(codeInput).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByTestId('step-next').click();
    await expect(currentStep(page)).toHaveText('角色与类型');
    await expect(page.getByRole('heading', { name: '申请角色' })).toBeVisible();
  });
});

test('switching the UI to English shows English text on the home page and the nav', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '首页' })).toBeVisible();
  await expect(page.getByTestId('language-switch')).toHaveText('中文');

  await page.getByTestId('language-switch').click();
  await page.getByTestId('language-en').click();

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('language-switch')).toHaveText('English');
  const englishNav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(englishNav.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(englishNav.getByRole('link', { name: 'Participants' })).toBeVisible();
  await expect(englishNav.getByRole('link', { name: 'Verify credential' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registered once, trusted nationwide');
  await expect(page.getByTestId('hero-apply')).toHaveText('Apply for registration');
  await expect(page.getByTestId('nav-login')).toHaveText('Sign in');
  await expect(page.getByText('首页')).toHaveCount(0);
  await snap(page, '30-home-en');

  // The choice survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registered once, trusted nationwide');
});
