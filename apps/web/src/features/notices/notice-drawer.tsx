/** One notice in a drawer: what is being registered, by whom, the window, and the objection form. */
import { Descriptions, Divider, Drawer, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RightsTags } from '../../ui/registration-tags';
import { formatTime } from '../applications/application-timeline';
import type { Notice } from '../registration-review/types';
import { ObjectionForm } from './objection-form';
import { PublicityCountdown } from './publicity-countdown';
import { publicityProgress } from './publicity-window';

/** The drawer; closed when `notice` is null. */
export function NoticeDrawer({ notice, onClose }: { notice: Notice | null; onClose: () => void }) {
  const { t } = useTranslation(['notices', 'vocab']);
  const isOpen =
    notice !== null &&
    notice.state === 'publicity' &&
    notice.publicityStartedAt !== null &&
    notice.publicityEndsAt !== null &&
    !publicityProgress(notice.publicityStartedAt, notice.publicityEndsAt, Date.now()).isEnded;
  return (
    <Drawer
      open={notice !== null}
      onClose={onClose}
      size="large"
      title={notice ? t('drawer.title', { number: notice.number }) : ''}
      destroyOnHidden
      data-testid="notice-drawer"
    >
      {notice ? (
        <>
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              {
                key: 'number',
                label: t('fields.number'),
                children: <span className="mono">{notice.number}</span>,
              },
              { key: 'subject', label: t('fields.subject'), children: notice.subjectName },
              {
                key: 'kind',
                label: t('fields.kind'),
                children: (
                  <>
                    <Tag>{t(`vocab:subjectKinds.${notice.subjectKind}`)}</Tag>
                    {t(`vocab:caseTypes.${notice.caseType}`)}
                  </>
                ),
              },
              { key: 'holder', label: t('fields.holder'), children: notice.holderName ?? '—' },
              {
                key: 'hash',
                label: t('fields.contentHash'),
                children: <span className="mono-wrap">{notice.contentHash}</span>,
              },
              { key: 'rights', label: t('fields.rights'), children: <RightsTags rights={notice.rights} /> },
              {
                key: 'summary',
                label: t('fields.summary'),
                children: (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {notice.summary}
                  </Typography.Paragraph>
                ),
              },
              {
                key: 'window',
                label: t('fields.window'),
                children: (
                  <>
                    {notice.publicityEndsAt ? (
                      <div>
                        {t('window', {
                          from: formatTime(notice.publicityStartedAt),
                          to: formatTime(notice.publicityEndsAt),
                        })}
                      </div>
                    ) : null}
                    <PublicityCountdown
                      startedAt={notice.publicityStartedAt}
                      endsAt={notice.publicityEndsAt}
                    />
                  </>
                ),
              },
            ]}
          />
          <Divider titlePlacement="start">{t('objection.title')}</Divider>
          {isOpen ? (
            <ObjectionForm caseId={notice.caseId} onFiled={onClose} />
          ) : (
            <Typography.Paragraph type="secondary">
              {notice.state === 'objection_review' ? t('objection.paused') : t('objection.closed')}
            </Typography.Paragraph>
          )}
        </>
      ) : null}
    </Drawer>
  );
}
