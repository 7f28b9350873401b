/** The history of an application: who did what when, with the reviewer's reasons. */
import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ApplicationHistoryEntry } from './api';

const KNOWN_ACTIONS = [
  'submitted',
  'corrected',
  'resubmitted',
  'approved',
  'rejected',
  'returned',
  'withdrawn',
] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number];

function isKnownAction(action: string): action is KnownAction {
  return KNOWN_ACTIONS.some((known) => known === action);
}

function colorOf(action: string): string {
  switch (action) {
    case 'approved':
      return 'green';
    case 'rejected':
      return 'red';
    case 'returned':
      return 'orange';
    case 'withdrawn':
      return 'gray';
    default:
      return 'blue';
  }
}

/** Timestamps as people read them: 2025-03-01 14:05. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

/** The application's history, oldest first. */
export function ApplicationTimeline({ history }: { history: ApplicationHistoryEntry[] }) {
  const { t } = useTranslation('vocab');
  return (
    <Timeline
      data-testid="application-history"
      items={history.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        color: colorOf(entry.action),
        content: (
          <>
            <div>
              <Typography.Text strong>
                {isKnownAction(entry.action) ? t(`applicationActions.${entry.action}`) : entry.action}
              </Typography.Text>
              {entry.actorName ? (
                <Typography.Text type="secondary"> · {entry.actorName}</Typography.Text>
              ) : null}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(entry.at)}
            </Typography.Text>
            {entry.note ? (
              <Typography.Paragraph className="history-note" data-testid="history-note">
                {entry.note}
              </Typography.Paragraph>
            ) : null}
          </>
        ),
      }))}
    />
  );
}
