/**
 * The answer of a verification: a big verdict, then each check with its outcome and reason, then
 * what the credential says. Reason texts come from packages/core so the CLI and the web app explain
 * a failure in the same words.
 */
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  MinusCircleFilled,
  PauseCircleFilled,
  StopOutlined,
} from '@ant-design/icons';
import {
  describeVerificationReason,
  issuerIdOf,
  type CheckOutcome,
  type CredentialVerification,
  type Verdict,
  type VerificationCheck,
} from '@shuliu/core';
import { Card, Collapse, Descriptions, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { formatTime } from '../applications/application-timeline';
import { subjectItems } from './subject-fields';

function verdictIcon(verdict: Verdict): ReactNode {
  switch (verdict) {
    case 'valid':
      return <CheckCircleFilled />;
    case 'revoked':
      return <StopOutlined />;
    case 'suspended':
      return <PauseCircleFilled />;
    case 'expired':
      return <ExclamationCircleFilled />;
    case 'invalid':
      return <CloseCircleFilled />;
  }
}

function outcomeIcon(outcome: CheckOutcome): ReactNode {
  switch (outcome) {
    case 'pass':
      return <CheckCircleFilled style={{ color: '#2e8540' }} />;
    case 'fail':
      return <CloseCircleFilled style={{ color: '#c8312b' }} />;
    case 'skip':
      return <MinusCircleFilled style={{ color: '#8a94a6' }} />;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The verification answer. */
export function VerificationResult({ result }: { result: CredentialVerification }) {
  const { t } = useTranslation(['verify', 'vocab', 'common']);
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';
  const reasonText = (check: VerificationCheck) =>
    check.reason ? describeVerificationReason(check.reason, lang) : t('check.passed');

  const statusLabel = (purpose: string | null) =>
    purpose === 'revocation' || purpose === 'suspension'
      ? t(`check.statusPurposes.${purpose}`)
      : t('check.status', { purpose: purpose ?? '—' });

  const checks: { key: string; label: string; check: VerificationCheck; extra?: ReactNode }[] = [
    { key: 'format', label: t('check.format'), check: result.checks.format },
    { key: 'issuer', label: t('check.issuer'), check: result.checks.issuer },
    { key: 'signature', label: t('check.signature'), check: result.checks.signature },
    { key: 'validity', label: t('check.validity'), check: result.checks.validity },
    ...result.checks.status.map((status, index) => ({
      key: `status-${index}`,
      label: statusLabel(status.purpose),
      check: status,
      extra:
        status.statusListCredential !== null ? (
          <Typography.Text type="secondary" className="mono-wrap" style={{ fontSize: 12 }}>
            {status.statusListCredential}#{status.index ?? '?'}
          </Typography.Text>
        ) : undefined,
    })),
  ];
  if (result.checks.status.length === 0 && result.verdict !== 'invalid') {
    checks.push({
      key: 'status-none',
      label: t('check.statusNone'),
      check: { outcome: 'skip' },
    });
  }

  const credential = result.credential;
  const subject = credential
    ? Array.isArray(credential.credentialSubject)
      ? credential.credentialSubject[0]
      : credential.credentialSubject
    : undefined;

  return (
    <div data-testid="verification-result" data-verdict={result.verdict}>
      <div className={`verdict verdict--${result.verdict}`} role="status" aria-live="polite">
        <span className="verdict__icon">{verdictIcon(result.verdict)}</span>
        <div>
          <p className="verdict__title" data-testid="verdict">
            {t(`verdict.${result.verdict}`)}
          </p>
          <div>
            {result.reason
              ? describeVerificationReason(result.reason, lang)
              : t(`verdictHint.${result.verdict}`)}
          </div>
        </div>
      </div>

      <Card title={t('checksTitle')} size="small" style={{ marginBottom: 16 }}>
        <List
          size="small"
          dataSource={checks}
          renderItem={(item) => (
            <List.Item data-testid={`check-${item.key}`} data-outcome={item.check.outcome}>
              <List.Item.Meta
                avatar={outcomeIcon(item.check.outcome)}
                title={item.label}
                description={
                  <>
                    <div>
                      {item.check.outcome === 'skip' && !item.check.reason
                        ? t('check.skipped')
                        : reasonText(item.check)}
                    </div>
                    {item.check.detail ? (
                      <Typography.Text type="secondary" className="mono-wrap" style={{ fontSize: 12 }}>
                        {item.check.detail}
                      </Typography.Text>
                    ) : null}
                    {item.extra ? <div>{item.extra}</div> : null}
                  </>
                }
              />
              <Tag
                color={
                  item.check.outcome === 'pass'
                    ? 'success'
                    : item.check.outcome === 'fail'
                      ? 'error'
                      : 'default'
                }
              >
                {t(`outcome.${item.check.outcome}`)}
              </Tag>
            </List.Item>
          )}
        />
      </Card>

      {credential ? (
        <Card title={t('credentialTitle')} size="small">
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'issuer',
                label: t('credential.issuer'),
                children: <span className="mono-wrap">{issuerIdOf(credential.issuer)}</span>,
              },
              ...(credential.id
                ? [
                    {
                      key: 'id',
                      label: t('credential.id'),
                      children: <span className="mono-wrap">{credential.id}</span>,
                    },
                  ]
                : []),
              { key: 'type', label: t('credential.type'), children: credential.type.join(', ') },
              {
                key: 'validFrom',
                label: t('credential.validFrom'),
                children: formatTime(credential.validFrom),
              },
              {
                key: 'validUntil',
                label: t('credential.validUntil'),
                children: credential.validUntil ? formatTime(credential.validUntil) : '—',
              },
              ...(isRecord(subject) ? subjectItems(subject, t, lang) : []),
            ]}
          />
          <Collapse
            size="small"
            style={{ marginTop: 12 }}
            items={[
              {
                key: 'json',
                label: t('credential.raw'),
                children: (
                  <pre className="mono-wrap" style={{ fontSize: 12, margin: 0, whiteSpace: 'pre-wrap' }}>
                    {JSON.stringify({ header: result.header, credential }, null, 2)}
                  </pre>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
    </div>
  );
}
