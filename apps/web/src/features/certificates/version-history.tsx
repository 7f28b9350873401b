/** The versions of a registration's certificate (change, transfer, renewal, cancellation), linked. */
import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CertificateStatusTag } from '../../ui/registration-tags';
import { formatTime } from '../applications/application-timeline';
import type { RegistrationCertificate } from './api';

/** The history card; shows the previous/next links even when the server sends no full list. */
export function VersionHistory({ certificate: c }: { certificate: RegistrationCertificate }) {
  const { t } = useTranslation('certificates');
  const versions = c.versions;
  return (
    <Card size="small" title={t('history.title')} className="no-print" data-testid="certificate-history">
      {versions.length > 0 ? (
        <Timeline
          items={versions.map((v) => ({
            key: v.number,
            color: v.number === c.number ? 'blue' : 'gray',
            content: (
              <div data-testid={`certificate-version-${v.version}`}>
                {v.number === c.number ? (
                  <Typography.Text strong className="mono">
                    {v.number}
                  </Typography.Text>
                ) : (
                  <Link to={`/certificates/${encodeURIComponent(v.number)}`} className="mono">
                    {v.number}
                  </Link>
                )}{' '}
                <CertificateStatusTag status={v.status} />
                <div>
                  <Typography.Text type="secondary">
                    {t('history.version', { version: v.version, at: formatTime(v.issuedAt).slice(0, 10) })}
                  </Typography.Text>
                </div>
              </div>
            ),
          }))}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('history.only')}</Typography.Paragraph>
      )}
      {c.previousCertificateNumber ? (
        <div>
          {t('history.previous')}{' '}
          <Link
            to={`/certificates/${encodeURIComponent(c.previousCertificateNumber)}`}
            data-testid="certificate-previous"
          >
            {c.previousCertificateNumber}
          </Link>
        </div>
      ) : null}
      {c.nextCertificateNumber ? (
        <div>
          {t('history.next')}{' '}
          <Link
            to={`/certificates/${encodeURIComponent(c.nextCertificateNumber)}`}
            data-testid="certificate-next"
          >
            {c.nextCertificateNumber}
          </Link>
        </div>
      ) : null}
    </Card>
  );
}
