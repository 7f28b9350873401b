/** Product step 3 (场景与策略): use scenarios (at least one) and the usage policy. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { settle } from '../../../ui/form-rules';
import { PolicyEditor } from './policy-editor';

/** Most scenarios one product lists. */
const MAX_SCENARIOS = 20;

/** The scenarios-and-policy step of the product wizard. */
export function UsageStep({
  productId,
  organizationId,
}: {
  productId: string | undefined;
  organizationId: string | undefined;
}) {
  const { t } = useTranslation(['registry', 'common']);
  return (
    <>
      <Typography.Title level={5}>{t('scenarios.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('scenarios.hint')}</Typography.Paragraph>
      <Form.List
        name="scenarios"
        rules={[
          {
            validator: (_rule, list: unknown[] | undefined) =>
              settle(() => {
                if (!list || list.length === 0) throw new Error(t('scenarios.required'));
                if (list.length > MAX_SCENARIOS)
                  throw new Error(t('scenarios.tooMany', { max: MAX_SCENARIOS }));
              }),
          },
        ]}
      >
        {(scenarios, { add, remove }, { errors }) => (
          <Flex vertical gap={12} style={{ marginBottom: 24 }}>
            {scenarios.map((scenario, index) => (
              <Card
                size="small"
                key={scenario.key}
                title={t('scenarios.item', { index: index + 1 })}
                extra={
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('scenarios.remove')}
                    onClick={() => remove(scenario.name)}
                    disabled={scenarios.length === 1}
                  />
                }
              >
                <Form.Item
                  label={t('scenarios.name')}
                  name={[scenario.name, 'title']}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('common:validation.required', { field: t('scenarios.name') }),
                    },
                    { max: 80 },
                  ]}
                >
                  <Input data-testid={`scenario-title-${scenario.name}`} />
                </Form.Item>
                <Form.Item
                  label={t('scenarios.description')}
                  name={[scenario.name, 'description']}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('common:validation.required', { field: t('scenarios.description') }),
                    },
                    { max: 2000 },
                  ]}
                >
                  <Input.TextArea rows={2} maxLength={2000} showCount />
                </Form.Item>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-scenario">
              {t('scenarios.add')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <PolicyEditor productId={productId} organizationId={organizationId} />
    </>
  );
}
