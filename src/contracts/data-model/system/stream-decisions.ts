import { TIERS } from '../../tiering/tiers.js';
import { bool, date, int, oneOf, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';
import { tierSnapshots } from './tier-snapshots.js';

/** The snapshot's columns from the attributes on (run_id and customer_id are declared with their stream meaning). */
const SNAPSHOT_COLUMNS = tierSnapshots.columns.filter((c) => c.name !== 'run_id' && c.name !== 'customer_id');

export const streamDecisions: TableDef = {
  name: 'stream_decisions',
  title: 'Stream decisions',
  origin: 'stratum (one row per customer per batch of events that changed its data)',
  description:
    'What the stream decided about a customer between batch runs, with the event that caused it: the same columns as a tier snapshot (features, scores, tier and why, tags, policy), rescored against the score cut-offs of `run_id`. The latest row of a customer under the latest run is its current state; rows with `changed` are its history.',
  primaryKey: ['customer_id', 'decision_no'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    {
      name: 'customer_id',
      type: text,
      required: true,
      description: 'Surviving customer id (or chain id)',
      aliases: [],
    },
    {
      name: 'decision_no',
      type: int,
      required: true,
      description: 'The customer’s decisions in order: 1, 2, … (one worker at a time decides for a customer)',
      aliases: [],
    },
    {
      name: 'cause_event_id',
      type: text,
      required: true,
      description: 'The event that caused the decision (the customer’s last of its batch)',
      aliases: [],
    },
    {
      name: 'decided_at',
      type: timestamp,
      required: true,
      description: 'When it was committed',
      aliases: [],
    },
    {
      name: 'run_id',
      type: text,
      required: true,
      description: 'The batch run whose normalisation and score cut-offs it used',
      aliases: [],
    },
    { name: 'as_of', type: date, required: true, description: 'The day its features are as of', aliases: [] },
    {
      name: 'from_tier',
      type: oneOf(TIERS),
      required: false,
      description: 'Tier before the decision',
      aliases: [],
    },
    {
      name: 'changed',
      type: bool,
      required: true,
      description: 'Whether the tier, a tag or the policy changed (the rows of the customer’s history)',
      aliases: [],
    },
    {
      name: 'events',
      type: text,
      required: true,
      description:
        'The events it sent (tier.changed, tag.added, tag.removed) as a JSON array: sent again if a redelivery finds the decision committed',
      aliases: [],
    },
    ...SNAPSHOT_COLUMNS,
  ],
};
