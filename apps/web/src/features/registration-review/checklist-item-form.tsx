/**
 * One compliance checklist item (合规审查项): what to check and which evidence to expect, then the
 * reviewer's verdict, note and evidence; the tradability item also asks, for each prohibited
 * category, whether the subject falls in it. Saved item by item.
 */
import { CHECK_VERDICTS, DEFAULT_CHECKLIST, PROHIBITED_CATEGORIES, type CheckVerdict } from '@shuliu/core';
import { Alert, App, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../app/api-errors';
import { currentLanguage } from '../../app/i18n';
import { settle } from '../../ui/form-rules';
import { formatTime } from '../applications/application-timeline';
import { useChecklistAnswer } from './api';
import { checklistProblem, TRADABILITY_KEY } from './checklist-rules';
import {
  EvidenceUpload,
  fileListOf,
  hasUnfinishedUploads,
  storedFiles,
  uploadedIds,
  type EvidenceFile,
} from './evidence-upload';
import type { ChecklistItem } from './types';

interface Values {
  verdict: CheckVerdict;
  note?: string;
  files?: EvidenceFile[];
  answers?: Partial<Record<string, boolean>>;
}

/** The form of one item; read-only when `isEditable` is false. */
export function ChecklistItemForm({
  caseId,
  item,
  isEditable,
}: {
  caseId: string;
  item: ChecklistItem;
  isEditable: boolean;
}) {
  const { t } = useTranslation(['registrationReview', 'vocab', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const save = useChecklistAnswer(caseId);
  const [form] = Form.useForm<Values>();
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';
  const isTradability = item.key === TRADABILITY_KEY;
  // The case carries title and expected evidence; the default template also says what to check.
  const guidance = DEFAULT_CHECKLIST.find((template) => template.key === item.key)?.guidance;

  const finish = (values: Values) => {
    const answers = isTradability ? values.answers : undefined;
    save.mutate(
      {
        key: item.key,
        answer: {
          verdict: values.verdict,
          note: values.note?.trim() ?? '',
          attachmentIds: uploadedIds(values.files),
          ...(answers
            ? {
                answers: Object.fromEntries(
                  Object.entries(answers).filter(
                    (entry): entry is [string, boolean] => typeof entry[1] === 'boolean',
                  ),
                ),
              }
            : {}),
        },
      },
      { onSuccess: () => void message.success(t('checklist.saved')), onError: notifyError },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={!isEditable}
      name={`checklist-${item.key}`}
      initialValues={{
        verdict: item.verdict,
        note: item.note,
        files: storedFiles(item.attachmentIds),
        answers: item.answers ?? {},
      }}
      onFinish={finish}
      data-testid={`checklist-form-${item.key}`}
    >
      {guidance ? <Typography.Paragraph>{guidance[lang]}</Typography.Paragraph> : null}
      <Typography.Paragraph type="secondary">
        {t('checklist.expectedEvidence', { evidence: item.evidence[lang] })}
      </Typography.Paragraph>
      {isTradability ? (
        <div className="prohibited-list" data-testid="prohibited-categories">
          <Typography.Text strong>{t('checklist.prohibitedTitle')}</Typography.Text>
          {PROHIBITED_CATEGORIES.map((category) => (
            <Form.Item
              key={category}
              name={['answers', category]}
              label={t(`vocab:prohibitedCategories.${category}`)}
              className="prohibited-item"
            >
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                size="small"
                options={[
                  { value: false, label: t('checklist.no') },
                  { value: true, label: t('checklist.yes') },
                ]}
                data-testid={`prohibited-${category}`}
              />
            </Form.Item>
          ))}
        </div>
      ) : null}
      <Form.Item
        name="verdict"
        label={t('checklist.verdict')}
        dependencies={['note', 'answers']}
        rules={[
          {
            validator: (_rule, verdict: CheckVerdict) =>
              settle(() => {
                const { note, answers } = form.getFieldsValue(['note', 'answers']) as Pick<
                  Values,
                  'note' | 'answers'
                >;
                const problem = checklistProblem(item.key, verdict, note ?? '', answers);
                if (problem) throw new Error(t(`checklist.problems.${problem}`));
              }),
          },
        ]}
      >
        <Radio.Group data-testid={`verdict-${item.key}`}>
          <Space wrap>
            {CHECK_VERDICTS.filter((v) => v !== 'pending').map((verdict) => (
              <Radio key={verdict} value={verdict} data-testid={`verdict-${item.key}-${verdict}`}>
                {t(`vocab:checkVerdicts.${verdict}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="note"
        label={t('checklist.note')}
        rules={[{ max: 1000, message: t('common:validation.max', { max: 1000 }) }]}
      >
        <Input.TextArea rows={2} maxLength={1000} showCount data-testid={`note-${item.key}`} />
      </Form.Item>
      <Form.Item
        name="files"
        label={t('checklist.evidence')}
        valuePropName="fileList"
        getValueFromEvent={fileListOf}
        rules={[
          {
            validator: (_rule, files: EvidenceFile[] | undefined) =>
              settle(() => {
                if (hasUnfinishedUploads(files)) throw new Error(t('upload.unfinished'));
              }),
          },
        ]}
      >
        <EvidenceUpload testId={`evidence-upload-${item.key}`} disabled={!isEditable} />
      </Form.Item>
      {save.isError ? (
        <Alert type="error" showIcon title={t('checklist.saveFailed')} style={{ marginBottom: 12 }} />
      ) : null}
      {isEditable ? (
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          data-testid={`checklist-save-${item.key}`}
        >
          {t('checklist.save')}
        </Button>
      ) : null}
      {item.checkedAt ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('checklist.checkedAt', { at: formatTime(item.checkedAt) })}
        </Typography.Paragraph>
      ) : null}
    </Form>
  );
}
