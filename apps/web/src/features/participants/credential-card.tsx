/**
 * The participant's credential (认证凭证): number, roles, validity, the JWT itself (copy or
 * download), and a link that opens the verification page pre-filled.
 */
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/query-state';
import { ParticipantStateTag, RoleTags } from '../../ui/status-tag';
import { formatTime } from '../applications/application-timeline';
import type { Participant } from './api';

/** Offers `text` as a file download. */
function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The credential card of a participant. */
export function CredentialCard({ participant }: { participant: Participant }) {
  const { t } = useTranslation(['participants', 'common']);
  const credential = participant.credential;
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <SafetyCertificateOutlined style={{ color: '#1f4e9c' }} />
          {t('credential.title')}
        </Flex>
      }
      data-testid="credential-card"
    >
      {credential ? (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'number',
                label: t('fields.credentialNumber'),
                children: (
                  <Typography.Text className="mono" copyable data-testid="credential-number">
                    {credential.number}
                  </Typography.Text>
                ),
              },
              {
                key: 'status',
                label: t('common:fields.status'),
                children: <ParticipantStateTag state={participant.status} />,
              },
              {
                key: 'roles',
                label: t('credential.roles'),
                children: <RoleTags roles={participant.roles} />,
              },
              { key: 'issuedAt', label: t('credential.issuedAt'), children: formatTime(credential.issuedAt) },
              {
                key: 'validUntil',
                label: t('credential.validUntil'),
                children: credential.validUntil
                  ? formatTime(credential.validUntil)
                  : t('credential.noExpiry'),
              },
            ]}
          />
          <Flex gap={8} wrap style={{ margin: '16px 0' }}>
            <Link to={`/verify?participant=${encodeURIComponent(participant.id)}`}>
              <Button type="primary" icon={<SafetyCertificateOutlined />} data-testid="verify-credential">
                {t('credential.verify')}
              </Button>
            </Link>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => downloadText(`${credential.number}.jwt`, credential.jwt, 'application/vc+jwt')}
              data-testid="download-credential"
            >
              {t('credential.download')}
            </Button>
          </Flex>
          <Collapse
            size="small"
            items={[
              {
                key: 'jwt',
                label: t('credential.jwt'),
                children: (
                  <Typography.Paragraph
                    className="mono-wrap"
                    copyable={{ text: credential.jwt }}
                    style={{ fontSize: 12, margin: 0 }}
                  >
                    {credential.jwt}
                  </Typography.Paragraph>
                ),
              },
            ]}
          />
        </>
      ) : (
        <EmptyState description={t('credential.none')} />
      )}
    </Card>
  );
}
