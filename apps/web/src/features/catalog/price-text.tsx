/** A product's price as people read it: `¥1,200.00 / 月 · 订阅`, or 公益免费. */
import { PRICING_MODELS, type ProductPricing } from '@shuliu/core';
import { useTranslation } from 'react-i18next';
import { formatFen, isPriceUnit } from './format-price';

function isModel(value: string): value is ProductPricing['model'] {
  return PRICING_MODELS.some((model) => model === value);
}

/** The price text; `model` alone (no amount) shows just the pricing model. */
export function PriceText({
  model,
  amountFen,
  unit,
}: {
  model: string;
  amountFen?: number | null;
  unit?: string | null;
}) {
  const { t } = useTranslation(['catalog', 'vocab']);
  const modelLabel = isModel(model) ? t(`vocab:pricingModels.${model}`) : model;
  if (model === 'free_public_welfare') return <span data-testid="price">{modelLabel}</span>;
  if (amountFen === null || amountFen === undefined) return <span data-testid="price">{modelLabel}</span>;
  const unitLabel = unit ? (isPriceUnit(unit) ? t(`vocab:priceUnits.${unit}`) : unit) : '';
  return (
    <span data-testid="price">
      <strong className="price">{formatFen(amountFen)}</strong>
      {unitLabel ? ` / ${unitLabel}` : ''}
      <span className="price-model"> · {modelLabel}</span>
    </span>
  );
}
