/**
 * 登记证书: the public page of a registration certificate — the printable sheet, a verify button
 * (opens /verify with this certificate's credential filled in), the credential download, and the
 * version history. Printing leaves only the sheet (certificate.css).
 */
import { DownloadOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Collapse, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { Loading, QueryError } from '../../ui/query-state';
import { downloadText } from './download';
import { useCertificate } from './api';
import { CertificateActions } from './certificate-actions';
import { CertificateSheet } from './certificate-sheet';
import { VersionHistory } from './version-history';
import './certificate.css';
import '../../ui/registration.css';

function CertificateView({ number }: { number: string }) {
  const { t } = useTranslation(['certificates', 'common']);
  const query = useCertificate(number);
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  return (
    <>
      <div className="no-print">
        <PageHeader
          title={t('page.title')}
          subtitle={t('page.subtitle')}
          crumbs={[{ title: t('common:nav.home'), to: '/' }, { title: c.number }]}
          extra={
            <>
              <Link to={`/verify?certificate=${encodeURIComponent(c.number)}`}>
                <Button type="primary" icon={<SafetyCertificateOutlined />} data-testid="certificate-verify">
                  {t('page.verify')}
                </Button>
              </Link>
              <Button
                icon={<PrinterOutlined />}
                onClick={() => window.print()}
                data-testid="certificate-print"
              >
                {t('page.print')}
              </Button>
            </>
          }
        />
      </div>
      {c.status !== 'active' ? (
        <Alert
          className="no-print"
          type={c.status === 'superseded' ? 'info' : 'warning'}
          showIcon
          title={t(`page.statusHint.${c.status === 'superseded' ? 'superseded' : 'notInForce'}`)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <CertificateSheet certificate={c} />
        </Col>
        <Col xs={24} lg={8} className="no-print">
          <Flex vertical gap={16}>
            <VersionHistory certificate={c} />
            <CertificateActions certificate={c} />
            <Card size="small" title={t('credential.title')}>
              <Typography.Paragraph type="secondary">{t('credential.hint')}</Typography.Paragraph>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => downloadText(`${c.number}.jwt`, c.credential.jwt, 'application/vc+jwt')}
                data-testid="certificate-download"
              >
                {t('credential.download')}
              </Button>
              <Collapse
                size="small"
                style={{ marginTop: 12 }}
                items={[
                  {
                    key: 'jwt',
                    label: t('credential.jwt'),
                    children: (
                      <Typography.Paragraph
                        className="mono-wrap"
                        copyable={{ text: c.credential.jwt }}
                        style={{ fontSize: 12, margin: 0 }}
                      >
                        {c.credential.jwt}
                      </Typography.Paragraph>
                    ),
                  },
                ]}
              />
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}

/** The certificate page (public). */
export function CertificatePage() {
  const { number = '' } = useParams();
  return <CertificateView number={number} />;
}
