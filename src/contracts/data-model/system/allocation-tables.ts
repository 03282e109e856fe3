import { date, double, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const allocationRounds: TableDef = {
  name: 'allocation_rounds',
  title: 'Allocation rounds',
  origin:
    'stratum (written by `stratum allocate` without --dry-run, or POST /api/v1/allocation/plans with dryRun false)',
  description:
    'One applied round of assigning customers to account managers: on which run, with which settings, by whom, and the plan’s figures (objective, LP bound, gap, moves, unassigned customers with reasons, per-owner books, the comparison with the z-score strategy) as JSON.',
  primaryKey: ['round_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'round_id', type: text, required: true, description: 'Id of the round', aliases: [] },
    {
      name: 'run_id',
      type: text,
      required: true,
      description: 'Tiering run whose tiers were used',
      aliases: [],
    },
    { name: 'as_of', type: date, required: true, description: 'As-of date of that run', aliases: [] },
    {
      name: 'applied_at',
      type: timestamp,
      required: true,
      description: 'When the round was applied',
      aliases: [],
    },
    {
      name: 'applied_by',
      type: text,
      required: false,
      description: 'User or key that applied it',
      aliases: [],
    },
    { name: 'settings', type: text, required: true, description: 'Allocation settings (JSON)', aliases: [] },
    {
      name: 'plan',
      type: text,
      required: true,
      description: 'The plan’s summary (JSON, AllocationPlan without moves)',
      aliases: [],
    },
  ],
};

export const allocationMoves: TableDef = {
  name: 'allocation_moves',
  title: 'Allocation moves',
  origin: 'stratum (one row per customer whose owner an applied round changed)',
  description:
    'The ownership history allocation writes: which customer went from which rep to which, in which round, what the move gains and why (the explanation with the alternatives and their cost, JSON).',
  primaryKey: ['round_id', 'customer_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'round_id', type: text, required: true, description: 'Round', aliases: [] },
    { name: 'customer_id', type: text, required: true, description: 'Surviving customer id', aliases: [] },
    {
      name: 'from_rep_id',
      type: text,
      required: false,
      description: 'Owner before (empty: none)',
      aliases: [],
    },
    { name: 'to_rep_id', type: text, required: true, description: 'Owner after', aliases: [] },
    { name: 'to_rep_name', type: text, required: true, description: 'Name of the owner after', aliases: [] },
    { name: 'to_team', type: text, required: true, description: 'Team of the owner after', aliases: [] },
    {
      name: 'gain',
      type: double,
      required: true,
      description: 'Objective gained, yuan per year',
      aliases: [],
    },
    { name: 'explanation', type: text, required: true, description: 'Why this owner (JSON)', aliases: [] },
  ],
};
