/** The case's history: each step (event), who took it and the note or reason given. */
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../applications/application-timeline';
import type { CaseEvent } from './types';

const KNOWN = [
  'created',
  'submitted',
  'resubmitted',
  'accepted',
  'formal_review_started',
  'substantive_review_started',
  'publicity_started',
  'returned',
  'rejected',
  'withdrawn',
  'checklist_updated',
  'assessor_assigned',
  'assessment_attached',
  'objection_raised',
  'objection_dismissed',
  'objection_upheld',
  'certified',
  'activated',
  'superseded',
  'expired',
  'cancelled',
] as const;
type Known = (typeof KNOWN)[number];

/** `registration.case.accepted` → `accepted`: the last segment names the step. */
export function stepOf(type: string): string {
  return type.split('.').at(-1) ?? type;
}

function isKnown(step: string): step is Known {
  return KNOWN.some((known) => known === step);
}

function colorOf(step: string): string {
  if (step === 'rejected' || step === 'objection_upheld' || step === 'cancelled') return 'red';
  if (step === 'returned' || step === 'objection_raised') return 'orange';
  if (step === 'certified' || step === 'activated') return 'green';
  if (step === 'checklist_updated') return 'gray';
  return 'blue';
}

/** The timeline, oldest first. */
export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const { t } = useTranslation('vocab');
  return (
    <Timeline
      data-testid="case-timeline"
      items={events.map((event, index) => {
        const step = stepOf(event.type);
        return {
          key: `${event.at}-${index}`,
          color: colorOf(step),
          content: (
            <div data-event={step}>
              <div>
                <Typography.Text strong>
                  {isKnown(step) ? t(`caseEvents.${step}`) : event.type}
                </Typography.Text>
                {event.actorName ? (
                  <Typography.Text type="secondary"> · {event.actorName}</Typography.Text>
                ) : null}
              </div>
              <Typography.Text type="secondary">{formatTime(event.at)}</Typography.Text>
              {event.note ? <div className="timeline-note">{event.note}</div> : null}
            </div>
          ),
        };
      })}
    />
  );
}
