import { idCheckCharacter } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEventsOf } from '../../platform/events/events.js';
import {
  errorCodeOf,
  registerParticipantOrg,
  signUpUser,
  type ParticipantOrg,
  type TestUser,
} from '../../test/factories.js';
import { startTestNode, type TestNode } from '../../test/test-node.js';
import {
  createTusUpload,
  patchTusUpload,
  sha256Hex,
  tusOffset,
  uploadFile,
  waitForVersion,
} from './datasets.test-helpers.js';

/** A resident ID number with a correct GB 11643 check character. */
const idNumber = (body17: string) => body17 + idCheckCharacter(body17);

/** A CSV of customers: names, ID numbers, mobiles, amounts, dates, cities. */
function customersCsv(rows: number): string {
  const surnames = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄'];
  const given = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇'];
  const cities = ['北京', '上海', '广州', '深圳', '南京'];
  const lines = ['客户编号,姓名,身份证号,手机号,消费金额,开户日期,城市'];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const id = idNumber(`110105198${i % 10}07${day}${String(100 + (i % 900)).slice(-3)}`);
    lines.push(
      [
        `C${String(i).padStart(6, '0')}`,
        `${surnames[i % 8] ?? '张'}${given[(i * 3) % 8] ?? '伟'}`,
        id,
        `13${String(800000000 + i * 7919).slice(0, 9)}`,
        ((i * 37) % 10000) / 100 + 10,
        `2026-0${(i % 9) + 1}-${day}`,
        cities[i % 5] ?? '北京',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

let node: TestNode;
let holder: ParticipantOrg;
let owner: TestUser;
let outsider: TestUser;
let reviewer: TestUser;
let datasetId: string;

beforeAll(async () => {
  node = await startTestNode();
  holder = await registerParticipantOrg(node, ['provider']);
  owner = holder.owner;
  outsider = await signUpUser(node);
  reviewer = await signUpUser(node, { platformRoles: ['exchange_reviewer'] });
  const res = await owner.send('POST', '/api/datasets', {
    organizationId: holder.organizationId,
    name: '客户消费明细',
    updateFrequency: 'monthly',
    rules: [{ column: '消费金额', type: 'decimal', min: 0 }],
  });
  expect(res.status).toBe(201);
  datasetId = ((await res.json()) as { id: string }).id;
}, 120_000);

afterAll(async () => {
  await node.close();
});

describe('datasets over HTTP', () => {
  it('refuses datasets for organizations the caller is not in', async () => {
    const res = await outsider.send('POST', '/api/datasets', {
      organizationId: holder.organizationId,
      name: 'x',
    });
    expect(res.status).toBe(403);
    expect(await errorCodeOf(res)).toBe('datasets.organization_required');
    expect((await outsider.request(`/api/datasets/${datasetId}`)).status).toBe(404);
  });

  it('takes a resumable upload in two parts, makes version 1 and processes it', async () => {
    const bytes = Buffer.from(customersCsv(2000), 'utf8');
    const created = await createTusUpload(owner, bytes.length, {
      filename: '客户.csv',
      datasetId,
      sha256: sha256Hex(bytes),
    });
    expect(created.res.status).toBe(201);
    const path = created.path ?? '';
    const half = Math.floor(bytes.length / 2);
    expect((await patchTusUpload(owner, path, 0, bytes.subarray(0, half))).status).toBe(204);
    // The connection "drops"; the client asks where to resume.
    expect(await tusOffset(owner, path)).toBe(half);
    // Someone else cannot see or continue it.
    expect(
      (await outsider.request(path, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } })).status,
    ).toBe(404);
    const done = await patchTusUpload(owner, path, half, bytes.subarray(half));
    expect(done.status).toBe(200);
    const body = (await done.json()) as { sha256: string; versionNumber: number; size: number };
    expect(body).toMatchObject({ sha256: sha256Hex(bytes), size: bytes.length, versionNumber: 1 });

    const version = await waitForVersion(owner, datasetId, 1);
    expect(version.state).toBe('ready');
    expect(version.rowCount).toBe(2000);
    expect(version.format).toBe('csv');
    expect(version.columns?.map((c) => c.name)).toEqual([
      '客户编号',
      '姓名',
      '身份证号',
      '手机号',
      '消费金额',
      '开户日期',
      '城市',
    ]);
    const kinds = Object.fromEntries((version.personalInfo ?? []).map((f) => [f.column, f.kind]));
    expect(kinds).toMatchObject({ 身份证号: 'id_card', 手机号: 'mobile', 姓名: 'person_name' });
    for (const f of version.personalInfo ?? []) for (const e of f.examples) expect(e).toContain('*');
    expect(version.personalInfoColumns).toEqual(expect.arrayContaining(['身份证号', '手机号', '姓名']));
    // Top values of personal columns are masked in the stored profile.
    const idProfile = version.profile?.columns.find((c) => c.name === '身份证号');
    for (const top of idProfile?.topValues ?? []) expect(top.value).toContain('*');
    expect(version.quality?.dimensions.map((d) => d.dimension)).toEqual([
      'conformity',
      'completeness',
      'accuracy',
      'consistency',
      'timeliness',
      'accessibility',
    ]);
    for (const d of version.quality?.dimensions ?? []) expect(d.explanation.length).toBeGreaterThan(5);

    const events = await listEventsOf(node.platform.deps.database.db, 'dataset_version', version.id);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'datasets.version.created',
        'datasets.version.processing_started',
        'datasets.version.processed',
      ]),
    );
  }, 120_000);

  it('pages, filters and sorts rows; staff see personal columns masked; export streams everything to members', async () => {
    const page = await owner.request(
      `/api/datasets/${datasetId}/versions/1/rows?limit=10&offset=5&sort=${encodeURIComponent('消费金额:desc')}`,
    );
    expect(page.status).toBe(200);
    const rows = (await page.json()) as { rows: unknown[][]; total: number; masked: string[] };
    expect(rows.rows).toHaveLength(10);
    expect(rows.total).toBe(2000);
    expect(rows.masked).toEqual([]);

    const filters = encodeURIComponent(JSON.stringify([{ column: '城市', op: 'eq', value: '上海' }]));
    const filtered = (await (
      await owner.request(`/api/datasets/${datasetId}/versions/1/rows?filters=${filters}`)
    ).json()) as {
      total: number;
    };
    expect(filtered.total).toBe(400);

    const staff = (await (
      await reviewer.request(`/api/datasets/${datasetId}/versions/1/rows?limit=3`)
    ).json()) as {
      columns: { name: string }[];
      rows: (string | null)[][];
      masked: string[];
    };
    expect(staff.masked).toEqual(expect.arrayContaining(['身份证号', '手机号']));
    const idAt = staff.columns.findIndex((c) => c.name === '身份证号');
    for (const row of staff.rows) expect(String(row[idAt])).toContain('*');

    const bad = await owner.request(
      `/api/datasets/${datasetId}/versions/1/rows?sort=${encodeURIComponent('不存在:asc')}`,
    );
    expect(bad.status).toBe(400);
    expect(await errorCodeOf(bad)).toBe('datasets.query.unknown_column');
    const badJson = await owner.request(`/api/datasets/${datasetId}/versions/1/rows?filters=%5Bnot-json`);
    expect(await errorCodeOf(badJson)).toBe('datasets.query.bad_filter');

    const capped = await owner.send('POST', `/api/datasets/${datasetId}/versions/1/query`, {
      limit: 100,
      select: ['城市'],
    });
    const cappedBody = (await capped.json()) as { rows: unknown[][]; truncated: boolean };
    expect(cappedBody.rows).toHaveLength(100);
    expect(cappedBody.truncated).toBe(true);

    const exported = await owner.request(`/api/datasets/${datasetId}/versions/1/export?format=csv`);
    expect(exported.status).toBe(200);
    const text = await exported.text();
    expect(text.trim().split('\n')).toHaveLength(2001);
    expect((await reviewer.request(`/api/datasets/${datasetId}/versions/1/export`)).status).toBe(403);
    expect((await outsider.request(`/api/datasets/${datasetId}/versions/1/export`)).status).toBe(404);
  }, 60_000);

  it('refuses to publish a sample with unmasked personal information, naming the columns, and publishes a masked one', async () => {
    const raw = await owner.send('POST', `/api/datasets/${datasetId}/versions/1/samples`, { rows: 20 });
    expect(raw.status).toBe(201);
    const rawSample = (await raw.json()) as { id: string; blockingColumns: string[] };
    expect(rawSample.blockingColumns).toEqual(expect.arrayContaining(['身份证号', '手机号', '姓名']));
    const refused = await owner.send('POST', `/api/samples/${rawSample.id}/publish`);
    expect(refused.status).toBe(422);
    const error = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.error.code).toBe('datasets.sample.unmasked_personal_info');
    expect(error.error.message).toContain('身份证号');
    // A draft is not public.
    expect((await node.request(`/api/samples/${rawSample.id}`)).status).toBe(404);

    const masked = await owner.send('POST', `/api/datasets/${datasetId}/versions/1/samples`, {
      rows: 20,
      masking: [
        { column: '身份证号', method: 'partial' },
        { column: '手机号', method: 'hash' },
        { column: '姓名', method: 'partial' },
      ],
    });
    const maskedSample = (await masked.json()) as {
      id: string;
      blockingColumns: string[];
      rows: unknown[][];
    };
    expect(maskedSample.blockingColumns).toEqual([]);
    const published = await owner.send('POST', `/api/samples/${maskedSample.id}/publish`);
    expect(published.status).toBe(200);
    const anonymous = await node.request(`/api/samples/${maskedSample.id}`);
    expect(anonymous.status).toBe(200);
    const shown = (await anonymous.json()) as { rows: string[][]; columns: { name: string }[] };
    const idAt = shown.columns.findIndex((c) => c.name === '身份证号');
    for (const row of shown.rows) expect(row[idAt]).toMatch(/^\d{3}\*+\d{3}[\dX]$/);

    const listed = (await (await owner.request(`/api/datasets/${datasetId}/samples`)).json()) as {
      items: { id: string; state: string; versionNumber: number | null }[];
    };
    expect(listed.items.map((i) => [i.id, i.state, i.versionNumber])).toEqual([
      [maskedSample.id, 'published', 1],
      [rawSample.id, 'draft', 1],
    ]);
  }, 60_000);

  it('refuses a checksum mismatch and keeps nothing of it', async () => {
    const bytes = Buffer.from('a,b\n1,2\n');
    const created = await createTusUpload(owner, bytes.length, {
      filename: 'x.csv',
      datasetId,
      sha256: 'a'.repeat(64),
    });
    const res = await patchTusUpload(owner, created.path ?? '', 0, bytes);
    expect(res.status).toBe(422);
    expect(await errorCodeOf(res)).toBe('datasets.upload.checksum_mismatch');
    expect(await node.platform.deps.storage.localFile(sha256Hex(bytes))).toBeNull();
    const versions = (await (await owner.request(`/api/datasets/${datasetId}/versions`)).json()) as {
      items: unknown[];
    };
    expect(versions.items).toHaveLength(1);
  });

  it('refuses a version from a truncated upload, saying how much arrived', async () => {
    const created = await createTusUpload(owner, 1000, { filename: 'cut.csv', datasetId });
    expect((await patchTusUpload(owner, created.path ?? '', 0, Buffer.alloc(600, 0x41))).status).toBe(204);
    const uploadId = created.res.headers.get('x-shuliu-upload-id');
    const rows = await node.platform.deps.database.db.execute<{ id: string }>(
      `SELECT id FROM uploads WHERE status = 'open' AND dataset_id = '${datasetId}'`,
    );
    const id = uploadId ?? rows.rows[0]?.id ?? '';
    const res = await owner.send('POST', `/api/datasets/${datasetId}/versions`, { uploadId: id });
    expect(res.status).toBe(409);
    const body = (await res.json()) as {
      error: { code: string; details: { received: number; declared: number } };
    };
    expect(body.error.code).toBe('datasets.upload.incomplete');
    expect(body.error.details).toMatchObject({ received: 600, declared: 1000 });
  });

  it('needs a signed-in caller with metadata for uploads', async () => {
    const anon = await node.request('/api/uploads', {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10' },
    });
    expect(anon.status).toBe(401);
    const noDataset = await createTusUpload(owner, 10, { filename: 'x.csv' });
    expect(noDataset.res.status).toBe(400);
    const foreign = await createTusUpload(outsider, 10, { filename: 'x.csv', datasetId });
    expect(foreign.res.status).toBe(404);
  });

  it('ends a binary file named .csv in a failed version with a report, never a stuck job', async () => {
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    const done = await uploadFile(owner, datasetId, 'junk.csv', junk);
    const version = await waitForVersion(owner, datasetId, done.versionNumber ?? 0);
    expect(version.state).toBe('failed');
    expect(version.ingest?.fatal).toBe(true);
    expect(version.ingest?.problems.map((p) => p.code)).toContain('binary_content');
    // Old versions stay addressable and unchanged.
    expect((await waitForVersion(owner, datasetId, 1)).state).toBe('ready');
  }, 60_000);

  it('keeps ready versions immutable in the database itself', async () => {
    const immutable = { cause: { message: expect.stringMatching(/immutable/) as unknown } };
    await expect(
      node.platform.deps.database.db.execute(
        `UPDATE dataset_versions SET row_count = 1 WHERE dataset_id = '${datasetId}' AND number = 1`,
      ),
    ).rejects.toMatchObject(immutable);
    await expect(
      node.platform.deps.database.db.execute(
        `DELETE FROM dataset_versions WHERE dataset_id = '${datasetId}'`,
      ),
    ).rejects.toMatchObject(immutable);
  });
});
