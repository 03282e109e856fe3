import { REPORT_FORMATS, REPORT_LANGUAGES, REPORT_PERIODS } from '../../reports/report-request.js';
import { bytes, date, int, nonNegative, oneOf, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const reports: TableDef = {
  name: 'reports',
  title: 'Periodic reports',
  origin: 'stratum server',
  description:
    'Weekly and monthly reports generated on request or by a schedule, with their content, so that every server instance serves them.',
  primaryKey: ['report_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'report_id', type: text, required: true, description: 'Id of the report', aliases: [] },
    { name: 'title', type: text, required: true, description: 'Title', aliases: [] },
    {
      name: 'period',
      type: oneOf(REPORT_PERIODS),
      required: true,
      description: 'week (ISO week) or month',
      aliases: [],
    },
    { name: 'format', type: oneOf(REPORT_FORMATS), required: true, description: 'html or pdf', aliases: [] },
    {
      name: 'language',
      type: oneOf(REPORT_LANGUAGES),
      required: true,
      description: 'zh-CN or en',
      aliases: [],
    },
    { name: 'period_start', type: date, required: true, description: 'First day covered', aliases: [] },
    { name: 'period_end', type: date, required: true, description: 'Last day covered', aliases: [] },
    { name: 'filename', type: text, required: true, description: 'File name of the download', aliases: [] },
    {
      name: 'content_type',
      type: text,
      required: true,
      description: 'MIME type of the content',
      aliases: [],
    },
    {
      name: 'size_bytes',
      type: int,
      required: true,
      unit: 'bytes',
      checks: [nonNegative],
      description: 'Size of the content',
      aliases: [],
    },
    { name: 'content', type: bytes, required: true, description: 'The rendered file', aliases: [] },
    { name: 'created_at', type: timestamp, required: true, description: 'When generated', aliases: [] },
    {
      name: 'created_by',
      type: text,
      required: true,
      description: 'Who asked: user or key name, or schedule:<id>',
      aliases: [],
    },
    { name: 'job_id', type: text, required: true, description: 'The job that generated it', aliases: [] },
    {
      name: 'schedule_id',
      type: text,
      required: false,
      description: 'The schedule that fired it; empty when requested',
      aliases: [],
    },
  ],
};
