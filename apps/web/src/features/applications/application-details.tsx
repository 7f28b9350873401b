/**
 * All the fields of an application, grouped as the form asks for them. Used by the form's review
 * step, the applicant's application page and the reviewer's decision screen.
 */
import { FileOutlined } from '@ant-design/icons';
import { provinceOf } from '@shuliu/core';
import { Card, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { RoleTags } from '../../ui/status-tag';
import { attachmentUrl, type Application, type ApplicationAttachment } from './api';
import { purposeOf } from './form/form-values';

/** The fields shown: an application's, or the form's before it is submitted. */
export type ApplicationFields = Pick<
  Application,
  | 'name'
  | 'creditCode'
  | 'entityType'
  | 'legalRepresentative'
  | 'divisionCode'
  | 'address'
  | 'contact'
  | 'roles'
  | 'commitments'
> & { merchantSubtypes?: Application['merchantSubtypes']; serviceTypes?: Application['serviceTypes'] };

/** Size in KB or MB. */
function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The application's fields as cards of label–value pairs. */
export function ApplicationDetails({
  data,
  attachments,
  onEditStep,
}: {
  data: ApplicationFields;
  attachments: ApplicationAttachment[];
  /** On the review step: a link back to the step that holds a section. */
  onEditStep?: (step: number) => void;
}) {
  const { t } = useTranslation(['applications', 'vocab', 'common']);
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';
  const province = provinceOf(data.divisionCode);
  const editLink = (step: number) =>
    onEditStep ? (
      <Typography.Link onClick={() => onEditStep(step)} data-testid={`edit-step-${step}`}>
        {t('common:actions.edit')}
      </Typography.Link>
    ) : undefined;
  const merchantSubtypes = data.merchantSubtypes ?? [];
  const serviceTypes = data.serviceTypes ?? [];

  return (
    <Flex vertical gap={16}>
      <Card title={t('form.sections.entity')} extra={editLink(0)} size="small">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: 'name', label: t('fields.name'), children: data.name },
            {
              key: 'creditCode',
              label: t('fields.creditCode'),
              children: (
                <span className="mono" data-testid="detail-credit-code">
                  {data.creditCode}
                </span>
              ),
            },
            {
              key: 'entityType',
              label: t('fields.entityType'),
              children: t(`vocab:entityTypes.${data.entityType}`),
            },
            { key: 'legal', label: t('fields.legalRepresentative'), children: data.legalRepresentative },
            {
              key: 'division',
              label: t('fields.divisionCode'),
              children: (
                <>
                  {province
                    ? t('common:withNote', { text: data.divisionCode, note: province[lang] })
                    : data.divisionCode}
                </>
              ),
            },
            { key: 'address', label: t('fields.address'), children: data.address },
          ]}
        />
      </Card>
      <Card title={t('form.sections.contact')} extra={editLink(0)} size="small">
        <Descriptions
          column={{ xs: 1, md: 3 }}
          size="small"
          items={[
            { key: 'contactName', label: t('fields.contactName'), children: data.contact.name },
            { key: 'contactPhone', label: t('fields.contactPhone'), children: data.contact.phone },
            { key: 'contactEmail', label: t('fields.contactEmail'), children: data.contact.email },
          ]}
        />
      </Card>
      <Card title={t('form.sections.roles')} extra={editLink(1)} size="small">
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'roles', label: t('fields.roles'), children: <RoleTags roles={data.roles} /> },
            ...(merchantSubtypes.length > 0
              ? [
                  {
                    key: 'merchantSubtypes',
                    label: t('fields.merchantSubtypes'),
                    children: merchantSubtypes.map((s) => (
                      <Tag key={s}>{t(`vocab:merchantSubtypes.${s}`)}</Tag>
                    )),
                  },
                ]
              : []),
            ...(serviceTypes.length > 0
              ? [
                  {
                    key: 'serviceTypes',
                    label: t('fields.serviceTypes'),
                    children: serviceTypes.map((s) => <Tag key={s}>{t(`vocab:serviceTypes.${s}`)}</Tag>),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={t('form.sections.commitments')} extra={editLink(2)} size="small">
        {data.commitments.length > 0 ? (
          <ul className="plain-list">
            {data.commitments.map((c) => (
              <li key={c}>✓ {t(`vocab:commitments.${c}`)}</li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="secondary">{t('common:none')}</Typography.Text>
        )}
      </Card>
      <Card title={t('form.sections.attachments')} extra={editLink(3)} size="small">
        {attachments.length > 0 ? (
          <List
            size="small"
            dataSource={attachments}
            renderItem={(file) => (
              <List.Item
                actions={[
                  <a
                    key="download"
                    href={attachmentUrl(file.id)}
                    download
                    data-testid={`download-${file.id}`}
                  >
                    {t('common:actions.download')}
                  </a>,
                ]}
              >
                <Flex gap={8} align="center" wrap>
                  <FileOutlined />
                  <span>{file.filename}</span>
                  <Tag>{t(`vocab:attachmentPurposes.${purposeOf(file)}`)}</Tag>
                  <Typography.Text type="secondary">{formatSize(file.size)}</Typography.Text>
                  {file.sha256 ? (
                    <Typography.Text type="secondary" className="mono" title="SHA-256">
                      {file.sha256.slice(0, 12)}…
                    </Typography.Text>
                  ) : null}
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Typography.Text type="secondary">{t('common:none')}</Typography.Text>
        )}
      </Card>
    </Flex>
  );
}
