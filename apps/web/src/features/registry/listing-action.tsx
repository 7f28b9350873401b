/**
 * 上架 where the owner manages a registered product: the products tab of 我的登记 and the case page
 * once the product is certified. A listed product links to its catalog page instead; a product
 * that is not registered (or a user who does not manage its organization) gets nothing.
 */
import { Space, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListingButton, useIsProviderManager } from '../catalog/listing-card';
import { registryKeys, useProduct, type ProductRecord } from './api';

/** What the owner may do about the listing of `product`. */
export function ProductListingAction({ product }: { product: ProductRecord }) {
  const { t } = useTranslation('catalog');
  const queryClient = useQueryClient();
  const isManager = useIsProviderManager(product.organizationId);
  if (product.status !== 'registered') return null;
  if (product.listingStatus === 'listed')
    return (
      <Space size={4} data-testid={`listing-${product.id}`} data-listing={product.listingStatus}>
        <Tag color="success">{t('listing.listed')}</Tag>
        <Link to={`/catalog/products/${encodeURIComponent(product.id)}`} data-testid="view-in-catalog">
          {t('listing.view')}
        </Link>
      </Space>
    );
  if (!isManager) return null;
  return (
    <ListingButton
      productId={product.id}
      onListed={() => void queryClient.invalidateQueries({ queryKey: registryKeys.all })}
    />
  );
}

/** The listing action of the product a case registers (nothing while it loads). */
export function CaseProductListing({ productId }: { productId: string }) {
  const product = useProduct(productId);
  return product.data ? <ProductListingAction product={product.data} /> : null;
}
