/**
 * Checks a reviewer would otherwise do by hand, run with the same packages/core rules the server
 * uses: credit code check character, division code against the code, required commitments,
 * business licence attached. They inform the decision; they do not make it.
 */
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { divisionOfCreditCode, findCreditCodeProblem, isValidDivisionCode } from '@shuliu/core';
import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Application } from '../applications/api';
import { missingCommitments } from '../applications/form/form-values';

type Outcome = 'pass' | 'warn' | 'fail';

const ICONS: Record<Outcome, React.ReactNode> = {
  pass: <CheckCircleFilled style={{ color: '#2e8540' }} />,
  warn: <ExclamationCircleFilled style={{ color: '#d98c10' }} />,
  fail: <CloseCircleFilled style={{ color: '#c8312b' }} />,
};

/** The automatic checks of an application. */
export function AutomaticChecks({ application }: { application: Application }) {
  const { t } = useTranslation(['review', 'vocab']);
  const codeProblem = findCreditCodeProblem(application.creditCode);
  const divisionMatches = divisionOfCreditCode(application.creditCode) === application.divisionCode;
  const missing = missingCommitments(application.roles, application.commitments);
  const licence = application.attachments.some((a) => a.purpose === 'business_licence');

  const checks: { key: string; outcome: Outcome; text: string }[] = [
    {
      key: 'creditCode',
      outcome: codeProblem ? 'fail' : 'pass',
      text: codeProblem
        ? t('checks.creditCodeBad', {
            problem: t(`vocab:creditCodeProblems.${codeProblem}`, { length: application.creditCode.length }),
          })
        : t('checks.creditCodeOk'),
    },
    {
      key: 'division',
      outcome: !isValidDivisionCode(application.divisionCode) ? 'fail' : divisionMatches ? 'pass' : 'warn',
      text: divisionMatches ? t('checks.divisionOk') : t('checks.divisionDiffers'),
    },
    {
      key: 'commitments',
      outcome: missing.length > 0 ? 'fail' : 'pass',
      text:
        missing.length > 0
          ? t('checks.commitmentsMissing', { count: missing.length })
          : t('checks.commitmentsOk'),
    },
    {
      key: 'licence',
      outcome: licence ? 'pass' : 'fail',
      text: licence ? t('checks.licenceOk') : t('checks.licenceMissing'),
    },
  ];

  return (
    <List
      size="small"
      dataSource={checks}
      data-testid="automatic-checks"
      renderItem={(check) => (
        <List.Item data-check={check.key} data-outcome={check.outcome}>
          <Typography.Text>
            {ICONS[check.outcome]} {check.text}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
