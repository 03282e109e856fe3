import { double, oneOf, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const jobs: TableDef = {
  name: 'jobs',
  title: 'Background jobs',
  origin: 'stratum server',
  description: 'Runs and imports started through the API or a schedule, with their progress and outcome.',
  primaryKey: ['job_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'job_id', type: text, required: true, description: 'Id of the job', aliases: [] },
    { name: 'kind', type: text, required: true, description: 'run, backfill or import', aliases: [] },
    {
      name: 'status',
      type: oneOf(['queued', 'running', 'succeeded', 'failed']),
      required: true,
      description: 'queued, running, succeeded or failed',
      aliases: [],
    },
    { name: 'progress', type: double, required: true, description: '0–1', aliases: [] },
    { name: 'step', type: text, required: false, description: 'Current step', aliases: [] },
    {
      name: 'requested_by',
      type: text,
      required: true,
      description: 'Who or which schedule started it',
      aliases: [],
    },
    { name: 'params', type: text, required: true, description: 'JSON of the request', aliases: [] },
    {
      name: 'result',
      type: text,
      required: false,
      description: 'JSON of the outcome (a run summary)',
      aliases: [],
    },
    {
      name: 'error',
      type: text,
      required: false,
      description: 'Error code and message when failed',
      aliases: [],
    },
    { name: 'created_at', type: timestamp, required: true, description: 'When requested', aliases: [] },
    { name: 'started_at', type: timestamp, required: false, description: 'When started', aliases: [] },
    { name: 'finished_at', type: timestamp, required: false, description: 'When finished', aliases: [] },
  ],
};
