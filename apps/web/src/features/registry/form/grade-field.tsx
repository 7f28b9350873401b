/**
 * The classification grade (GB/T 43697-2024) as a list with one line of explanation per grade.
 * Core data may not be registered for trading: choosing it shows a red refusal at once.
 * `minimum` (products) hides grades lower than the resources' highest.
 */
import { DATA_GRADES, type DataGrade } from '@shuliu/core';
import { Alert, Form, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { settle } from '../../../ui/form-rules';

/** The grade radio list with its explanations and the core-data refusal. */
export function GradeField({ minimum }: { minimum?: DataGrade | undefined }) {
  const { t } = useTranslation(['registry', 'vocab', 'common']);
  const form = Form.useFormInstance();
  const grade = Form.useWatch('grade', { form, preserve: true }) as DataGrade | undefined;
  const floor = minimum ? DATA_GRADES.indexOf(minimum) : DATA_GRADES.length - 1;
  return (
    <>
      <Form.Item
        label={t('fields.grade')}
        name="grade"
        extra={
          minimum ? t('hints.gradeMinimum', { grade: t(`vocab:dataGrades.${minimum}`) }) : t('hints.grade')
        }
        rules={[
          { required: true, message: t('common:validation.select', { field: t('fields.grade') }) },
          {
            validator: (_rule, value: DataGrade | undefined) =>
              settle(() => {
                if (value === 'CORE') throw new Error(t('grade.coreRefused'));
                if (value && DATA_GRADES.indexOf(value) > floor)
                  throw new Error(
                    t('grade.belowResources', { grade: t(`vocab:dataGrades.${minimum ?? 'GENERAL_1'}`) }),
                  );
              }),
          },
        ]}
      >
        <Radio.Group data-testid="field-grade">
          <Space orientation="vertical">
            {DATA_GRADES.map((g, index) => (
              <Radio value={g} key={g} disabled={index > floor}>
                <strong>{t(`vocab:dataGrades.${g}`)}</strong>
                <Typography.Text type="secondary"> — {t(`vocab:dataGradeHints.${g}`)}</Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {grade === 'CORE' ? (
        <Alert
          type="error"
          showIcon
          title={t('grade.coreTitle')}
          description={t('grade.coreRefused')}
          style={{ marginBottom: 16 }}
          data-testid="core-grade-warning"
        />
      ) : null}
      {grade === 'IMPORTANT' ? (
        <Alert type="warning" showIcon title={t('grade.important')} style={{ marginBottom: 16 }} />
      ) : null}
    </>
  );
}
