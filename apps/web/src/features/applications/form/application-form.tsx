/**
 * The registration application as a five-step form: entity → roles → commitments → attachments →
 * review & submit. One antd form holds every step (values of hidden steps are kept), and each step
 * is validated before the next opens. Used to apply and to correct a returned application.
 */
import { divisionOfCreditCode, findCreditCodeProblem, isValidDivisionCode } from '@shuliu/core';
import { Alert, Button, Card, Flex, Form, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../app/api-errors';
import type { ApplicationBody } from '../api';
import { ApplicationDetails } from '../application-details';
import { AttachmentsStep } from './attachments-step';
import { CommitmentsStep } from './commitments-step';
import { EntityStep } from './entity-step';
import {
  attachmentOf,
  ATTACHMENT_PURPOSES,
  STEP_FIELDS,
  toApplicationBody,
  type ApplicationFormValues,
} from './form-values';
import { RolesStep } from './roles-step';

const STEP_KEYS = ['entity', 'roles', 'commitments', 'attachments', 'review'] as const;

function ReviewStep({ onEditStep }: { onEditStep: (step: number) => void }) {
  const form = Form.useFormInstance<ApplicationFormValues>();
  const values = form.getFieldsValue(true) as ApplicationFormValues;
  const body = toApplicationBody(values);
  const attachments = ATTACHMENT_PURPOSES.flatMap((purpose) =>
    (values.uploads[purpose] ?? []).flatMap((item) => {
      const attachment = attachmentOf(item);
      return attachment ? [{ ...attachment, purpose }] : [];
    }),
  );
  return <ApplicationDetails data={body} attachments={attachments} onEditStep={onEditStep} />;
}

/** The multi-step application form. */
export function ApplicationForm({
  initialValues,
  submitLabel,
  onSubmit,
  isSubmitting,
  error,
  organizationId,
}: {
  initialValues: Partial<ApplicationFormValues>;
  submitLabel: string;
  onSubmit: (body: ApplicationBody) => void;
  /** Apply for this existing organization rather than creating one. */
  organizationId?: string;
  isSubmitting: boolean;
  error: unknown;
}) {
  const { t } = useTranslation(['applications', 'common']);
  const describe = useErrorMessage();
  const [form] = Form.useForm<ApplicationFormValues>();
  const [current, setCurrent] = useState(0);

  const goTo = async (step: number) => {
    if (step <= current) {
      setCurrent(step);
      return;
    }
    try {
      for (let index = current; index < step; index++) {
        await form.validateFields(
          STEP_FIELDS[index]?.map((field) => (typeof field === 'string' ? field : [...field])),
        );
      }
      setCurrent(step);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch {
      // antd shows each field's message beside the field.
    }
  };

  // Fill the division code from the credit code (characters 3–8) while the user has not chosen one.
  const onValuesChange = (changed: Partial<ApplicationFormValues>) => {
    const code = changed.creditCode;
    if (code && findCreditCodeProblem(code) === null) {
      const division = divisionOfCreditCode(code);
      const currentDivision = form.getFieldValue('divisionCode') as string | undefined;
      if (!currentDivision && isValidDivisionCode(division)) form.setFieldValue('divisionCode', division);
    }
  };

  const submit = () => {
    const values = form.getFieldsValue(true) as ApplicationFormValues;
    onSubmit(toApplicationBody(values, organizationId));
  };

  const isLast = current === STEP_KEYS.length - 1;

  return (
    <Card>
      <Steps
        current={current}
        onChange={(step) => void goTo(step)}
        items={STEP_KEYS.map((key) => ({ key, title: t(`form.steps.${key}`) }))}
        style={{ marginBottom: 32 }}
        data-testid="application-steps"
      />
      <Form<ApplicationFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        name="participant-application"
        scrollToFirstError
      >
        {current === 0 ? <EntityStep /> : null}
        {current === 1 ? <RolesStep /> : null}
        {current === 2 ? <CommitmentsStep /> : null}
        {current === 3 ? <AttachmentsStep /> : null}
        {current === 4 ? <ReviewStep onEditStep={(step) => setCurrent(step)} /> : null}
      </Form>
      {isLast && error ? (
        <Alert
          type="error"
          showIcon
          title={describe(error)}
          style={{ marginTop: 16 }}
          data-testid="submit-error"
        />
      ) : null}
      <Flex justify="space-between" style={{ marginTop: 24 }}>
        <Button onClick={() => setCurrent(current - 1)} disabled={current === 0} data-testid="step-previous">
          {t('common:actions.previous')}
        </Button>
        {isLast ? (
          <Button
            type="primary"
            size="large"
            onClick={submit}
            loading={isSubmitting}
            data-testid="application-submit"
          >
            {submitLabel}
          </Button>
        ) : (
          <Button type="primary" onClick={() => void goTo(current + 1)} data-testid="step-next">
            {t('common:actions.next')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
