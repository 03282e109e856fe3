import pg from 'pg';

/**
 * PostgreSQL text values as the same plain JS the DuckDB adapter returns, so that callers never see which engine
 * answered: BIGINT and NUMERIC as numbers (exact to the cent for money below 10^13 yuan), dates as YYYY-MM-DD,
 * timestamps as ISO 8601 in UTC, JSON as its text (DuckDB returns JSON as text too).
 */
const OID = {
  json: 114,
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  jsonb: 3802,
  int8Array: 1016,
  numericArray: 1231,
  float8Array: 1022,
  dateArray: 1182,
  textArray: 1009,
  timestamptzArray: 1185,
} as const;

const builtin = pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => unknown;
const asText = (value: string): string => value;
const parseTimestamptz = builtin(OID.timestamptz) as (value: string) => Date;
const toIso = (value: string): string => parseTimestamptz(value).toISOString();
const parseNumberArray = builtin(OID.float8Array) as (value: string) => number[];
const parseTextArray = builtin(OID.textArray) as (value: string) => string[];

const parsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: Number,
  [OID.numeric]: Number,
  [OID.date]: asText,
  [OID.timestamp]: (value) => new Date(`${value.replace(' ', 'T')}Z`).toISOString(),
  [OID.timestamptz]: toIso,
  [OID.json]: asText,
  [OID.jsonb]: asText,
  [OID.int8Array]: parseNumberArray,
  [OID.numericArray]: parseNumberArray,
  [OID.dateArray]: parseTextArray,
  [OID.timestamptzArray]: (value) => parseTextArray(value).map(toIso),
};

export const plainTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    parsers[oid] ?? builtin(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};
