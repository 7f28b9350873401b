/** The publicity window as a progress bar with the time left, ticking every minute. */
import { Progress, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countdownKey, publicityProgress, remainingParts } from './publicity-window';

/** The current time, refreshed every `everyMs`. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Progress and countdown of one window; a paused window (objection under review) says so. */
export function PublicityCountdown({
  startedAt,
  endsAt,
}: {
  startedAt: string | null;
  endsAt: string | null;
}) {
  const { t } = useTranslation('notices');
  const now = useNow(60_000);
  if (!startedAt || !endsAt) {
    return (
      <Tag color="warning" data-testid="publicity-paused">
        {t('countdown.paused')}
      </Tag>
    );
  }
  const progress = publicityProgress(startedAt, endsAt, now);
  const parts = remainingParts(progress.remainingMs);
  const key = countdownKey(parts);
  return (
    <div className="publicity-countdown" data-testid="publicity-countdown" data-ended={progress.isEnded}>
      <Progress
        percent={progress.percent}
        size="small"
        showInfo={false}
        status={progress.isEnded ? 'normal' : 'active'}
        aria-label={t('countdown.progress', { percent: progress.percent })}
      />
      <Typography.Text type={progress.isEnded ? 'secondary' : undefined} style={{ fontSize: 12 }}>
        {t(`countdown.${key}`, { ...parts })}
      </Typography.Text>
    </div>
  );
}
