/**
 * The printable certificate (登记证书): a bordered sheet with the title, number, holder, subject,
 * rights, validity, content hash and issuing node, and the status as a seal-like badge. It is the
 * only thing left on the page when printed.
 */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CertificateStatusTag, RightsTags } from '../../ui/registration-tags';
import { useNodeHealth } from '../../app/health';
import { formatTime } from '../applications/application-timeline';
import type { RegistrationCertificate } from './api';

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="certificate-sheet__row">
      <span className="certificate-sheet__label">{label}</span>
      <span className="certificate-sheet__value" data-testid={testId}>
        {children}
      </span>
    </div>
  );
}

/** The sheet. */
export function CertificateSheet({ certificate: c }: { certificate: RegistrationCertificate }) {
  const { t } = useTranslation(['certificates', 'vocab']);
  const health = useNodeHealth();
  const day = (iso: string) => formatTime(iso).slice(0, 10);
  return (
    <article className="certificate-sheet" data-testid="certificate-sheet" data-status={c.status}>
      <header className="certificate-sheet__header">
        <div className="certificate-sheet__title">{t(`sheet.title.${c.subjectKind}`)}</div>
        <div className="certificate-sheet__subtitle">{t('sheet.subtitle')}</div>
        <div className="certificate-sheet__number">
          {t('sheet.number')}
          <span className="mono" data-testid="certificate-number">
            {c.number}
          </span>
        </div>
      </header>
      <div className="certificate-sheet__status">
        <CertificateStatusTag status={c.status} />
      </div>
      <Row label={t('sheet.holder')} testId="certificate-holder">
        {c.holder.name}
      </Row>
      <Row label={t('sheet.creditCode')}>
        <span className="mono">{c.holder.creditCode}</span>
      </Row>
      <Row label={t(`sheet.subject.${c.subjectKind}`)} testId="certificate-subject">
        {c.subjectName}
      </Row>
      <Row label={t('sheet.rights')}>
        <RightsTags rights={c.rights} />
      </Row>
      <Row label={t('sheet.validity')}>
        {t('sheet.validityRange', { from: day(c.validFrom), to: day(c.validUntil) })}
      </Row>
      <Row label={t('sheet.version')}>{t('sheet.versionValue', { version: c.version })}</Row>
      <Row label={t('sheet.contentHash')}>
        <span className="mono-wrap certificate-sheet__hash">{c.contentHash}</span>
      </Row>
      <Row label={t('sheet.issuer')}>
        {health.data ? (
          <>
            {health.data.node} <span className="mono-wrap">{health.data.did}</span>
          </>
        ) : (
          '—'
        )}
      </Row>
      <footer className="certificate-sheet__footer">
        <Typography.Text type="secondary">{t('sheet.notice')}</Typography.Text>
        <div className="certificate-sheet__issued">{t('sheet.issuedAt', { at: day(c.issuedAt) })}</div>
      </footer>
    </article>
  );
}
