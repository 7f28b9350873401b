/**
 * Resource step 2 (数据项): the field list as an editable table — name, type, description,
 * sensitivity — with rows added one by one or from a pasted CSV header (sensitivity guessed from
 * the field name, for the holder to confirm).
 */
import { DeleteOutlined, PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import { ITEM_SENSITIVITIES, ITEM_TYPES, type DataItem } from '@shuliu/core';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../../ui/form-rules';
import { itemsFromHeader, MAX_DATA_ITEMS } from './data-items';

function PasteHeaderButton({ onItems }: { onItems: (items: DataItem[]) => void }) {
  const { t } = useTranslation('registry');
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const preview = itemsFromHeader(text);
  return (
    <>
      <Button icon={<SnippetsOutlined />} onClick={() => setOpen(true)} data-testid="paste-header">
        {t('items.paste')}
      </Button>
      <Modal
        open={open}
        title={t('items.pasteTitle')}
        okText={t('items.pasteAdd', { count: preview.length })}
        okButtonProps={{ disabled: preview.length === 0 }}
        onOk={() => {
          onItems(preview);
          setText('');
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph type="secondary">{t('items.pasteHint')}</Typography.Paragraph>
        <Input.TextArea
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="road_id,路段名称,采集时间,车流量"
          aria-label={t('items.pasteTitle')}
          data-testid="paste-header-text"
        />
      </Modal>
    </>
  );
}

/** The data-items step of the resource wizard. */
export function DataItemsStep() {
  const { t } = useTranslation(['registry', 'vocab', 'common']);
  const form = Form.useFormInstance();
  return (
    <>
      <Typography.Title level={5}>{t('resource.steps.items')}</Typography.Title>
      <Alert type="info" showIcon title={t('items.hint')} style={{ marginBottom: 16 }} />
      <Form.List
        name="dataItems"
        rules={[
          {
            validator: (_rule, items: unknown[] | undefined) =>
              settle(() => {
                if (!items || items.length === 0) throw new Error(t('items.required'));
                if (items.length > MAX_DATA_ITEMS)
                  throw new Error(t('items.tooMany', { max: MAX_DATA_ITEMS }));
              }),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={fields}
              data-testid="data-items"
              locale={{ emptyText: t('items.empty') }}
              scroll={{ x: 760 }}
              columns={[
                {
                  title: t('items.name'),
                  width: 200,
                  render: (_: unknown, field) => (
                    <Form.Item
                      name={[field.name, 'name']}
                      style={{ margin: 0 }}
                      rules={[
                        { required: true, whitespace: true, message: t('items.nameRequired') },
                        { max: 64 },
                      ]}
                    >
                      <Input aria-label={t('items.name')} data-testid={`item-name-${field.name}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('items.type'),
                  width: 130,
                  render: (_: unknown, field) => (
                    <Form.Item name={[field.name, 'type']} style={{ margin: 0 }} initialValue="string">
                      <Select
                        aria-label={t('items.type')}
                        options={ITEM_TYPES.map((type) => ({
                          value: type,
                          label: t(`vocab:itemTypes.${type}`),
                        }))}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('items.description'),
                  render: (_: unknown, field) => (
                    <Form.Item
                      name={[field.name, 'description']}
                      style={{ margin: 0 }}
                      rules={[{ max: 500 }]}
                    >
                      <Input aria-label={t('items.description')} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('items.sensitivity'),
                  width: 150,
                  render: (_: unknown, field) => (
                    <Form.Item name={[field.name, 'sensitivity']} style={{ margin: 0 }} initialValue="none">
                      <Select
                        aria-label={t('items.sensitivity')}
                        options={ITEM_SENSITIVITIES.map((s) => ({
                          value: s,
                          label: t(`vocab:itemSensitivities.${s}`),
                        }))}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('common:fields.actions'),
                  width: 70,
                  render: (_: unknown, field) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('items.remove')}
                      onClick={() => remove(field.name)}
                    />
                  ),
                },
              ]}
            />
            <Form.ErrorList errors={errors} />
            <Space style={{ marginTop: 12 }}>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ type: 'string', sensitivity: 'none', description: '' })}
                data-testid="add-item"
              >
                {t('items.add')}
              </Button>
              <PasteHeaderButton
                onItems={(items) => {
                  const current = (form.getFieldValue('dataItems') as DataItem[] | undefined) ?? [];
                  const known = new Set(current.map((item) => item.name));
                  form.setFieldValue('dataItems', [...current, ...items.filter((i) => !known.has(i.name))]);
                }}
              />
            </Space>
          </>
        )}
      </Form.List>
    </>
  );
}
