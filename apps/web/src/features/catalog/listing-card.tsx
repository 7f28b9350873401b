/**
 * 下架 (delist) for the product's owner organization (owner/admin) or exchange staff; staff must
 * give a reason. A delisted product leaves the catalog, so listing again (上架) is offered where the
 * owner manages registered products (my registrations), using `ListingButton`.
 */
import { App, Button, Card, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useNotifyError } from '../../app/api-errors';
import { useAuth } from '../../app/auth';
import { ReasonModal } from '../../ui/reason-modal';
import { useListing } from './api';

/** True when the signed-in user manages the organization that provides the product. */
export function useIsProviderManager(organizationId: string): boolean {
  const { me } = useAuth();
  return (me?.organizations ?? []).some(
    (o) => o.id === organizationId && (o.role === 'owner' || o.role === 'admin'),
  );
}

/** 上架: lists a certified product (for the owner's registration pages). */
export function ListingButton({ productId, onListed }: { productId: string; onListed?: () => void }) {
  const { t } = useTranslation(['catalog', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const listing = useListing(productId);
  return (
    <Popconfirm
      title={t('listing.listConfirm')}
      okText={t('common:actions.confirm')}
      cancelText={t('common:actions.cancel')}
      onConfirm={() =>
        listing.mutate(
          { listed: true },
          {
            onSuccess: () => {
              void message.success(t('listing.listed'));
              onListed?.();
            },
            onError: notifyError,
          },
        )
      }
    >
      <Button type="primary" loading={listing.isPending} data-testid="product-list">
        {t('listing.list')}
      </Button>
    </Popconfirm>
  );
}

/** The owner's / exchange's listing card on the product page (hidden for everyone else). */
export function ListingCard({ productId, organizationId }: { productId: string; organizationId: string }) {
  const { t } = useTranslation(['catalog', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const { isExchangeStaff } = useAuth();
  const isManager = useIsProviderManager(organizationId);
  const listing = useListing(productId);
  const [asking, setAsking] = useState(false);
  if (!isManager && !isExchangeStaff) return null;

  const delist = (reason?: string) =>
    listing.mutate(
      { listed: false, reason },
      {
        onSuccess: () => {
          setAsking(false);
          void message.success(t('listing.delisted'));
          void navigate('/catalog');
        },
        onError: notifyError,
      },
    );

  return (
    <Card size="small" title={t('listing.title')} data-testid="listing-card">
      <Typography.Paragraph type="secondary">
        {isManager ? t('listing.ownerHint') : t('listing.staffHint')}
      </Typography.Paragraph>
      {isManager ? (
        <Popconfirm
          title={t('listing.delistConfirm')}
          okText={t('common:actions.confirm')}
          cancelText={t('common:actions.cancel')}
          onConfirm={() => delist()}
        >
          <Button danger loading={listing.isPending} data-testid="product-delist">
            {t('listing.delist')}
          </Button>
        </Popconfirm>
      ) : (
        <Button danger onClick={() => setAsking(true)} data-testid="product-delist">
          {t('listing.delist')}
        </Button>
      )}
      <ReasonModal
        open={asking}
        title={t('listing.delist')}
        hint={t('listing.staffHint')}
        okText={t('listing.delist')}
        isDanger
        isPending={listing.isPending}
        onCancel={() => setAsking(false)}
        onSubmit={(reason) => delist(reason)}
      />
    </Card>
  );
}
