/**
 * Demo datasets: two files uploaded for the weather provider through the real upload records, so a
 * new node shows processed versions, profiles, quality reports and — in the second — personal
 * information to mask. Processing runs on the node's job queue once it starts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idCheckCharacter } from '@shuliu/core';
import type { BuiltApp } from '../app.js';
import type { DemoMember } from './demo-catalog.js';

/** Hourly road-segment traffic: no personal information. */
function trafficCsv(): string {
  const roads = ['中山路', '汉中路', '龙蟠路', '江东中路', '应天大街', '北京西路'];
  const lines = ['路段编号,路段名称,时间,车流量,平均速度,拥堵指数'];
  for (let day = 1; day <= 7; day++)
    for (let hour = 0; hour < 24; hour++)
      roads.forEach((road, i) => {
        const rush = hour === 8 || hour === 18 ? 2.2 : hour >= 7 && hour <= 20 ? 1.4 : 0.5;
        const flow = Math.round((800 + i * 90 + ((day * 37 + hour * 11) % 150)) * rush);
        const speed = Math.max(12, Math.round(62 - flow / 60));
        const time = `2026-11-${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:00:00`;
        lines.push(
          `NJ-${String(i + 1).padStart(3, '0')},${road},${time},${flow},${speed},${(flow / 900).toFixed(2)}`,
        );
      });
  return lines.join('\n') + '\n';
}

/** Fleet drivers with names, ID numbers and mobiles: a dataset whose samples must be masked. */
function driversCsv(): string {
  const surnames = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '周', '吴'];
  const given = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '军', '杰', '涛', '明'];
  const lines = ['司机编号,姓名,身份证号,手机号,车牌号,驾龄,所属车队'];
  for (let i = 0; i < 240; i++) {
    const body = `320106${1965 + (i % 35)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100 + i).slice(-3)}`;
    lines.push(
      [
        `D${String(i + 1).padStart(4, '0')}`,
        `${surnames[i % 10] ?? '张'}${given[(i * 7) % 12] ?? '伟'}${i % 3 === 0 ? (given[i % 12] ?? '') : ''}`,
        body + idCheckCharacter(body),
        `1${['38', '39', '58', '86', '77'][i % 5] ?? '38'}${String(10_000_000 + i * 7919).slice(-8)}`,
        `苏A${String(10_000 + i * 37).slice(-5)}`,
        1 + (i % 25),
        ['城东车队', '城西车队', '江北车队'][i % 3] ?? '城东车队',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/** Creates the demo datasets and uploads one version of each. */
export async function seedDemoDatasets(built: BuiltApp, owner: DemoMember): Promise<void> {
  const { datasets, uploads } = built.services.datasets;
  const dir = await mkdtemp(join(tmpdir(), 'shuliu-demo-datasets-'));
  try {
    const files = [
      {
        name: '南京主城区路段车流量（逐小时）',
        description: '主城区 6 条主干道 2026 年 11 月第一周逐小时车流量、平均速度与拥堵指数。',
        updateFrequency: 'daily' as const,
        filename: '路段车流量.csv',
        content: trafficCsv(),
      },
      {
        name: '网约车司机名录（含个人信息，演示脱敏）',
        description: '车队司机的身份与联系方式；公开样例前须对姓名、身份证号、手机号、车牌号脱敏。',
        updateFrequency: 'monthly' as const,
        filename: '司机名录.csv',
        content: driversCsv(),
      },
    ];
    for (const file of files) {
      const dataset = await datasets.create(
        owner.principal,
        {
          organizationId: owner.organizationId,
          name: file.name,
          description: file.description,
          updateFrequency: file.updateFrequency,
        },
        'demo-seed',
      );
      const path = join(dir, file.filename);
      await writeFile(path, file.content);
      const tusId = `demo-${randomBytes(8).toString('hex')}`;
      await uploads.open(owner.principal, {
        tusId,
        size: Buffer.byteLength(file.content),
        metadata: { filename: file.filename, datasetId: dataset.id },
        requestId: 'demo-seed',
      });
      await uploads.complete(owner.principal, tusId, { path, requestId: 'demo-seed' });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
