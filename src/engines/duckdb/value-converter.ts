import {
  DuckDBTypeId,
  JSDuckDBValueConverter,
  type DuckDBValue,
  type JS,
  type DuckDBType,
  type DuckDBValueConverter,
} from '@duckdb/node-api';

/**
 * DuckDB values as plain JSON-friendly JS: integers as numbers, DECIMAL as numbers (exact to the cent for money
 * below 10^13 yuan), dates as YYYY-MM-DD, timestamps as ISO 8601 in UTC.
 */
const toNumber: DuckDBValueConverter<unknown> = (value) => (value === null ? null : Number(value as bigint));
const toText: DuckDBValueConverter<unknown> = (value) => (value === null ? null : String(value));
const timestampToIso: DuckDBValueConverter<unknown> = (value, type, converter) => {
  const date = JSDuckDBValueConverter(value, type, converter as unknown as DuckDBValueConverter<JS>);
  return date instanceof Date ? date.toISOString() : null;
};

const overrides: Partial<Record<DuckDBTypeId, DuckDBValueConverter<unknown>>> = {
  [DuckDBTypeId.BIGINT]: toNumber,
  [DuckDBTypeId.HUGEINT]: toNumber,
  [DuckDBTypeId.UBIGINT]: toNumber,
  [DuckDBTypeId.DATE]: toText,
  [DuckDBTypeId.TIMESTAMP]: timestampToIso,
  [DuckDBTypeId.TIMESTAMP_TZ]: timestampToIso,
};

export const plainValueConverter: DuckDBValueConverter<unknown> = (
  value: DuckDBValue,
  type: DuckDBType,
  converter: DuckDBValueConverter<unknown>,
) => {
  const override = overrides[type.typeId];
  return override
    ? override(value, type, converter)
    : JSDuckDBValueConverter(value, type, converter as unknown as DuckDBValueConverter<JS>);
};
