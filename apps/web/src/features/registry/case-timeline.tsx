/**
 * The history of a registration case from the engine's events (`registration.case.submitted` …):
 * who did what when, with reviewers' notes; and the main-path states the case went through.
 */
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseTimelineEntry } from './api';
import { caseEventOf, type CaseEvent } from './case-progress';
import { formatTime } from './format';

const COLORS: Partial<Record<CaseEvent, string>> = {
  rejected: 'red',
  objection_upheld: 'red',
  returned: 'orange',
  objection_raised: 'orange',
  certified: 'green',
  activated: 'green',
  withdrawn: 'gray',
  cancelled: 'gray',
  expired: 'gray',
};

const colorOf = (event: CaseEvent | undefined): string => (event ? COLORS[event] : undefined) ?? 'blue';

/** The case's timeline, oldest first. */
export function CaseTimeline({ entries }: { entries: CaseTimelineEntry[] }) {
  const { t } = useTranslation('registry');
  return (
    <Timeline
      data-testid="case-timeline"
      items={entries.map((entry, index) => {
        const event = caseEventOf(entry.type);
        return {
          key: `${entry.at}-${index}`,
          color: colorOf(event),
          content: (
            <>
              <div>
                <Typography.Text strong>{event ? t(`events.${event}`) : entry.type}</Typography.Text>
                {entry.actorName ? (
                  <Typography.Text type="secondary"> · {entry.actorName}</Typography.Text>
                ) : null}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(entry.at)}
              </Typography.Text>
              {entry.note ? (
                <Typography.Paragraph className="history-note">{entry.note}</Typography.Paragraph>
              ) : null}
            </>
          ),
        };
      })}
    />
  );
}
