import { readFile } from 'node:fs/promises';
import { stratumError } from '../../contracts/errors.js';
import type { TieringConfig } from '../../contracts/tiering/config.js';
import type { Engine, Row } from '../../engines/engine.js';
import {
  activateConfigVersionSql,
  activeConfigVersionSql,
  deactivateConfigVersionsSql,
  getConfigVersionSql,
  insertConfigVersionSql,
  listConfigVersionsSql,
  maxConfigVersionSql,
} from '../../sql/configs/config-versions-sql.js';
import { canonicalJson, sha256 } from '../tiering/config-hash.js';
import { defaultTieringConfigPath, parseTieringConfig } from '../tiering/load-config.js';

/** A saved tiering configuration, as listed (without its text). */
export interface ConfigVersionSummary {
  readonly version: number;
  readonly configHash: string;
  readonly comment: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly activatedAt: string | null;
  readonly active: boolean;
}

export interface ConfigVersion extends ConfigVersionSummary {
  readonly yaml: string;
}

/** The label validation messages give the text: the name of the API field that carries it. */
export const CONFIG_TEXT_LABEL = 'yaml';

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toSummary(r: Row): ConfigVersionSummary {
  return {
    version: Number(r.version),
    configHash: String(r.config_hash),
    comment: str(r.comment),
    createdBy: String(r.created_by),
    createdAt: String(r.created_at),
    activatedAt: str(r.activated_at),
    active: r.active === true,
  };
}

const toVersion = (r: Row): ConfigVersion => ({ ...toSummary(r), yaml: String(r.yaml) });

/**
 * Version 1 from config/tiering.default.yaml, active, when no version exists yet: until someone saves one, the
 * default file is the active configuration. Idempotent.
 */
export async function seedConfigVersions(engine: Engine, now: Date): Promise<void> {
  const d = engine.dialect;
  const [max] = await engine.all(maxConfigVersionSql());
  if (Number(max?.version ?? 0) > 0) return;
  const file = defaultTieringConfigPath();
  const yaml = await readFile(file, 'utf8');
  const config = parseTieringConfig(yaml, file);
  await engine.transaction(async (tx) => {
    const [again] = await tx.all(maxConfigVersionSql());
    if (Number(again?.version ?? 0) > 0) return;
    await tx.run(
      insertConfigVersionSql(d, {
        version: 1,
        configHash: sha256(canonicalJson(config)),
        yaml,
        comment: 'config/tiering.default.yaml',
        createdBy: 'system',
        createdAt: now.toISOString(),
        activatedAt: now.toISOString(),
      }),
    );
  });
}

/** Every version, newest first. */
export async function listConfigVersions(engine: Engine, now: Date): Promise<ConfigVersionSummary[]> {
  await seedConfigVersions(engine, now);
  return (await engine.all(listConfigVersionsSql())).map(toSummary);
}

export async function getConfigVersion(engine: Engine, version: number, now: Date): Promise<ConfigVersion> {
  await seedConfigVersions(engine, now);
  const [row] = await engine.all(getConfigVersionSql(engine.dialect, version));
  if (!row)
    throw stratumError('NOT_FOUND', `no configuration version ${version}`, {
      what: 'config version',
      id: String(version),
    });
  return toVersion(row);
}

export async function activeConfigVersion(engine: Engine, now: Date): Promise<ConfigVersion> {
  await seedConfigVersions(engine, now);
  const [row] = await engine.all(activeConfigVersionSql());
  if (!row)
    throw stratumError('NOT_FOUND', 'no active configuration version', {
      what: 'config version',
      id: '(active)',
    });
  return toVersion(row);
}

/** The validated configuration of a saved version. */
export const versionConfig = (v: ConfigVersion): TieringConfig =>
  parseTieringConfig(v.yaml, `config version ${v.version}`);

export interface SaveConfigRequest {
  readonly yaml: string;
  readonly comment: string | null;
  readonly author: string;
}

/**
 * Validates `yaml` (CONFIG_INVALID names every key path at fault) and saves it as the next version, inactive:
 * runs keep using the active version until this one is activated.
 */
export async function saveConfigVersion(
  engine: Engine,
  request: SaveConfigRequest,
  now: Date,
): Promise<ConfigVersion> {
  const config = parseTieringConfig(request.yaml, CONFIG_TEXT_LABEL);
  await seedConfigVersions(engine, now);
  const d = engine.dialect;
  const version = await engine.transaction(async (tx) => {
    const [max] = await tx.all(maxConfigVersionSql());
    const next = Number(max?.version ?? 0) + 1;
    await tx.run(
      insertConfigVersionSql(d, {
        version: next,
        configHash: sha256(canonicalJson(config)),
        yaml: request.yaml,
        comment: request.comment,
        createdBy: request.author,
        createdAt: now.toISOString(),
        activatedAt: null,
      }),
    );
    return next;
  });
  return getConfigVersion(engine, version, now);
}

/** Makes `version` the one active version (the others are deactivated in the same transaction). */
export async function activateConfigVersion(
  engine: Engine,
  version: number,
  now: Date,
): Promise<ConfigVersion> {
  const target = await getConfigVersion(engine, version, now);
  versionConfig(target); // a version saved under an older schema may no longer be valid: refuse it here
  const d = engine.dialect;
  await engine.transaction(async (tx) => {
    await tx.run(deactivateConfigVersionsSql());
    await tx.run(activateConfigVersionSql(d, version, now.toISOString()));
  });
  return getConfigVersion(engine, version, now);
}
