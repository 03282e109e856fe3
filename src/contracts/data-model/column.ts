/** Logical column types of the canonical data model; each engine's dialect maps them to SQL types. */
export type ColumnType =
  | { readonly kind: 'text' }
  | {
      readonly kind: 'enum';
      readonly values: readonly string[];
      readonly labels: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'int' }
  | { readonly kind: 'money' }
  | { readonly kind: 'quantity' }
  | { readonly kind: 'double' }
  | { readonly kind: 'date' }
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'double_list' }
  | { readonly kind: 'text_list' }
  /** Binary content (a rendered report); its canonical text is base64. */
  | { readonly kind: 'bytes' };

export type ColumnCheck =
  | { readonly kind: 'min'; readonly value: number; readonly exclusive?: boolean }
  | { readonly kind: 'max'; readonly value: number }
  | { readonly kind: 'notFuture' }
  | { readonly kind: 'notBefore'; readonly column: string }
  /** A text list whose every item is an inclusive date range `YYYY-MM-DD..YYYY-MM-DD` with from ≤ to. */
  | { readonly kind: 'dateRanges' }
  /**
   * Cross-column: the number lies in the inclusive range that the value of `column` in the same row names (a
   * survey score 0–10 for kind `nps`, 1–5 for `csat`); a value of `column` without a range is not checked.
   */
  | {
      readonly kind: 'rangeBy';
      readonly column: string;
      readonly ranges: Readonly<Record<string, readonly [number, number]>>;
    };

export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
  readonly required: boolean;
  readonly description: string;
  readonly unit?: string;
  /** Header names recognised on import besides `name` (Chinese ERP exports, common English variants). */
  readonly aliases: readonly string[];
  readonly checks?: readonly ColumnCheck[];
  /** Personal data: masked for roles that do not need it. */
  readonly personal?: boolean;
}

export const text = { kind: 'text' } as const;
export const int = { kind: 'int' } as const;
export const money = { kind: 'money' } as const;
export const quantity = { kind: 'quantity' } as const;
export const double = { kind: 'double' } as const;
export const date = { kind: 'date' } as const;
export const timestamp = { kind: 'timestamp' } as const;
export const bool = { kind: 'bool' } as const;
export const doubleList = { kind: 'double_list' } as const;
export const textList = { kind: 'text_list' } as const;
export const bytes = { kind: 'bytes' } as const;
/** An enumeration; `labels` maps the words Chinese systems export (e.g. 月结) to the canonical value. */
export const oneOf = (
  values: readonly string[],
  labels: Readonly<Record<string, string>> = {},
): ColumnType => ({
  kind: 'enum',
  values,
  labels,
});

export const nonNegative: ColumnCheck = { kind: 'min', value: 0 };
export const positive: ColumnCheck = { kind: 'min', value: 0, exclusive: true };
export const notFuture: ColumnCheck = { kind: 'notFuture' };
export const dateRanges: ColumnCheck = { kind: 'dateRanges' };

/** A required, non-negative row count of a stratum log table. */
export const rowCount = (name: string, description: string): ColumnDef => ({
  name,
  type: int,
  required: true,
  unit: 'rows',
  checks: [nonNegative],
  description,
  aliases: [],
});
