/**
 * Small steps the browser journeys share: a named screenshot of a key step, signing a demo user in
 * from the header, confirming an antd Popconfirm and picking an option of an antd Select. (The two
 * older journeys keep their own copies; new journeys import these.)
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../../playwright.config';

/** Where key-step screenshots go (test-results/e2e-screens/NN-name.png). */
export const SCREENS_DIR = fileURLToPath(new URL('../../test-results/e2e-screens/', import.meta.url));

/** A demo user (apps/server/src/seed/demo-seed.ts): e-mail and the name the user menu shows. */
export interface DemoUser {
  email: string;
  name: string;
}

/** Saves a named full-page screenshot of a key step (and attaches it to the report). */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = `${SCREENS_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/** A fresh browser context and page signed in as `user` from the header's 登录 button. */
export async function signedIn(browser: Browser, user: DemoUser): Promise<Page> {
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

/** The toast (antd message) saying `text`. */
export function toast(page: Page, text: string): Locator {
  return page.locator('.ant-message-notice').getByText(text, { exact: true });
}

/** Confirms the open Popconfirm (antd spaces two-character button labels: 确 定). */
export async function confirmPopup(page: Page): Promise<void> {
  await page
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: /^确\s?定$/ })
    .click();
}

/** Opens the antd Select `select` and picks the option titled `option` in its dropdown. */
export async function pickOption(select: Locator, option: string): Promise<void> {
  await select.click();
  const dropdown = select.page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.getByTitle(option, { exact: true }).click();
  await expect(dropdown).toBeHidden();
}
