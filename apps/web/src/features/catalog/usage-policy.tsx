/**
 * A product's usage policy (使用策略) in words — what is permitted or forbidden and under which
 * constraints — with the machine-readable ODRL offer in a collapse for those who integrate it.
 */
import { CheckCircleOutlined, StopOutlined } from '@ant-design/icons';
import { PARTICIPANT_ROLES, POLICY_ACTIONS, provinceOf } from '@shuliu/core';
import { Collapse, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { readOdrlRules, type ReadConstraint, type ReadRule } from './odrl-rules';

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return list.some((item) => item === value);
}

function useConstraintText() {
  const { t } = useTranslation(['catalog', 'vocab']);
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';
  const sep = t('policy.listSeparator');
  return (c: ReadConstraint): string => {
    if (c.kind === 'other') return c.text;
    const label = t(`vocab:policyConstraints.${c.kind}`);
    const value = (() => {
      switch (c.kind) {
        case 'purpose':
          return c.anyOf.join(sep);
        case 'period':
          return t('policy.period', { from: c.from || '…', to: c.to || '…' });
        case 'count':
          return t('policy.times', { count: c.max });
        case 'region':
          return c.anyOf.map((code) => provinceOf(code)?.[lang] ?? code).join(sep);
        case 'recipient_role':
          return c.anyOf.map((r) => (includes(PARTICIPANT_ROLES, r) ? t(`vocab:roles.${r}`) : r)).join(sep);
      }
    })();
    return t('policy.constraint', { label, value });
  };
}

function RuleItem({ rule }: { rule: ReadRule }) {
  const { t } = useTranslation(['catalog', 'vocab']);
  const text = useConstraintText();
  const action = includes(POLICY_ACTIONS, rule.action)
    ? t(`vocab:policyActions.${rule.action}`)
    : rule.action;
  return (
    <List.Item data-testid={rule.permitted ? 'policy-permission' : 'policy-prohibition'}>
      <List.Item.Meta
        avatar={
          rule.permitted ? (
            <CheckCircleOutlined style={{ color: '#2e8540' }} />
          ) : (
            <StopOutlined style={{ color: '#c8312b' }} />
          )
        }
        title={rule.permitted ? t('policy.permits', { action }) : t('policy.forbids', { action })}
        description={
          rule.constraints.length > 0 ? (
            <ul className="policy-constraints">
              {rule.constraints.map((constraint, index) => (
                <li key={`${constraint.kind}-${index}`}>{text(constraint)}</li>
              ))}
            </ul>
          ) : (
            t('policy.unconstrained')
          )
        }
      />
    </List.Item>
  );
}

/** The policy (an ODRL offer) in words, then the offer itself. */
export function UsagePolicyView({ offer }: { offer: unknown }) {
  const { t } = useTranslation('catalog');
  return (
    <div data-testid="usage-policy">
      <List
        size="small"
        dataSource={readOdrlRules(offer)}
        locale={{ emptyText: t('policy.none') }}
        renderItem={(rule) => <RuleItem rule={rule} />}
      />
      <Collapse
        size="small"
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'odrl',
            label: t('policy.odrl'),
            children: (
              <Typography.Paragraph
                className="mono-wrap"
                copyable
                style={{ fontSize: 12, margin: 0, whiteSpace: 'pre-wrap' }}
                data-testid="odrl-json"
              >
                {JSON.stringify(offer, null, 2)}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </div>
  );
}
