import { SOURCE_TABLES } from './sources/index.js';
import { actionTasks } from './system/action-tasks.js';
import { allocationMoves, allocationRounds } from './system/allocation-tables.js';
import { CLEANING_TABLES } from './system/cleaning-tables.js';
import { experimentAssignments, experiments } from './system/experiment-tables.js';
import { imports } from './system/imports.js';
import { quarantine } from './system/quarantine.js';
import { reports } from './system/reports.js';
import { streamDecisions } from './system/stream-decisions.js';
import { streamEvents } from './system/stream-events.js';
import { SERVER_TABLES } from './system/server-tables.js';
import { tierOverrides } from './system/tier-overrides.js';
import { tierSnapshots } from './system/tier-snapshots.js';
import { tieringRuns } from './system/tiering-runs.js';
import type { TableDef } from './table.js';

/** Every table stratum creates, in creation order. Later issues append their system tables here. */
export const ALL_TABLES: readonly TableDef[] = [
  ...SOURCE_TABLES,
  imports,
  quarantine,
  ...CLEANING_TABLES,
  tieringRuns,
  tierSnapshots,
  tierOverrides,
  ...SERVER_TABLES,
  actionTasks,
  streamEvents,
  streamDecisions,
  allocationRounds,
  allocationMoves,
  experiments,
  experimentAssignments,
  reports,
];
