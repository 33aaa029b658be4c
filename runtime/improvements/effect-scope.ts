/**
 * @module The scope of an improvement item: which tickets its KPI is computed over. A small fixed set of
 * optional filters, each an item field naming the ticket field it matches exactly; all set ones apply,
 * none set means every ticket. The province is a path inside the ticket's region value.
 */
export const SCOPE_FIELDS = {
  scopeProductLine: 'productLine',
  scopeModel: 'model',
  scopeCategory: 'category',
  scopeProvince: 'region.province',
} as const;

export type ScopeField = keyof typeof SCOPE_FIELDS;
export type EffectScope = Partial<Record<ScopeField, string>>;
