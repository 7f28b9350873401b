/**
 * 数据产品目录: search listed products in Chinese or English, narrow by facets (with counts), sort,
 * and load more with the cursor. The whole search state lives in the URL.
 */
import { Alert, Button, Card, Col, Flex, Input, List, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { EmptyState, QueryError } from '../../ui/query-state';
import { useCatalogSearch } from './api';
import {
  CATALOG_SORTS,
  MAX_QUERY_LENGTH,
  parseCatalogParams,
  toCatalogParams,
  toggleFacetValue,
  type CatalogFilter,
  type CatalogSort,
} from './catalog-url';
import { FacetPanel } from './facet-panel';
import { ResultItem } from './result-item';
import '../../ui/registration.css';

/** The catalog page. */
export function CatalogPage() {
  const { t } = useTranslation(['catalog', 'common']);
  const [params, setParams] = useSearchParams();
  const filter = parseCatalogParams(params);
  const search = useCatalogSearch(filter);
  const pages = search.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const first = pages[0];
  const apply = (next: CatalogFilter) => setParams(toCatalogParams(next));

  return (
    <>
      <PageHeader
        title={t('search.title')}
        subtitle={t('search.subtitle')}
        crumbs={[{ title: t('common:nav.home'), to: '/' }, { title: t('search.title') }]}
      />
      <Card className="catalog-search-bar">
        <Input.Search
          key={filter.q}
          defaultValue={filter.q}
          size="large"
          allowClear
          enterButton={t('common:actions.search')}
          maxLength={MAX_QUERY_LENGTH}
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          onSearch={(value) => apply({ ...filter, q: value.trim() })}
          loading={search.isFetching && !search.isFetchingNextPage}
          data-testid="catalog-search"
        />
      </Card>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} md={7} lg={6}>
          <FacetPanel
            filter={filter}
            facets={first?.facets}
            onToggle={(facet, value, checked) => apply(toggleFacetValue(filter, facet, value, checked))}
            onClear={() => apply({ ...filter, facets: {} })}
          />
        </Col>
        <Col xs={24} md={17} lg={18}>
          <Card>
            <Flex justify="space-between" align="center" wrap gap={12} className="toolbar">
              <Typography.Text data-testid="catalog-total">
                {first
                  ? first.totalIsExact
                    ? t('search.total', { total: first.total })
                    : t('search.totalAtLeast', { total: first.total })
                  : ' '}
              </Typography.Text>
              <Select<CatalogSort>
                value={filter.sort}
                onChange={(sort) => apply({ ...filter, sort })}
                style={{ width: 160 }}
                options={CATALOG_SORTS.map((value) => ({ value, label: t(`search.sorts.${value}`) }))}
                aria-label={t('search.sortLabel')}
                data-testid="catalog-sort"
              />
            </Flex>
            {first?.fuzzy ? (
              <Alert type="info" showIcon title={t('search.fuzzy')} style={{ marginBottom: 12 }} />
            ) : null}
            {search.isError ? (
              <QueryError error={search.error} onRetry={() => void search.refetch()} />
            ) : (
              <List
                itemLayout="vertical"
                loading={search.isPending}
                dataSource={items}
                data-testid="catalog-results"
                locale={{
                  emptyText: (
                    <EmptyState
                      description={filter.q ? t('search.noMatch', { q: filter.q }) : t('search.empty')}
                    />
                  ),
                }}
                renderItem={(hit) => <ResultItem hit={hit} />}
              />
            )}
            {search.hasNextPage ? (
              <div className="load-more">
                <Button
                  onClick={() => void search.fetchNextPage()}
                  loading={search.isFetchingNextPage}
                  data-testid="catalog-load-more"
                >
                  {t('common:actions.loadMore')}
                </Button>
              </div>
            ) : items.length > 0 ? (
              <div className="load-more">
                <Typography.Text type="secondary">{t('common:state.noMore')}</Typography.Text>
              </div>
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
