/**
 * The product registration wizard: 基本信息 → 来源与样例 → 场景与策略 → 价格与服务 → (接口信息, API
 * products) → 确认提交. Drafts save like the resource wizard's; API products must pass the
 * connectivity test of their current endpoint before they can be submitted.
 */
import { highestGrade, type DataGrade, type ProductForm } from '@shuliu/core';
import { App, Form } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  useConnectivityTest,
  useMyResources,
  useSubmitRegistration,
  type ConnectivityResult,
  type ProductRecord,
} from '../api';
import { ApiStep } from './api-step';
import { ProductBasicStep } from './product-basic-step';
import { ProductSummary } from './product-review';
import {
  productFieldOf,
  productFormValuesOf,
  productStepsFor,
  toProductDescription,
  type ProductFormValues,
  type RightsLinkValues,
} from './product-values';
import { ServiceStep } from './service-step';
import { SourcesStep } from './sources-step';
import { UsageStep } from './usage-step';
import { useDraft } from './use-draft';
import { useWizard } from './use-wizard';
import { WizardFrame } from './wizard-frame';

/** The product wizard, for a new product (no record) or a saved draft. */
export function ProductWizard({
  record,
  organizationId,
  providerName,
  initialValues,
  returnedCaseId,
  caseType,
}: {
  record: ProductRecord | undefined;
  organizationId: string | undefined;
  /** The participant's registered name: the provider segment must appear in it. */
  providerName: string;
  initialValues: ProductFormValues;
  returnedCaseId?: string | undefined;
  /** `change` when the record is registered and its saved description is a change proposal. */
  caseType?: 'initial' | 'change' | undefined;
}) {
  const { t } = useTranslation(['registry', 'common']);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProductFormValues>();
  const productForm = Form.useWatch<ProductForm | undefined>('form', { form, preserve: true });
  const grade = Form.useWatch<DataGrade | undefined>('grade', { form, preserve: true });
  const links = Form.useWatch<(RightsLinkValues | undefined)[] | undefined>('rightsChain', {
    form,
    preserve: true,
  });
  const resourcesQuery = useMyResources('registered');
  const resources = resourcesQuery.data?.pages.flatMap((page) => page.items) ?? [];
  const chosen = resources.filter((r) => (links ?? []).some((link) => link?.resourceId === r.id));
  const descriptionOf = (r: (typeof resources)[number]) => r.registeredDescription ?? r.description;
  const grades = chosen.flatMap((r) => (descriptionOf(r).grade ? [descriptionOf(r).grade as DataGrade] : []));
  const minimumGrade = grades.length > 0 ? highestGrade(grades) : undefined;

  const onCreated = useCallback(
    (created: ProductRecord) => void navigate(`/registry/products/${created.id}/edit`, { replace: true }),
    [navigate],
  );
  const draft = useDraft('product', { record, organizationId, onCreated });
  const submit = useSubmitRegistration();
  const test = useConnectivityTest();
  const [connectivity, setConnectivity] = useState<ConnectivityResult | undefined>(
    record?.connectivity ?? undefined,
  );
  // The server ties a test to the description it tested: any later change needs a new test.
  const [testedSnapshot, setTestedSnapshot] = useState(() =>
    record?.connectivity
      ? JSON.stringify(toProductDescription(productFormValuesOf(record.description)))
      : undefined,
  );
  const snapshotNow = Form.useWatch(
    (values: ProductFormValues) => JSON.stringify(toProductDescription(values)),
    { form, preserve: true },
  );
  const describe = () => toProductDescription(form.getFieldsValue(true) as ProductFormValues);
  const steps = productStepsFor(productForm);
  const wizard = useWizard({
    form,
    steps,
    saveDraft: () => draft.save(describe()),
    snapshot: () => JSON.stringify(describe()),
    mapPath: productFieldOf,
  });
  const stale = Boolean(connectivity) && snapshotNow !== undefined && snapshotNow !== testedSnapshot;
  const apiBlocked = productForm === 'api' && (!connectivity?.ok || stale);

  const runTest = async () => {
    try {
      await form.validateFields([['api', 'endpoint']]);
    } catch {
      return;
    }
    try {
      const saved = await draft.save(describe());
      const tested = await test.mutateAsync(saved.id);
      setConnectivity(tested.connectivity ?? undefined);
      setTestedSnapshot(JSON.stringify(describe()));
    } catch (cause) {
      if (!test.isError) wizard.showError(cause);
    }
  };

  const onSubmit = async () => {
    try {
      const saved = await draft.save(describe());
      const registrationCase = await submit.mutateAsync({
        kind: 'product',
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

  const key = steps[wizard.current]?.key;
  const submitBlocked =
    grade === 'CORE' ? t('grade.coreRefused') : apiBlocked ? t('api.mustPass') : undefined;
  return (
    <WizardFrame
      steps={steps.map((step) => ({ key: step.key, title: t(`product.steps.${step.key}`) }))}
      current={wizard.current}
      onStepChange={(step) => void wizard.goTo(step)}
      onSaveDraft={() => void wizard.save().then((ok) => ok && message.success(t('wizard.saved')))}
      saving={draft.saving}
      savedAt={draft.savedAt}
      onSubmit={() => void onSubmit()}
      submitting={submit.isPending}
      submitBlocked={submitBlocked}
      error={wizard.error}
      testId="product-wizard"
    >
      <Form<ProductFormValues>
        form={form}
        layout="vertical"
        name="product-registration"
        initialValues={record ? productFormValuesOf(record.description) : initialValues}
        scrollToFirstError
      >
        {key === 'basic' ? <ProductBasicStep providerName={providerName} /> : null}
        {key === 'sources' ? (
          <SourcesStep
            resources={resources}
            loading={resourcesQuery.isPending}
            organizationId={organizationId}
          />
        ) : null}
        {key === 'usage' ? <UsageStep productId={draft.id} organizationId={organizationId} /> : null}
        {key === 'service' ? (
          <ServiceStep
            minimumGrade={minimumGrade}
            personalSuggested={chosen.some((r) => descriptionOf(r).personalInformation === true)}
          />
        ) : null}
        {key === 'api' ? (
          <ApiStep
            result={connectivity}
            stale={stale}
            onTest={() => void runTest()}
            testing={test.isPending}
            testError={test.error}
          />
        ) : null}
        {key === 'confirm' ? (
          <ProductSummary
            description={describe()}
            resourceNames={new Map(resources.map((r) => [r.id, r.name]))}
            onEdit={(stepKey) => wizard.setCurrent(steps.findIndex((s) => s.key === stepKey))}
          />
        ) : null}
      </Form>
    </WizardFrame>
  );
}
