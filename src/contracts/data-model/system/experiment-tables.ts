import { RANDOMISATION_UNITS } from '../../experiments/experiment-spec.js';
import { date, oneOf, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const experiments: TableDef = {
  name: 'experiments',
  title: 'Experiments',
  origin: 'stratum (`stratum experiment create`, POST /api/v1/experiments)',
  description:
    'A/B tests and pilots of tiering strategies and policies: the population, the variants with what they change, the randomisation unit and strata, and the pre- and post-periods, as the validated spec (JSON). Assigned once, then frozen.',
  primaryKey: ['experiment_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'experiment_id', type: text, required: true, description: 'Id of the experiment', aliases: [] },
    { name: 'name', type: text, required: true, description: 'Name (unique)', aliases: [] },
    { name: 'spec', type: text, required: true, description: 'The experiment spec (JSON)', aliases: [] },
    {
      name: 'unit',
      type: oneOf(RANDOMISATION_UNITS),
      required: true,
      description: 'Randomisation unit: customer, rep or district',
      aliases: [],
    },
    {
      name: 'start_date',
      type: date,
      required: true,
      description: 'First day of the treatment',
      aliases: [],
    },
    { name: 'created_by', type: text, required: true, description: 'Who created it', aliases: [] },
    { name: 'created_at', type: timestamp, required: true, description: 'When created', aliases: [] },
    {
      name: 'assigned_at',
      type: timestamp,
      required: false,
      description: 'When the assignment was made and frozen (empty: not assigned yet)',
      aliases: [],
    },
    {
      name: 'assignment_run_id',
      type: text,
      required: false,
      description: 'Tiering run whose tiers defined the population and the tier strata',
      aliases: [],
    },
  ],
};

export const experimentAssignments: TableDef = {
  name: 'experiment_assignments',
  title: 'Experiment assignments',
  origin: 'stratum (`stratum experiment assign`; written once per experiment, never changed)',
  description:
    'The frozen assignment of an experiment: each customer of the population with its randomisation unit (the customer, its rep or its district), its stratum and its variant.',
  primaryKey: ['experiment_id', 'customer_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'experiment_id', type: text, required: true, description: 'Experiment', aliases: [] },
    { name: 'customer_id', type: text, required: true, description: 'Surviving customer id', aliases: [] },
    {
      name: 'unit_id',
      type: text,
      required: true,
      description: 'Randomisation unit: the customer id, the rep id or city/district',
      aliases: [],
    },
    {
      name: 'stratum',
      type: text,
      required: true,
      description: 'Stratum the unit was randomised in (tier and city)',
      aliases: [],
    },
    { name: 'variant', type: text, required: true, description: 'Variant name', aliases: [] },
  ],
};
