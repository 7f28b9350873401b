/**
 * The usage-policy editor (使用策略): permissions and prohibitions, each an action with constraints
 * from the closed set — purpose, period, count, region, recipient role — and a live preview of the
 * ODRL offer that will be registered with the product.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { PARTICIPANT_ROLES, POLICY_ACTIONS, toOdrlOffer } from '@shuliu/core';
import {
  Button,
  Card,
  Col,
  Collapse,
  DatePicker,
  Flex,
  Form,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { dateProps } from './classification-step';
import { CONSTRAINT_KINDS, toUsagePolicy, type ConstraintKind, type PolicyValues } from './policy';

function ConstraintInputs({ kind, name }: { kind: ConstraintKind | undefined; name: (string | number)[] }) {
  const { t } = useTranslation(['registry', 'vocab']);
  switch (kind) {
    case 'purpose':
    case 'region':
      return (
        <Form.Item name={[...name, 'anyOf']} style={{ margin: 0 }} extra={t(`policy.hints.${kind}`)}>
          <Select
            mode="tags"
            open={false}
            tokenSeparators={[',', '，']}
            aria-label={t(`vocab:policyConstraints.${kind}`)}
          />
        </Form.Item>
      );
    case 'recipient_role':
      return (
        <Form.Item name={[...name, 'anyOf']} style={{ margin: 0 }}>
          <Select
            mode="multiple"
            aria-label={t('vocab:policyConstraints.recipient_role')}
            options={PARTICIPANT_ROLES.map((role) => ({ value: role, label: t(`vocab:roles.${role}`) }))}
          />
        </Form.Item>
      );
    case 'period':
      return (
        <Flex gap={8}>
          <Form.Item name={[...name, 'from']} style={{ margin: 0 }} {...dateProps}>
            <DatePicker placeholder={t('policy.from')} />
          </Form.Item>
          <Form.Item name={[...name, 'to']} style={{ margin: 0 }} {...dateProps}>
            <DatePicker placeholder={t('policy.to')} />
          </Form.Item>
        </Flex>
      );
    case 'count':
      return (
        <Form.Item name={[...name, 'max']} style={{ margin: 0 }}>
          <InputNumber
            min={1}
            precision={0}
            suffix={t('policy.times')}
            aria-label={t('vocab:policyConstraints.count')}
          />
        </Form.Item>
      );
    case undefined:
      return null;
  }
}

function RuleList({ list }: { list: 'permissions' | 'prohibitions' }) {
  const { t } = useTranslation(['registry', 'vocab']);
  const form = Form.useFormInstance();
  return (
    <Form.List name={['usagePolicy', list]}>
      {(rules, { add, remove }) => (
        <Flex vertical gap={12}>
          {rules.map((rule) => (
            <Card size="small" key={rule.key} data-testid={`policy-${list}-${rule.name}`}>
              <Flex gap={12} align="center" style={{ marginBottom: 8 }}>
                <Typography.Text>{t('policy.action')}</Typography.Text>
                <Form.Item name={[rule.name, 'action']} style={{ margin: 0, minWidth: 160 }}>
                  <Select
                    aria-label={t('policy.action')}
                    options={POLICY_ACTIONS.map((a) => ({ value: a, label: t(`vocab:policyActions.${a}`) }))}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('policy.removeRule')}
                  onClick={() => remove(rule.name)}
                />
              </Flex>
              <Form.List name={[rule.name, 'constraints']}>
                {(constraints, ops) => (
                  <>
                    {constraints.map((c) => {
                      const path = ['usagePolicy', list, rule.name, 'constraints', c.name];
                      return (
                        <Row key={c.key} gutter={8} style={{ marginBottom: 8 }} align="top">
                          <Col xs={24} md={7}>
                            <Form.Item name={[c.name, 'kind']} style={{ margin: 0 }}>
                              <Select
                                aria-label={t('policy.constraint')}
                                options={CONSTRAINT_KINDS.map((k) => ({
                                  value: k,
                                  label: t(`vocab:policyConstraints.${k}`),
                                }))}
                              />
                            </Form.Item>
                          </Col>
                          <Col xs={20} md={15}>
                            <Form.Item noStyle shouldUpdate>
                              {() => (
                                <ConstraintInputs
                                  kind={form.getFieldValue([...path, 'kind']) as ConstraintKind | undefined}
                                  name={[c.name]}
                                />
                              )}
                            </Form.Item>
                          </Col>
                          <Col xs={4} md={2}>
                            <Button
                              type="text"
                              icon={<DeleteOutlined />}
                              aria-label={t('policy.removeConstraint')}
                              onClick={() => ops.remove(c.name)}
                            />
                          </Col>
                        </Row>
                      );
                    })}
                    <Button
                      size="small"
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => ops.add({ kind: 'purpose' })}
                    >
                      {t('policy.addConstraint')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ action: 'use', constraints: [] })}
            data-testid={`add-${list}`}
          >
            {t(`policy.add.${list}`)}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

/** The usage-policy editor with its ODRL preview. */
export function PolicyEditor({
  productId,
  organizationId,
}: {
  productId: string | undefined;
  organizationId: string | undefined;
}) {
  const { t } = useTranslation('registry');
  const form = Form.useFormInstance();
  const values = Form.useWatch('usagePolicy', { form, preserve: true }) as PolicyValues | undefined;
  const offer = toOdrlOffer(toUsagePolicy(values), {
    policy: `urn:shuliu:policy:${productId ?? 'draft'}`,
    target: `urn:shuliu:product:${productId ?? 'draft'}`,
    assigner: `urn:shuliu:organization:${organizationId ?? 'unknown'}`,
  });
  return (
    <>
      <Typography.Title level={5}>{t('policy.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('policy.hint')}</Typography.Paragraph>
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Typography.Text strong>{t('policy.permissions')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <RuleList list="permissions" />
          </div>
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Text strong>{t('policy.prohibitions')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <RuleList list="prohibitions" />
          </div>
        </Col>
      </Row>
      <Collapse
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'odrl',
            label: t('policy.preview'),
            children: (
              <pre
                className="mono"
                style={{ maxHeight: 360, overflow: 'auto', margin: 0 }}
                data-testid="odrl-preview"
              >
                {JSON.stringify(offer, null, 2)}
              </pre>
            ),
          },
        ]}
      />
    </>
  );
}
