/**
 * Facet panels (分面筛选): for each facet, its values with counts as a checkable list. The search API
 * takes one value per facet, so checking a value replaces that facet's choice.
 */
import { Badge, Button, Card, Checkbox, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { CATALOG_FACETS, type CatalogFacet, type CatalogFilter } from './catalog-url';
import { facetLabel } from './facet-label';
import type { FacetValue } from './types';

/** Values shown before "more". */
const SHOWN = 8;

function FacetGroup({
  facet,
  values,
  selected,
  onToggle,
}: {
  facet: CatalogFacet;
  values: FacetValue[];
  selected: string | undefined;
  onToggle: (value: string, checked: boolean) => void;
}) {
  const { t } = useTranslation(['catalog', 'vocab']);
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';
  const [expanded, setExpanded] = useState(false);
  // The chosen value stays visible even when the counts no longer list it.
  const all =
    selected && !values.some((v) => v.value === selected)
      ? [{ value: selected, label: null, count: 0 }, ...values]
      : values;
  const shown = expanded ? all : all.slice(0, SHOWN);
  if (all.length === 0) return null;
  return (
    <div
      className="facet-group"
      role="group"
      aria-label={t(`facets.${facet}`)}
      data-testid={`facet-${facet}`}
    >
      <Typography.Text strong>{t(`facets.${facet}`)}</Typography.Text>
      <Flex vertical gap={4} style={{ marginTop: 6 }}>
        {shown.map((v) => (
          <Checkbox
            key={v.value}
            checked={selected === v.value}
            onChange={(event) => onToggle(v.value, event.target.checked)}
            data-testid={`facet-${facet}-${v.value}`}
          >
            <Flex justify="space-between" gap={8} className="facet-value">
              <span>{facetLabel(facet, v.value, v.label, t, lang)}</span>
              <Badge count={v.count} showZero color="#8a94a6" overflowCount={999999} size="small" />
            </Flex>
          </Checkbox>
        ))}
      </Flex>
      {all.length > SHOWN ? (
        <Button type="link" size="small" onClick={() => setExpanded(!expanded)} style={{ paddingLeft: 0 }}>
          {expanded ? t('facets.less') : t('facets.more', { count: all.length - SHOWN })}
        </Button>
      ) : null}
    </div>
  );
}

/** All facet panels. */
export function FacetPanel({
  filter,
  facets,
  onToggle,
  onClear,
}: {
  filter: CatalogFilter;
  facets: Record<CatalogFacet, FacetValue[]> | undefined;
  onToggle: (facet: CatalogFacet, value: string, checked: boolean) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation('catalog');
  const hasSelection = CATALOG_FACETS.some((facet) => filter.facets[facet] !== undefined);
  return (
    <Card
      size="small"
      title={t('facets.title')}
      extra={
        hasSelection ? (
          <Button type="link" size="small" onClick={onClear} data-testid="facet-clear">
            {t('facets.clear')}
          </Button>
        ) : null
      }
      data-testid="facet-panel"
    >
      <Flex vertical gap={16}>
        {CATALOG_FACETS.map((facet) => (
          <FacetGroup
            key={facet}
            facet={facet}
            values={facets?.[facet] ?? []}
            selected={filter.facets[facet]}
            onToggle={(value, checked) => onToggle(facet, value, checked)}
          />
        ))}
      </Flex>
    </Card>
  );
}
