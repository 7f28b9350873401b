/**
 * The demo exchange seeded on first start (and by `shuliu demo`): exchange staff, a regulator, and
 * registered participants in every role, each with a login. Everything goes through the real services,
 * so the demo data carries credentials and events like real data.
 */
import { randomBytes } from 'node:crypto';
import { completeCreditCode, type ParticipantRole } from '@shuliu/core';
import type { BuiltApp } from '../app.js';
import type { PlatformRole, UserPrincipal } from '../platform/http/principal.js';
import { seedDemoCatalog, type DemoMember } from './demo-catalog.js';
import { seedDemoDatasets } from './demo-datasets.js';

/** One demo login, printed once. */
export interface DemoLogin {
  role: string;
  email: string;
  password: string;
  organization?: string;
}

interface DemoEntity {
  role: string;
  email: string;
  displayName: string;
  organization: string;
  /** First 17 characters of the credit code; the check character is computed. */
  code17: string;
  divisionCode: string;
  entityType: 'enterprise' | 'government_agency' | 'public_institution';
  roles: ParticipantRole[];
  merchantSubtypes?: ('data_service' | 'compute' | 'tool_algorithm' | 'network' | 'security')[];
  serviceTypes?: ('valuation' | 'quality_assessment' | 'compliance_certification' | 'notarization')[];
  legalRepresentative: string;
  address: string;
}

const STAFF: { role: string; email: string; displayName: string; platformRoles: PlatformRole[] }[] = [
  {
    role: '交易所管理员 exchange admin',
    email: 'admin@demo.shuliu.cn',
    displayName: '交易所管理员',
    platformRoles: ['exchange_admin', 'exchange_reviewer'],
  },
  {
    role: '交易所审核员 exchange reviewer',
    email: 'reviewer@demo.shuliu.cn',
    displayName: '审核员 陈静',
    platformRoles: ['exchange_reviewer'],
  },
  {
    role: '监管部门 regulator',
    email: 'regulator@demo.shuliu.cn',
    displayName: '市数据局 监管处',
    platformRoles: ['regulator'],
  },
];

const ENTITIES: DemoEntity[] = [
  {
    role: '公共数据主管部门 public-data authority',
    email: 'authority@demo.shuliu.cn',
    displayName: '数据资源处 刘洋',
    organization: '示范市数据局',
    code17: '11310000MB0000001',
    divisionCode: '310000',
    entityType: 'government_agency',
    roles: ['provider'],
    legalRepresentative: '刘建华',
    address: '上海市黄浦区人民大道 200 号',
  },
  {
    role: '数据提供方 provider',
    email: 'provider1@demo.shuliu.cn',
    displayName: '张伟',
    organization: '江苏智慧交通数据有限公司',
    code17: '91320100MA1X00001',
    divisionCode: '320100',
    entityType: 'enterprise',
    roles: ['provider'],
    legalRepresentative: '张伟',
    address: '南京市建邺区江东中路 100 号',
  },
  {
    role: '数据提供方 provider',
    email: 'provider2@demo.shuliu.cn',
    displayName: '王芳',
    organization: '浙江气象信息服务中心',
    code17: '12330000MB0000002',
    divisionCode: '330000',
    entityType: 'public_institution',
    roles: ['provider'],
    legalRepresentative: '王芳',
    address: '杭州市西湖区文三路 300 号',
  },
  {
    role: '数据商 data merchant',
    email: 'merchant@demo.shuliu.cn',
    displayName: '李强',
    organization: '北京数元科技有限公司',
    code17: '91110108MA0000003',
    divisionCode: '110108',
    entityType: 'enterprise',
    roles: ['merchant', 'buyer'],
    merchantSubtypes: ['data_service', 'tool_algorithm'],
    legalRepresentative: '李强',
    address: '北京市海淀区中关村大街 1 号',
  },
  {
    role: '数据需求方 buyer',
    email: 'buyer@demo.shuliu.cn',
    displayName: '赵敏',
    organization: '广州湾区金融科技有限公司',
    code17: '91440101MA5C00004',
    divisionCode: '440101',
    entityType: 'enterprise',
    roles: ['buyer'],
    legalRepresentative: '赵敏',
    address: '广州市天河区珠江新城 88 号',
  },
  {
    role: '第三方服务机构 service body',
    email: 'service@demo.shuliu.cn',
    displayName: '孙磊',
    organization: '华正数据资产评估有限公司',
    code17: '91310115MA1H00005',
    divisionCode: '310115',
    entityType: 'enterprise',
    roles: ['service'],
    serviceTypes: ['valuation', 'quality_assessment', 'compliance_certification'],
    legalRepresentative: '孙磊',
    address: '上海市浦东新区世纪大道 1000 号',
  },
];

/** A password for a demo login: the configured one, or random. */
const demoPassword = (configured: string | undefined) =>
  configured ?? `demo-${randomBytes(6).toString('base64url')}`;

/** Seeds the demo exchange through the services of `built` and returns the logins. */
export async function seedDemo(built: BuiltApp, options: { password?: string } = {}): Promise<DemoLogin[]> {
  const { accounts, participants } = built.services;
  const system = { userId: null, requestId: 'demo-seed' };
  const logins: DemoLogin[] = [];

  let reviewer: UserPrincipal | undefined;
  for (const staff of STAFF) {
    const password = demoPassword(options.password);
    const user = await accounts.auth.createUser(
      { email: staff.email, password, displayName: staff.displayName, platformRoles: staff.platformRoles },
      system,
    );
    logins.push({ role: staff.role, email: staff.email, password });
    if (
      staff.platformRoles.includes('exchange_reviewer') &&
      !staff.platformRoles.includes('exchange_admin')
    ) {
      reviewer = {
        kind: 'user',
        userId: user.id,
        email: user.email,
        displayName: user.displayName,
        platformRoles: staff.platformRoles,
        via: 'session',
        scopes: ['read', 'write'],
      };
    }
  }
  if (!reviewer) throw new Error('demo seed needs a reviewer');
  const members = new Map<string, DemoMember>();

  for (const entity of ENTITIES) {
    const password = demoPassword(options.password);
    const user = await accounts.auth.createUser(
      { email: entity.email, password, displayName: entity.displayName },
      system,
    );
    const applicant: UserPrincipal = {
      kind: 'user',
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      platformRoles: [],
      via: 'session',
      scopes: ['read', 'write'],
    };
    const application = await participants.applications.submit(
      applicant,
      {
        creditCode: completeCreditCode(entity.code17),
        name: entity.organization,
        entityType: entity.entityType,
        legalRepresentative: entity.legalRepresentative,
        address: entity.address,
        divisionCode: entity.divisionCode,
        contact: {
          name: entity.displayName,
          phone: `139${String(10000000 + logins.length * 1111111).slice(0, 8)}`,
          email: entity.email,
        },
        roles: entity.roles,
        merchantSubtypes: entity.merchantSubtypes ?? [],
        serviceTypes: entity.serviceTypes ?? [],
        commitments: ['data_truthful', 'data_complete', 'data_lawful', 'security_capability'],
        attachmentIds: [],
      },
      'demo-seed',
    );
    await participants.applications.act(
      reviewer,
      application.id,
      'approve',
      '示范数据：材料齐全，予以登记',
      'demo-seed',
    );
    logins.push({ role: entity.role, email: entity.email, password, organization: entity.organization });
    members.set(entity.email, {
      principal: applicant,
      organizationId: application.organizationId,
      organizationName: entity.organization,
    });
  }
  const member = (email: string) => {
    const found = members.get(email);
    if (!found) throw new Error(`demo seed has no ${email}`);
    return found;
  };
  await seedDemoCatalog(built, {
    reviewer,
    weather: member('provider2@demo.shuliu.cn'),
    merchant: member('merchant@demo.shuliu.cn'),
    authority: member('authority@demo.shuliu.cn'),
  });
  await seedDemoDatasets(built, member('provider2@demo.shuliu.cn'));
  return logins;
}

/** The logins as a box for the terminal. */
export function formatDemoLogins(logins: DemoLogin[], url: string): string {
  const lines = logins.map(
    (l) =>
      `  ${l.email.padEnd(28)} ${l.password.padEnd(18)} ${l.role}${l.organization ? ` · ${l.organization}` : ''}`,
  );
  return [
    '',
    `  示范交易所已就绪 Demo exchange seeded — ${url}`,
    '  以下登录信息只显示这一次 These logins are shown once:',
    '',
    ...lines,
    '',
  ].join('\n');
}
