/**
 * Demo datasets: two files uploaded for the weather service's provider login through the real upload
 * records, so a new node shows processed versions, profiles, quality reports and — in the second —
 * personal information to mask. Processing runs on the node's job queue once it starts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idCheckCharacter } from '@shuliu/core';
import type { BuiltApp } from '../app.js';
import type { DemoMember } from './demo-catalog.js';

/** Hourly surface observations of six stations: no personal information. */
function observationsCsv(): string {
  const stations = ['杭州', '萧山', '余杭', '临安', '富阳', '桐庐'];
  const lines = ['站点编号,站点名称,观测时间,气温,相对湿度,降水量'];
  for (let day = 1; day <= 7; day++)
    for (let hour = 0; hour < 24; hour++)
      stations.forEach((station, i) => {
        const temperature = 9 + 6 * Math.sin(((hour - 8) / 24) * 2 * Math.PI) - i * 0.4 + (day % 3);
        const humidity = Math.round(70 - temperature + ((day * 7 + hour + i) % 12));
        const rain = (day + i) % 4 === 0 && hour > 12 ? (((hour * 13 + i) % 30) / 10).toFixed(1) : '0.0';
        const time = `2026-11-${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:00:00`;
        lines.push(`${58457 + i},${station},${time},${temperature.toFixed(1)},${humidity},${rain}`);
      });
  return lines.join('\n') + '\n';
}

/** Weather information officers (气象信息员) with names, ID numbers and mobiles: samples must be masked. */
function officersCsv(): string {
  const surnames = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '周', '吴'];
  const given = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '军', '杰', '涛', '明'];
  const towns = ['瓶窑镇', '良渚街道', '河桥镇', '新登镇', '分水镇', '瓜沥镇'];
  const lines = ['信息员编号,姓名,身份证号,手机号,所在乡镇,从业年限'];
  for (let i = 0; i < 240; i++) {
    const birth = `${1965 + (i % 35)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const body = `330110${birth}${String(100 + i).slice(-3)}`;
    lines.push(
      [
        `QX${String(i + 1).padStart(4, '0')}`,
        `${surnames[i % 10] ?? '张'}${given[(i * 7) % 12] ?? '伟'}${i % 3 === 0 ? (given[i % 12] ?? '') : ''}`,
        body + idCheckCharacter(body),
        `1${['38', '39', '58', '86', '77'][i % 5] ?? '38'}${String(10_000_000 + i * 7919).slice(-8)}`,
        towns[i % towns.length] ?? '瓶窑镇',
        1 + (i % 25),
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
        name: '杭州地区逐小时地面气象观测',
        description: '6 个国家站 2026 年 11 月第一周逐小时气温、相对湿度与降水量。',
        updateFrequency: 'daily' as const,
        filename: '逐小时观测.csv',
        content: observationsCsv(),
      },
      {
        name: '气象信息员名录（含个人信息，演示脱敏）',
        description: '乡镇气象信息员的身份与联系方式；公开样例前须对姓名、身份证号、手机号脱敏。',
        updateFrequency: 'monthly' as const,
        filename: '气象信息员名录.csv',
        content: officersCsv(),
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
