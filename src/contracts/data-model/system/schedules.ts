import { bool, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const schedules: TableDef = {
  name: 'schedules',
  title: 'Run schedules',
  origin: 'stratum server',
  description:
    'Tiering runs or reports on a cron schedule in a time zone; a job never overlaps another and a missed schedule fires once on start.',
  primaryKey: ['schedule_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'schedule_id', type: text, required: true, description: 'Id of the schedule', aliases: [] },
    { name: 'name', type: text, required: true, description: 'Name', aliases: [] },
    {
      name: 'cron',
      type: text,
      required: true,
      description: 'Cron expression (minute hour day month weekday)',
      aliases: [],
    },
    {
      name: 'time_zone',
      type: text,
      required: true,
      description: 'IANA zone, e.g. Asia/Shanghai',
      aliases: [],
    },
    { name: 'enabled', type: bool, required: true, description: 'Runs only when true', aliases: [] },
    { name: 'created_by', type: text, required: true, description: 'Who created it', aliases: [] },
    { name: 'created_at', type: timestamp, required: true, description: 'When created', aliases: [] },
    {
      name: 'last_fired_at',
      type: timestamp,
      required: false,
      description: 'Scheduled time of the last run started',
      aliases: [],
    },
    { name: 'last_job_id', type: text, required: false, description: 'Job of that run', aliases: [] },
    {
      name: 'action',
      type: text,
      required: false,
      description:
        'JSON of what a fire starts: {"kind":"run"} (also when empty) or {"kind":"report","period":…,"format":…,"language":…}',
      aliases: [],
    },
  ],
};
