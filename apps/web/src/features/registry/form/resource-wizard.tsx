/**
 * The resource registration wizard: 基本信息 → 数据项 → 来源与权属 → 分类分级 → 确认提交. One antd form
 * holds every step; the draft is saved on 保存草稿 and on each step change; submitting saves, then
 * opens and submits an initial registration case (a change case for a registered resource's change
 * proposal) and shows the case.
 */
import { App, Form } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSubmitRegistration, type ResourceRecord } from '../api';
import { ClassificationStep } from './classification-step';
import { DataItemsStep } from './data-items-step';
import { ResourceBasicStep } from './resource-basic-step';
import { ResourceSummary } from './resource-review';
import {
  emptyResourceValues,
  firstIncompleteResourceStep,
  RESOURCE_STEPS,
  resourceFieldOf,
  resourceFormValuesOf,
  toResourceDescription,
  type ResourceFormValues,
} from './resource-values';
import { SourceStep } from './source-step';
import { useDraft } from './use-draft';
import { useWizard } from './use-wizard';
import { WizardFrame } from './wizard-frame';

function ConfirmStep({ onEditStep }: { onEditStep: (step: number) => void }) {
  const form = Form.useFormInstance<ResourceFormValues>();
  const description = toResourceDescription(form.getFieldsValue(true) as ResourceFormValues);
  return <ResourceSummary description={description} onEditStep={onEditStep} />;
}

/** The resource wizard, for a new resource (no record) or a saved draft. */
export function ResourceWizard({
  record,
  organizationId,
  returnedCaseId,
  caseType,
}: {
  record: ResourceRecord | undefined;
  organizationId: string | undefined;
  /** The case returned for correction, resubmitted instead of opening a new one. */
  returnedCaseId?: string | undefined;
  /** `change` when the record is registered and its saved description is a change proposal. */
  caseType?: 'initial' | 'change' | undefined;
}) {
  const { t } = useTranslation(['registry', 'common']);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResourceFormValues>();
  const grade = Form.useWatch('grade', { form, preserve: true });
  const onCreated = useCallback(
    (created: ResourceRecord) => void navigate(`/registry/resources/${created.id}/edit`, { replace: true }),
    [navigate],
  );
  const draft = useDraft('resource', { record, organizationId, onCreated });
  const submit = useSubmitRegistration();
  const describe = () => toResourceDescription(form.getFieldsValue(true) as ResourceFormValues);
  const wizard = useWizard({
    form,
    steps: RESOURCE_STEPS,
    saveDraft: () => draft.save(describe()),
    snapshot: () => JSON.stringify(describe()),
    mapPath: resourceFieldOf,
  });

  const saveDraft = async () => {
    if (await wizard.save()) void message.success(t('wizard.saved'));
  };

  const onSubmit = async () => {
    const description = describe();
    const incomplete = firstIncompleteResourceStep(description);
    if (incomplete >= 0) {
      void message.warning(t('wizard.incomplete'));
      wizard.openIncomplete(incomplete);
      return;
    }
    try {
      const saved = await draft.save(description);
      const registrationCase = await submit.mutateAsync({
        kind: 'resource',
        id: saved.id,
        returnedCaseId,
        caseType,
      });
      void message.success(t('wizard.submitted', { number: registrationCase.number }));
      void navigate(`/registry/cases/${registrationCase.id}`);
    } catch (cause) {
      wizard.showError(cause);
    }
  };

  const steps = RESOURCE_STEPS.map((step) => ({ key: step.key, title: t(`resource.steps.${step.key}`) }));
  return (
    <WizardFrame
      steps={steps}
      current={wizard.current}
      onStepChange={(step) => void wizard.goTo(step)}
      onSaveDraft={() => void saveDraft()}
      saving={draft.saving}
      savedAt={draft.savedAt}
      onSubmit={() => void onSubmit()}
      submitting={submit.isPending}
      submitBlocked={grade === 'CORE' ? t('grade.coreRefused') : undefined}
      error={wizard.error}
      testId="resource-wizard"
    >
      <Form<ResourceFormValues>
        form={form}
        layout="vertical"
        name="resource-registration"
        initialValues={record ? resourceFormValuesOf(record.description) : emptyResourceValues()}
        scrollToFirstError
      >
        {wizard.current === 0 ? <ResourceBasicStep /> : null}
        {wizard.current === 1 ? <DataItemsStep /> : null}
        {wizard.current === 2 ? <SourceStep /> : null}
        {wizard.current === 3 ? <ClassificationStep /> : null}
        {wizard.current === 4 ? <ConfirmStep onEditStep={wizard.setCurrent} /> : null}
      </Form>
    </WizardFrame>
  );
}
