/**
 * Resource step 4 (分类分级): grade, personal-information tag (suggested when a data item is
 * personal), share and open attributes, and coverage — time range, division codes, update
 * frequency, formats and volume.
 */
import {
  DATA_FORMATS,
  isValidDivisionCode,
  OPEN_ATTRIBUTES,
  SHARE_ATTRIBUTES,
  UPDATE_FREQUENCIES,
  type DataItem,
} from '@shuliu/core';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  InputNumber,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../../ui/form-rules';
import { hasPersonalItems } from './data-items';
import { GradeField } from './grade-field';

/** The code the description uses for the whole country. */
export const WHOLE_COUNTRY = '100000';

/** A GB/T 2260 division code, or `100000` for the whole country. */
export const isCoverageCode = (code: string) => code === WHOLE_COUNTRY || isValidDivisionCode(code);

/** DatePicker ↔ the description's `YYYY-MM-DD` strings. */
export const dateProps = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined),
};

/** The update-frequency select, shared with the product wizard. */
export function UpdateFrequencyField() {
  const { t } = useTranslation(['registry', 'vocab', 'common']);
  return (
    <Form.Item
      label={t('fields.updateFrequency')}
      name="updateFrequency"
      rules={[
        { required: true, message: t('common:validation.select', { field: t('fields.updateFrequency') }) },
      ]}
    >
      <Select
        options={UPDATE_FREQUENCIES.map((f) => ({ value: f, label: t(`vocab:updateFrequencies.${f}`) }))}
        data-testid="field-update-frequency"
      />
    </Form.Item>
  );
}

/** The personal-information switch, with the suggestion when data items are personal. */
export function PersonalInformationField({ suggested }: { suggested: boolean }) {
  const { t } = useTranslation('registry');
  const form = Form.useFormInstance();
  const value = Form.useWatch('personalInformation', { form, preserve: true }) as boolean | undefined;
  return (
    <>
      <Form.Item
        label={t('fields.personalInformation')}
        name="personalInformation"
        valuePropName="checked"
        extra={t('hints.personalInformation')}
      >
        <Switch data-testid="field-personal-information" />
      </Form.Item>
      {suggested && !value ? (
        <Alert
          type="warning"
          showIcon
          title={t('classification.personalSuggested')}
          action={
            <Button size="small" onClick={() => form.setFieldValue('personalInformation', true)}>
              {t('classification.markPersonal')}
            </Button>
          }
          style={{ marginBottom: 16 }}
          data-testid="personal-suggestion"
        />
      ) : null}
    </>
  );
}

/** The classification-and-coverage step of the resource wizard. */
export function ClassificationStep() {
  const { t } = useTranslation(['registry', 'vocab', 'common']);
  const form = Form.useFormInstance();
  const items = Form.useWatch('dataItems', { form, preserve: true }) as Partial<DataItem>[] | undefined;
  const personal = hasPersonalItems(items);
  const select = (field: string) => ({
    required: true,
    message: t('common:validation.select', { field }),
  });

  // Suggest the tag by setting it once, while the user has not touched the switch themselves.
  useEffect(() => {
    if (personal && !form.isFieldTouched('personalInformation'))
      form.setFieldValue('personalInformation', true);
  }, [personal, form]);

  return (
    <>
      <Typography.Title level={5}>{t('classification.title')}</Typography.Title>
      <GradeField />
      <PersonalInformationField suggested={personal} />
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('fields.shareAttribute')}
            name="shareAttribute"
            rules={[select(t('fields.shareAttribute'))]}
          >
            <Select
              options={SHARE_ATTRIBUTES.map((a) => ({ value: a, label: t(`vocab:shareAttributes.${a}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('fields.openAttribute')}
            name="openAttribute"
            rules={[select(t('fields.openAttribute'))]}
          >
            <Select
              options={OPEN_ATTRIBUTES.map((a) => ({ value: a, label: t(`vocab:openAttributes.${a}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5}>{t('classification.coverageTitle')}</Typography.Title>
      <Row gutter={24}>
        <Col xs={24} md={6}>
          <Form.Item
            label={t('fields.timeFrom')}
            name={['timeCoverage', 'from']}
            rules={[select(t('fields.timeFrom'))]}
            {...dateProps}
          >
            <DatePicker style={{ width: '100%' }} data-testid="field-time-from" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            label={t('fields.timeTo')}
            name={['timeCoverage', 'to']}
            extra={t('hints.timeTo')}
            dependencies={[['timeCoverage', 'from']]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  settle(() => {
                    const from = getFieldValue(['timeCoverage', 'from']) as string | undefined;
                    if (value && from && value < from) throw new Error(t('classification.timeOrder'));
                  }),
              }),
            ]}
            {...dateProps}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('fields.spatialCoverage')}
            name="spatialCoverage"
            extra={t('hints.spatialCoverage')}
            rules={[
              { type: 'array', min: 1, required: true, message: t('classification.spatialRequired') },
              {
                validator: (_rule, value: string[] | undefined) =>
                  settle(() => {
                    const bad = (value ?? []).find((code) => !isCoverageCode(code.trim()));
                    if (bad) throw new Error(t('classification.divisionInvalid', { code: bad }));
                  }),
              },
            ]}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} data-testid="field-spatial" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <UpdateFrequencyField />
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('fields.records')} name={['volume', 'records']}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('fields.bytes')} name={['volume', 'bytes']} extra={t('hints.bytes')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('fields.formats')}
        name="formats"
        rules={[{ type: 'array', min: 1, required: true, message: t('classification.formatsRequired') }]}
      >
        <Checkbox.Group
          options={DATA_FORMATS.map((f) => ({ value: f, label: t(`vocab:dataFormats.${f}`) }))}
        />
      </Form.Item>
    </>
  );
}
