/**
 * 新建数据集: the organization it belongs to (the user's organizations), name, description and the
 * declared update frequency. On success the dataset page opens at its versions tab.
 */
import { UPDATE_FREQUENCIES, type UpdateFrequency } from '@shuliu/core';
import { App, Button, Form, Input, Modal, Result, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useNotifyError } from '../../app/api-errors';
import { useAuth } from '../../app/auth';
import { useCreateDataset } from './api';

interface Values {
  organizationId: string;
  name: string;
  description?: string;
  updateFrequency: UpdateFrequency;
}

/** The create-dataset dialog. */
export function CreateDatasetModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['datasets', 'common', 'vocab']);
  const { me } = useAuth();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const create = useCreateDataset();
  const [form] = Form.useForm<Values>();
  const organizations = me?.organizations ?? [];

  const submit = (values: Values) =>
    create.mutate(
      {
        organizationId: values.organizationId,
        name: values.name.trim(),
        ...(values.description?.trim() ? { description: values.description.trim() } : {}),
        updateFrequency: values.updateFrequency,
      },
      {
        onSuccess: (dataset) => {
          void message.success(t('create.created'));
          form.resetFields();
          onClose();
          void navigate(`/datasets/${dataset.id}`);
        },
        onError: notifyError,
      },
    );

  return (
    <Modal
      open={open}
      title={t('create.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        organizations.length === 0
          ? null
          : [
              <Button key="cancel" onClick={onClose}>
                {t('common:actions.cancel')}
              </Button>,
              <Button
                key="submit"
                type="primary"
                loading={create.isPending}
                onClick={() => form.submit()}
                data-testid="create-dataset-submit"
              >
                {t('create.submit')}
              </Button>,
            ]
      }
      width={560}
    >
      {organizations.length === 0 ? (
        <Result
          status="info"
          subTitle={t('create.noOrganization')}
          extra={
            <Link to="/apply">
              <Button type="primary">{t('create.apply')}</Button>
            </Link>
          }
        />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ organizationId: organizations[0]?.id, updateFrequency: 'irregular' }}
          requiredMark
          data-testid="create-dataset-form"
        >
          <Form.Item
            name="organizationId"
            label={t('create.organization')}
            extra={t('create.organizationHelp')}
            rules={[
              {
                required: true,
                message: t('common:validation.required', { field: t('create.organization') }),
              },
            ]}
          >
            <Select
              options={organizations.map((org) => ({ value: org.id, label: org.name }))}
              data-testid="dataset-organization"
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('create.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common:validation.required', { field: t('create.name') }),
              },
              { max: 200 },
            ]}
          >
            <Input placeholder={t('create.namePlaceholder')} maxLength={200} data-testid="dataset-name" />
          </Form.Item>
          <Form.Item name="description" label={t('create.description')} rules={[{ max: 5000 }]}>
            <Input.TextArea
              rows={3}
              placeholder={t('create.descriptionPlaceholder')}
              maxLength={5000}
              data-testid="dataset-description"
            />
          </Form.Item>
          <Form.Item
            name="updateFrequency"
            label={t('create.updateFrequency')}
            extra={t('create.updateFrequencyHelp')}
          >
            <Select
              options={UPDATE_FREQUENCIES.map((f) => ({
                value: f,
                label: t(`vocab:updateFrequencies.${f}`),
              }))}
              data-testid="dataset-update-frequency"
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
