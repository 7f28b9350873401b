/**
 * 上传新版本: choose or drop a file, then follow the tus upload (percent, bytes, speed) with
 * 暂停/继续 and 取消. An unfinished upload of the same file continues from where it stopped.
 */
import { CloudUploadOutlined, InboxOutlined, PauseOutlined, CaretRightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Progress, Spin, Typography } from 'antd';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/api-errors';
import { formatBytes, formatSpeed, percentOf } from './format';
import { DATASET_FILE_ACCEPT } from './tus-upload';
import type { UploadResult } from './types';
import { useDatasetUpload, type UploadState } from './use-dataset-upload';

function UploadProgress({
  state,
  onPause,
  onResume,
  onCancel,
}: {
  state: UploadState;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['datasets', 'common']);
  const percent = percentOf(state.sent, state.total);
  const finishing = state.phase === 'uploading' && state.total > 0 && state.sent >= state.total;
  return (
    <Flex vertical gap={8} className="upload-progress" data-testid="upload-status" data-phase={state.phase}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text strong>
          <CloudUploadOutlined /> {state.file?.name}
        </Typography.Text>
        <Flex gap={8}>
          {state.phase === 'uploading' ? (
            <Button
              icon={<PauseOutlined />}
              onClick={onPause}
              disabled={finishing}
              data-testid="upload-pause"
            >
              {t('upload.pause')}
            </Button>
          ) : null}
          {state.phase === 'paused' ? (
            <Button
              type="primary"
              icon={<CaretRightOutlined />}
              onClick={onResume}
              data-testid="upload-resume"
            >
              {t('upload.resume')}
            </Button>
          ) : null}
          <Popconfirm title={t('upload.cancelConfirm')} onConfirm={onCancel}>
            <Button danger disabled={finishing} data-testid="upload-cancel">
              {t('upload.cancel')}
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>
      {state.resumedFrom !== undefined ? (
        <Alert
          type="info"
          showIcon
          title={t('upload.resumeFound', { percent: state.resumedFrom })}
          data-testid="upload-resumed"
        />
      ) : null}
      <Progress
        percent={percent}
        status={state.phase === 'paused' ? 'normal' : 'active'}
        data-testid="upload-progress"
        data-percent={percent}
      />
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Text type="secondary">
          {finishing
            ? t('upload.finishing')
            : `${state.phase === 'paused' ? t('upload.paused') : t('upload.uploading')} · ${t(
                'upload.progress',
                {
                  sent: formatBytes(state.sent),
                  total: formatBytes(state.total),
                },
              )}`}
        </Typography.Text>
        {state.phase === 'uploading' && !finishing ? (
          <Typography.Text type="secondary" data-testid="upload-speed">
            {t('upload.speed', { speed: formatSpeed(state.speed) })}
          </Typography.Text>
        ) : null}
      </Flex>
      {state.hashSkipped ? (
        <Typography.Text type="secondary">{t('upload.hashSkipped')}</Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The upload card of a dataset. */
export function UploadPanel({
  datasetId,
  onUploaded,
}: {
  datasetId: string;
  onUploaded: (result: UploadResult | null) => void;
}) {
  const { t } = useTranslation(['datasets', 'common']);
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const { state, choose, pause, resume, cancel, reset } = useDatasetUpload(datasetId, onUploaded);
  const [dragging, setDragging] = useState(false);
  const busy = state.phase === 'hashing' || state.phase === 'uploading' || state.phase === 'paused';

  const pick = (files: FileList | null) => {
    const file = files?.[0];
    if (file) void choose(file);
  };
  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!busy) pick(event.dataTransfer.files);
  };

  return (
    <Card title={t('upload.title')} size="small" className="upload-panel" data-testid="upload-panel">
      {state.phase === 'idle' || state.phase === 'done' || state.phase === 'failed' ? (
        <label
          className={`dataset-dropzone${dragging ? ' dataset-dropzone--active' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <input
            type="file"
            accept={DATASET_FILE_ACCEPT}
            className="visually-hidden"
            data-testid="upload-input"
            onChange={(event) => {
              pick(event.target.files);
              // Choosing the same file again (to resume it) must fire change again.
              event.target.value = '';
            }}
          />
          <InboxOutlined className="dataset-dropzone__icon" />
          <span className="dataset-dropzone__title">{t('upload.choose')}</span>
          <span className="dataset-dropzone__hint">{t('upload.formats')}</span>
          <span className="dataset-dropzone__hint">{t('upload.resumable')}</span>
        </label>
      ) : null}
      {state.phase === 'hashing' ? (
        <Flex align="center" gap={12} className="upload-hashing" data-testid="upload-hashing">
          <Spin />
          <Typography.Text>
            {state.file?.name} · {formatBytes(state.file?.size ?? 0)} — {t('upload.hashing')}
          </Typography.Text>
        </Flex>
      ) : null}
      {state.phase === 'uploading' || state.phase === 'paused' ? (
        <UploadProgress
          state={state}
          onPause={pause}
          onResume={resume}
          onCancel={() => {
            void cancel().then(() => message.info(t('upload.cancelled')));
          }}
        />
      ) : null}
      {state.phase === 'done' ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: reset }}
          className="upload-result"
          data-testid="upload-done"
          title={
            state.result?.versionNumber
              ? t('upload.done', { number: state.result.versionNumber })
              : t('upload.doneNoVersion')
          }
        />
      ) : null}
      {state.phase === 'failed' ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: reset }}
          className="upload-result"
          data-testid="upload-error"
          title={t('upload.failed')}
          description={state.error ? describe(state.error) : undefined}
        />
      ) : null}
    </Card>
  );
}
