/**
 * The dataset journey in a real browser against a real node (embedded PostgreSQL, demo exchange
 * seeded): a provider creates a dataset, uploads a CSV of customers (names, resident ID numbers,
 * mobile numbers) through the file input on a throttled connection, waits for the pg-boss job to
 * make the version ready, reads the personal-information findings, the quality radar and the rows,
 * is refused publication of a sample that keeps the ID numbers, publishes a masked one, and a
 * signed-out visitor opens its public link and sees only masked ID numbers. All in zh-CN.
 *
 * Each key step is saved to test-results/e2e-screens/NN-name.png (70 and up in this file).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { isChineseIdNumber } from '@shuliu/core';
import { confirmPopup, pickOption, signedIn, snap, toast } from './support/browser-steps';

const PROVIDER = { email: 'provider1@demo.shuliu.cn', name: '张伟' } as const;
const DATASET_NAME = '会员客户消费记录（2024 年）';
const FILE_NAME = '会员客户消费记录.csv';
const ROW_COUNT = 500;
/** How long the pg-boss job may take to make a version ready. */
const PROCESSING_TIMEOUT = 60_000;
/** Upload speed while the file is sent, so that the progress bar stays on screen for a while. */
const THROTTLED_UPLOAD_BYTES_PER_SECOND = 16 * 1024;
/** A resident ID number partly masked: first three and last four characters kept. */
const MASKED_ID = /^\d{3}\*+\d{3}[\dX]$/;
/** An unmasked resident ID number. */
const FULL_ID = /^\d{17}[\dX]$/;

// ---------------------------------------------------------------------------------------------------
// The CSV

/** A small deterministic generator (mulberry32), so every run uploads the same file. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';

/** The GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 digits of an ID number. */
function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARACTERS.charAt(sum % 11);
}

/** Districts of the customers' cities: the ID number's first six digits and the city. */
const DISTRICTS = [
  { code: '110105', city: '北京' },
  { code: '310104', city: '上海' },
  { code: '320102', city: '南京' },
  { code: '330106', city: '杭州' },
  { code: '440305', city: '深圳' },
  { code: '350102', city: '福州' },
] as const;
const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马朱胡林郭何高罗';
const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
];
const GIVEN_NAMES_2 = ['', '', '明', '华', '平', '秀英', '桂兰', '建国', '晓东', '文'];
const MOBILE_PREFIXES = ['138', '139', '135', '150', '151', '186', '187', '177', '199'];

function pickFrom<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function digits(random: () => number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(Math.floor(random() * 10));
  return out;
}

/** The uploaded file: 客户编号,姓名,身份证号,手机号,消费金额,城市 for `rows` customers, and their IDs. */
function customersCsv(rows: number): { csv: Buffer; ids: Set<string> } {
  const random = seededRandom(20_240_601);
  const ids = new Set<string>();
  const lines = ['客户编号,姓名,身份证号,手机号,消费金额,城市'];
  for (let i = 1; i <= rows; i++) {
    const district = pickFrom(random, DISTRICTS);
    const birth = new Date(Date.UTC(1955, 0, 1) + Math.floor(random() * 45 * 365.25) * 86_400_000);
    const birthDate = birth.toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `${district.code}${birthDate}${String(i % 1000).padStart(3, '0')}`;
    const id = first17 + idCheckCharacter(first17);
    ids.add(id);
    const name =
      pickFrom(random, [...SURNAMES]) + pickFrom(random, GIVEN_NAMES) + pickFrom(random, GIVEN_NAMES_2);
    const mobile = pickFrom(random, MOBILE_PREFIXES) + digits(random, 8);
    const amount = (10 + random() * 4990).toFixed(2);
    lines.push(`KH${String(i).padStart(6, '0')},${name},${id},${mobile},${amount},${district.city}`);
  }
  return { csv: Buffer.from(`${lines.join('\n')}\n`, 'utf8'), ids };
}

// ---------------------------------------------------------------------------------------------------
// Helpers

/** Opens a tab of the dataset page and waits for it to be the active one. */
async function openTab(page: Page, key: string): Promise<void> {
  await page.getByTestId(`tab-${key}`).click();
  await expect(page).toHaveURL(new RegExp(`[?&]tab=${key}`));
}

/** How many pixels of the canvas inside `chart` have been painted. */
async function paintedPixels(chart: Locator): Promise<number> {
  return chart
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d');
      if (!context) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
      return painted;
    });
}

/** The masking select of a column in the sample builder. */
function maskingOf(page: Page, column: string): Locator {
  return page.getByTestId(`masking-${column}`);
}

/** Generates a sample with the builder's current masking and waits for it to be shown. */
async function generateSample(page: Page): Promise<void> {
  await page.getByTestId('generate-sample').click();
  await expect(toast(page, '样例已生成')).toBeVisible();
  await expect(page.getByTestId('current-sample').getByTestId('sample-state')).toHaveText('草稿');
}

/** Publishes the shown sample (confirming the Popconfirm). */
async function publishSample(page: Page): Promise<void> {
  await page.getByTestId('publish-sample').click();
  await confirmPopup(page);
}

/** The 1-based position of the column headed `header` in an antd table. */
async function columnPosition(table: Locator, header: string): Promise<number> {
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.findIndex((text) => text.includes(header));
  expect(index, `column ${header} among ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** The texts of one column of an antd table, found by its header. */
async function columnTexts(table: Locator, header: string): Promise<string[]> {
  const position = await columnPosition(table, header);
  return table.locator(`tbody tr.ant-table-row > td:nth-child(${position})`).allTextContents();
}

/** Waits for the toasts to go, so that they do not sit over a screenshot. */
async function toastsGone(page: Page): Promise<void> {
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
}

// ---------------------------------------------------------------------------------------------------
// The journey

test.describe('数据集：上传 → 画像与个人信息 → 脱敏样例 → 公开（zh-CN）', () => {
  test('上传 CSV → 就绪 → 个人信息与质量 → 未脱敏被拒 → 脱敏后发布 → 访客查看', async ({ browser }) => {
    const { csv, ids } = customersCsv(ROW_COUNT);
    // The generator itself must produce what the detector will recognize as valid ID numbers.
    for (const id of ids) expect(isChineseIdNumber(id), id).toBe(true);
    expect(ids.size).toBe(ROW_COUNT);

    const page = await signedIn(browser, PROVIDER);

    await test.step('the provider creates a dataset from 数据集', async () => {
      await page.getByTestId('nav-datasets').click();
      await expect(page.getByRole('heading', { name: '数据集' })).toBeVisible();
      await page.getByTestId('new-dataset').click();
      const dialog = page.getByRole('dialog', { name: '新建数据集' });
      await expect(dialog).toBeVisible();
      await dialog.getByTestId('dataset-name').fill(DATASET_NAME);
      await dialog
        .getByTestId('dataset-description')
        .fill('会员客户的消费流水汇总，含身份证号与手机号，公开样例前须脱敏。');
      await dialog.getByTestId('create-dataset-submit').click();
      await expect(page).toHaveURL(/\/datasets\/[^/?]+/);
      await expect(page.getByRole('heading', { name: DATASET_NAME })).toBeVisible();
      await expect(page.getByTestId('upload-panel')).toBeVisible();
    });

    await test.step('uploads the CSV through the file input and follows the progress', async () => {
      // A slow uplink keeps the progress bar on screen long enough to be seen (~2 s for the file).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 20,
        downloadThroughput: -1,
        uploadThroughput: THROTTLED_UPLOAD_BYTES_PER_SECOND,
      });
      await page
        .getByTestId('upload-input')
        .setInputFiles({ name: FILE_NAME, mimeType: 'text/csv', buffer: csv });
      const progress = page.getByTestId('upload-progress');
      await expect(progress).toBeVisible();
      await expect(page.getByTestId('upload-status')).toContainText(FILE_NAME);
      await expect(progress).toHaveAttribute('data-percent', /^[1-9]\d?$/);
      await snap(page, '70-dataset-uploading');
      await expect(page.getByTestId('upload-done')).toContainText('已生成版本 v1');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await cdp.detach();
    });

    await test.step('the version is processed to 就绪', async () => {
      const versions = page.getByTestId('versions-table');
      const state = versions.getByTestId('version-state-1');
      await expect(state).toHaveAttribute('data-state', 'ready', { timeout: PROCESSING_TIMEOUT });
      await expect(state).toHaveText('就绪');
      const row = versions
        .locator('tbody tr.ant-table-row')
        .filter({ has: page.getByTestId('version-state-1') });
      await expect(row).toContainText(FILE_NAME);
      expect(await columnTexts(versions, '行数')).toEqual([String(ROW_COUNT)]);
      await expect(row).toContainText('身份证号');
      await expect(row).toContainText('手机号');
      await expect(page.getByTestId('personal-info-tag').first()).toHaveText('含个人信息');
      await snap(page, '71-dataset-version-ready');
    });

    await test.step('个人信息 flags the ID and mobile numbers', async () => {
      await openTab(page, 'personalInfo');
      const alert = page.getByTestId('personal-info-alert');
      await expect(alert).toContainText('该版本含个人信息，公开样例前必须脱敏');
      await expect(alert).toContainText('身份证号');
      await expect(alert).toContainText('手机号');
      const findings = page.getByTestId('personal-info-table');
      const idRow = findings
        .locator('tbody tr.ant-table-row')
        .filter({ has: page.locator('[data-kind="id_card"]') });
      await expect(idRow).toHaveCount(1);
      await expect(idRow.locator('[data-kind="id_card"]')).toHaveText('身份证号');
      // Every generated number carries a valid check digit: all of them pass the check.
      const validRate = await columnPosition(findings, '校验通过率');
      await expect(idRow.locator(`td:nth-child(${validRate})`)).toHaveText('100%');
      await expect(findings.locator('[data-kind="mobile"]')).toHaveText('手机号');
      // The examples are shown masked, never as a full ID number.
      const examples = await idRow.locator('.masked-example').allTextContents();
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) expect(example).not.toMatch(FULL_ID);
      await snap(page, '72-dataset-personal-info');
    });

    await test.step('质量 draws the six-dimension radar', async () => {
      await openTab(page, 'quality');
      const radar = page.getByTestId('quality-radar');
      await expect(radar.locator('canvas').first()).toBeVisible();
      // Painted, and the drawing animation over (two reads in a row agree).
      let previous = -1;
      await expect(async () => {
        const now = await paintedPixels(radar);
        const settled = now === previous;
        previous = now;
        expect(now).toBeGreaterThan(5_000);
        expect(settled).toBe(true);
      }).toPass({ timeout: 10_000, intervals: [500] });
      await expect(page.getByTestId('quality-overall')).toHaveText(/^\d+$/);
      await expect(page.getByTestId('quality-tab').getByTestId('quality-grade')).toHaveText(/^[ABCD] · /);
      await snap(page, '73-dataset-quality');
    });

    await test.step('预览 shows the rows', async () => {
      await openTab(page, 'preview');
      const table = page.getByTestId('preview-table');
      await expect(table.locator('tbody tr.ant-table-row').first()).toBeVisible();
      await expect(page.getByTestId('preview-tab')).toContainText(`共 ${ROW_COUNT} 行`);
      await expect(table.locator('thead').getByText('身份证号').first()).toBeVisible();
      await expect(table.locator('tbody')).toContainText('KH000001');
    });

    await test.step('a sample keeping the ID numbers is refused publication', async () => {
      await openTab(page, 'samples');
      // The builder pre-selects the usual mask for every flagged column.
      await expect(maskingOf(page, '身份证号')).toContainText('部分遮盖');
      await expect(maskingOf(page, '手机号')).toContainText('部分遮盖');
      await expect(maskingOf(page, '消费金额')).toContainText('保留原值');
      await pickOption(maskingOf(page, '身份证号'), '保留原值');
      await expect(maskingOf(page, '身份证号')).toContainText('保留原值');
      await generateSample(page);
      await expect(page.getByTestId('sample-residual')).toContainText('身份证号');
      await publishSample(page);
      const refusal = page.getByTestId('publish-refusal');
      await expect(refusal).toBeVisible();
      await expect(refusal).toContainText('发布被拒绝');
      await expect(refusal).toContainText('身份证号');
      await expect(refusal).toHaveAttribute('data-columns', /身份证号/);
      await expect(refusal).not.toHaveAttribute('data-columns', /手机号/);
      await expect(page.getByTestId('current-sample').getByTestId('sample-state')).toHaveText('草稿');
      await expect(page.getByTestId('blocked-column-身份证号').first()).toBeVisible();
      await toastsGone(page);
      await snap(page, '74-dataset-sample-refused');
    });

    let samplePath = '';
    await test.step('masked with 部分遮盖, the next sample is published', async () => {
      await pickOption(maskingOf(page, '身份证号'), '部分遮盖');
      await generateSample(page);
      await expect(page.getByTestId('publish-refusal')).toHaveCount(0);
      await expect(page.getByTestId('sample-clean')).toBeVisible();
      const shownIds = await columnTexts(
        page.getByTestId('current-sample').getByTestId('sample-rows'),
        '身份证号',
      );
      expect(shownIds.length).toBeGreaterThan(0);
      for (const id of shownIds) expect(id).toMatch(MASKED_ID);
      await publishSample(page);
      await expect(toast(page, '样例已发布')).toBeVisible();
      await expect(page.getByTestId('current-sample').getByTestId('sample-state')).toHaveText('已发布');
      const link = page.getByTestId('samples-table').locator('[data-testid^="sample-link-"]');
      await expect(link).toHaveCount(1);
      samplePath = (await link.getAttribute('href')) ?? '';
      expect(samplePath).toMatch(/^\/samples\/[^/]+$/);
      await expect(link).toHaveAttribute('data-testid', `sample-link-${samplePath.split('/').pop() ?? ''}`);
      await toastsGone(page);
      await snap(page, '75-dataset-sample-published');
    });

    await test.step('a signed-out visitor opens the public link and sees masked ID numbers only', async () => {
      const visitorContext = await browser.newContext();
      const visitor = await visitorContext.newPage();
      await visitor.goto(samplePath);
      await expect(visitor.getByTestId('nav-login')).toBeVisible();
      const sample = visitor.getByTestId('public-sample');
      await expect(sample).toBeVisible();
      await expect(visitor.getByTestId('sample-state')).toHaveText('已发布');
      await expect(sample).toContainText('身份证号：部分遮盖');
      const table = sample.getByTestId('sample-rows');
      await expect(table.locator('tbody tr.ant-table-row').first()).toBeVisible();
      const shownIds = await columnTexts(table, '身份证号');
      expect(shownIds.length).toBeGreaterThan(0);
      for (const id of shownIds) {
        expect(id).toMatch(MASKED_ID);
        expect(id).not.toMatch(FULL_ID);
      }
      for (const mobile of await columnTexts(table, '手机号')) expect(mobile).toMatch(/^1\d{2}\*{4}\d{4}$/);
      // No uploaded ID number appears anywhere on the page.
      const text = await visitor.locator('body').innerText();
      const leaked = [...ids].filter((id) => text.includes(id));
      expect(leaked).toEqual([]);
      await snap(visitor, '76-dataset-public-sample');
      await visitorContext.close();
    });
  });
});
