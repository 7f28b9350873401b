/**
 * The front page: what the platform is, the chain of a data transaction with the steps this node
 * already runs, live figures, and the ways in.
 */
import { AuditOutlined, SafetyCertificateOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { PARTICIPANT_ROLES } from '@shuliu/core';
import { Button, Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { useNodeHealth } from '../../app/health';
import { useParticipantDirectory } from '../participants/api';

const CHAIN = ['registration', 'listing', 'trading', 'delivery', 'settlement'] as const;
const LIVE_STEPS: ReadonlySet<string> = new Set(['registration']);

function ParticipantCount() {
  const { t } = useTranslation(['home', 'vocab']);
  const directory = useParticipantDirectory({});
  const first = directory.data?.pages[0];
  const value = first ? first.total : '—';
  return (
    <Statistic
      title={t('stats.participants')}
      value={value}
      loading={directory.isPending}
      data-testid="stat-participants"
    />
  );
}

/** The front page. */
export function HomePage() {
  const { t } = useTranslation(['home', 'vocab']);
  const { isSignedIn } = useAuth();
  const health = useNodeHealth();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <Typography.Title id="hero-title">{t('hero.title')}</Typography.Title>
        <Typography.Paragraph className="hero-lead">{t('hero.lead')}</Typography.Paragraph>
        <Flex gap={12} wrap>
          <Link to={isSignedIn ? '/apply' : '/sign-up'}>
            <Button size="large" className="hero-primary" data-testid="hero-apply">
              {t('hero.apply')}
            </Button>
          </Link>
          <Link to="/participants">
            <Button size="large" data-testid="hero-directory">
              {t('hero.directory')}
            </Button>
          </Link>
          <Link to="/verify">
            <Button size="large" data-testid="hero-verify">
              {t('hero.verify')}
            </Button>
          </Link>
        </Flex>
      </section>

      <Typography.Title level={4} className="section-title">
        {t('chain.title')}
      </Typography.Title>
      <div className="chain" role="list" aria-label={t('chain.title')}>
        {CHAIN.map((step, index) => (
          <div
            key={step}
            role="listitem"
            className={`chain-step${LIVE_STEPS.has(step) ? ' chain-step--live' : ''}`}
          >
            <Flex justify="space-between" align="center">
              <span className="chain-step__index">{String(index + 1).padStart(2, '0')}</span>
              {LIVE_STEPS.has(step) ? (
                <Tag color="blue">{t('chain.live')}</Tag>
              ) : (
                <Tag>{t('chain.planned')}</Tag>
              )}
            </Flex>
            <div className="chain-step__title">{t(`chain.steps.${step}.title`)}</div>
            <div className="chain-step__text">{t(`chain.steps.${step}.text`)}</div>
          </div>
        ))}
      </div>

      <Row gutter={[16, 16]} style={{ marginTop: 24 }}>
        <Col xs={24} md={8}>
          <Card>
            <ParticipantCount />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('stats.roles')} value={PARTICIPANT_ROLES.length} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              title={t('stats.node')}
              value={health.data?.node ?? '—'}
              loading={health.isPending}
              styles={{ content: { fontSize: 20 } }}
            />
          </Card>
        </Col>
      </Row>

      <Typography.Title level={4} className="section-title">
        {t('roles.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {PARTICIPANT_ROLES.map((role) => (
          <Col xs={24} sm={12} lg={6} key={role}>
            <Card title={t(`vocab:roles.${role}`)} style={{ height: '100%' }}>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t(`vocab:roleHints.${role}`)}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>

      <Typography.Title level={4} className="section-title">
        {t('services.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Card.Meta
              avatar={<SolutionOutlined style={{ fontSize: 28, color: '#1f4e9c' }} />}
              title={<Link to={isSignedIn ? '/apply' : '/sign-up'}>{t('services.apply.title')}</Link>}
              description={t('services.apply.text')}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Card.Meta
              avatar={<TeamOutlined style={{ fontSize: 28, color: '#1f4e9c' }} />}
              title={<Link to="/participants">{t('services.directory.title')}</Link>}
              description={t('services.directory.text')}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Card.Meta
              avatar={<SafetyCertificateOutlined style={{ fontSize: 28, color: '#1f4e9c' }} />}
              title={<Link to="/verify">{t('services.verify.title')}</Link>}
              description={t('services.verify.text')}
            />
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 24 }}>
        <AuditOutlined /> {t('notice')}
      </Typography.Paragraph>
    </>
  );
}
