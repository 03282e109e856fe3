import { z } from 'zod';
import { IsoDateSchema } from '../time/iso-date.js';

export const REPORT_PERIODS = ['week', 'month'] as const;
export const REPORT_FORMATS = ['html', 'pdf'] as const;
export const REPORT_LANGUAGES = ['zh-CN', 'en'] as const;

export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** What a periodic report covers and how it is rendered (CLI flags, API bodies, schedules). */
export const ReportRequestSchema = z.object({
  period: z.enum(REPORT_PERIODS),
  format: z.enum(REPORT_FORMATS).default('html'),
  language: z.enum(REPORT_LANGUAGES).default('zh-CN'),
  /** Last day the report covers (default: the latest tiering run's as-of date). */
  asOf: IsoDateSchema.optional(),
});

export interface ReportRequest {
  readonly period: ReportPeriod;
  readonly format: ReportFormat;
  /** Default zh-CN. */
  readonly language: ReportLanguage;
  /** Last day the report covers (default: the latest tiering run's as-of date). */
  readonly asOf?: string;
}

/** A rendered report, ready to be written to a file or sent. */
export interface RenderedReport {
  readonly title: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  /** e.g. stratum-week-2025-W23.pdf / stratum-month-2025-06.html */
  readonly filename: string;
  /** text/html; charset=utf-8 | application/pdf */
  readonly contentType: string;
  readonly bytes: Uint8Array;
}
