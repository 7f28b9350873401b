/**
 * 凭证验证: anyone can check a participant credential here, in the browser: paste the JWT, upload a
 * .jwt/.json file, or arrive from a participant page (`?participant=<id>`) or a registration
 * certificate (`?certificate=<number>`), which fills it in and verifies at once.
 */
import { InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Input, Row, Spin, Tabs, Typography, Upload } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useErrorMessage } from '../../app/api-errors';
import { useNodeHealth } from '../../app/health';
import { PageHeader } from '../../ui/page-header';
import { useCertificate } from '../certificates/api';
import { useParticipant } from '../participants/api';
import { extractJwt } from './extract-jwt';
import { VerificationResult } from './verification-result';
import { verifyInBrowser } from './verify-credential';

/** The verification page. */
export function VerifyPage() {
  const { t } = useTranslation(['verify', 'common']);
  const describe = useErrorMessage();
  const [params] = useSearchParams();
  const participantId = params.get('participant') ?? undefined;
  const participant = useParticipant(participantId);
  // Arriving from a certificate page or a catalog badge: `?certificate=<number>`.
  const certificateNumber = params.get('certificate') ?? undefined;
  const certificate = useCertificate(certificateNumber);
  const health = useNodeHealth();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const verification = useMutation({
    mutationFn: (jwt: string) => verifyInBrowser(jwt, health.data?.did),
  });
  const { mutate: verify } = verification;
  const prefilledFor = useRef<string | null>(null);

  // Arriving from a participant page: fill in its credential and verify straight away, once.
  const prefillJwt = participant.data?.credential?.jwt;
  useEffect(() => {
    if (!participantId || !prefillJwt || prefilledFor.current === participantId) return;
    prefilledFor.current = participantId;
    setText(prefillJwt);
    verify(prefillJwt);
  }, [participantId, prefillJwt, verify]);

  const certificateJwt = certificate.data?.credential.jwt;
  useEffect(() => {
    if (!certificateNumber || !certificateJwt || prefilledFor.current === certificateNumber) return;
    prefilledFor.current = certificateNumber;
    setText(certificateJwt);
    verify(certificateJwt);
  }, [certificateNumber, certificateJwt, verify]);

  const run = () => {
    const jwt = extractJwt(text);
    if (jwt) verification.mutate(jwt);
  };

  const readFile = async (file: File) => {
    setFileName(file.name);
    const content = await file.text();
    const jwt = extractJwt(content);
    setText(jwt);
    verification.mutate(jwt);
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        crumbs={[{ title: t('common:nav.home'), to: '/' }, { title: t('title') }]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card>
            {participantId ? (
              <Alert
                type={participant.isError ? 'error' : 'info'}
                showIcon
                style={{ marginBottom: 16 }}
                title={
                  participant.isError
                    ? describe(participant.error)
                    : participant.data
                      ? t('prefilled', { name: participant.data.name })
                      : t('prefilling')
                }
                action={
                  participant.data ? (
                    <Link to={`/participants/${participant.data.id}`}>{t('backToParticipant')}</Link>
                  ) : undefined
                }
              />
            ) : null}
            {certificateNumber ? (
              <Alert
                type={certificate.isError ? 'error' : 'info'}
                showIcon
                style={{ marginBottom: 16 }}
                title={
                  certificate.isError
                    ? describe(certificate.error)
                    : t('prefilledCertificate', { number: certificateNumber })
                }
                action={
                  <Link to={`/certificates/${encodeURIComponent(certificateNumber)}`}>
                    {t('backToCertificate')}
                  </Link>
                }
                data-testid="verify-certificate-prefill"
              />
            ) : null}
            <Tabs
              items={[
                {
                  key: 'paste',
                  label: t('tabs.paste'),
                  children: (
                    <Input.TextArea
                      value={text}
                      onChange={(event) => setText(event.target.value)}
                      rows={10}
                      className="mono-wrap"
                      placeholder={t('pastePlaceholder')}
                      aria-label={t('pasteLabel')}
                      data-testid="jwt-input"
                      style={{ fontSize: 12 }}
                    />
                  ),
                },
                {
                  key: 'file',
                  label: t('tabs.file'),
                  children: (
                    <Upload.Dragger
                      accept=".jwt,.json,.txt,application/json,application/jwt,text/plain"
                      multiple={false}
                      showUploadList={false}
                      beforeUpload={(file) => {
                        void readFile(file);
                        return false;
                      }}
                      data-testid="jwt-file"
                    >
                      <p className="ant-upload-drag-icon">
                        <InboxOutlined />
                      </p>
                      <p className="ant-upload-text">{t('fileDrop')}</p>
                      <p className="ant-upload-hint">
                        {fileName ? t('fileChosen', { name: fileName }) : t('fileHint')}
                      </p>
                    </Upload.Dragger>
                  ),
                },
              ]}
            />
            <Flex gap={8} style={{ marginTop: 16 }}>
              <Button
                type="primary"
                size="large"
                icon={<SafetyCertificateOutlined />}
                onClick={run}
                disabled={!text.trim()}
                loading={verification.isPending}
                data-testid="verify-submit"
              >
                {t('submit')}
              </Button>
              <Button
                size="large"
                onClick={() => {
                  setText('');
                  setFileName(null);
                  verification.reset();
                }}
              >
                {t('common:actions.reset')}
              </Button>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
              {t('privacy')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {verification.isPending ? (
            <Card>
              <div className="page-spinner">
                <Spin size="large" description={t('running')} />
              </div>
            </Card>
          ) : verification.data ? (
            <VerificationResult result={verification.data} />
          ) : verification.isError ? (
            <Alert type="error" showIcon title={describe(verification.error)} />
          ) : (
            <Card>
              <Typography.Title level={5}>{t('how.title')}</Typography.Title>
              <ol className="how-list">
                <li>{t('how.format')}</li>
                <li>{t('how.issuer')}</li>
                <li>{t('how.signature')}</li>
                <li>{t('how.validity')}</li>
                <li>{t('how.status')}</li>
              </ol>
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
