/**
 * The evidence viewer (证明材料): a list of attachments; opening one fetches it with the session
 * (the download route needs the cookie) and shows images and PDFs inline in a drawer, with a button
 * to open the same copy in a new tab. Other types only download.
 */
import { ExportOutlined, FileSearchOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Flex, List, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiHeaders, toApiError } from '../../app/api-client';
import { useErrorMessage } from '../../app/api-errors';
import { attachmentUrl } from '../applications/api';

/** One attachment to list, with a label saying what it proves. */
export interface EvidenceItem {
  id: string;
  label: string;
}

interface LoadedFile {
  url: string;
  type: string;
  name: string;
}

/** The filename in a Content-Disposition header (`filename*=UTF-8''…` or `filename="…"`). */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return star[1];
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

async function fetchFile(id: string, signal: AbortSignal): Promise<LoadedFile> {
  const response = await fetch(attachmentUrl(id), {
    headers: apiHeaders('GET'),
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    throw toApiError(response.status, body);
  }
  const blob = await response.blob();
  return {
    url: URL.createObjectURL(blob),
    type: blob.type || (response.headers.get('content-type') ?? ''),
    name: filenameOf(response.headers.get('content-disposition'), id),
  };
}

function Preview({ id }: { id: string }) {
  const { t } = useTranslation('registrationReview');
  const describe = useErrorMessage();
  const file = useQuery({
    queryKey: ['attachment-blob', id],
    queryFn: ({ signal }) => fetchFile(id, signal),
    staleTime: Infinity,
    gcTime: 60_000,
  });
  const url = file.data?.url;
  // The blob URL holds the file in memory: release it when the preview goes.
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  if (file.isPending) return <Spin description={t('evidence.loading')} />;
  if (file.isError) return <Alert type="error" showIcon title={describe(file.error)} />;
  const { type, name } = file.data;
  return (
    <Flex vertical gap={12} style={{ height: '100%' }}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong ellipsis>
          {name}
        </Typography.Text>
        <Button
          icon={<ExportOutlined />}
          href={file.data.url}
          target="_blank"
          rel="noopener"
          data-testid="evidence-open-tab"
        >
          {t('evidence.openTab')}
        </Button>
      </Flex>
      {type.startsWith('image/') ? (
        <img src={file.data.url} alt={name} style={{ maxWidth: '100%' }} data-testid="evidence-image" />
      ) : type === 'application/pdf' ? (
        <iframe title={name} src={file.data.url} className="evidence-frame" data-testid="evidence-pdf" />
      ) : (
        <Alert type="info" showIcon title={t('evidence.noPreview')} />
      )}
    </Flex>
  );
}

/** Lists `items`; each opens in the drawer. */
export function EvidenceList({ items, emptyText }: { items: EvidenceItem[]; emptyText?: string }) {
  const { t } = useTranslation('registrationReview');
  const [open, setOpen] = useState<EvidenceItem | null>(null);
  return (
    <>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: emptyText ?? t('evidence.none') }}
        data-testid="evidence-list"
        renderItem={(item) => (
          <List.Item
            actions={[
              <Button
                key="view"
                type="link"
                size="small"
                icon={<FileSearchOutlined />}
                onClick={() => setOpen(item)}
                data-testid={`evidence-view-${item.id}`}
              >
                {t('evidence.view')}
              </Button>,
            ]}
          >
            <Typography.Text>
              <PaperClipOutlined /> {item.label} <span className="mono muted">{item.id}</span>
            </Typography.Text>
          </List.Item>
        )}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open?.label ?? ''}
        size="large"
        destroyOnHidden
        data-testid="evidence-drawer"
      >
        {open ? <Preview id={open.id} /> : null}
      </Drawer>
    </>
  );
}
