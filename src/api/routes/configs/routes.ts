import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { defaultAsOf } from '../../../app/jobs/default-as-of.js';
import { z } from 'zod';
import {
  activateConfigVersion,
  activeConfigVersion,
  getConfigVersion,
  listConfigVersions,
  saveConfigVersion,
} from '../../../app/configs/config-versions.js';
import { validateConfigText } from '../../../app/configs/validate-config.js';
import { whatIfVersion } from '../../../app/configs/what-if-version.js';
import { whatIfAsOf } from '../../../app/tiering/what-if.js';
import {
  ConfigVersionSchema,
  ConfigVersionSummarySchema,
  SaveConfigBody,
  ValidateConfigBody,
  ValidationSchema,
  VersionParams,
  WhatIfBody,
  WhatIfSchema,
} from './schemas.js';

/**
 * Tiering configuration versions: save (validated), list, read, validate, activate, and what-if against the
 * active version. Until a version is saved, version 1 is config/tiering.default.yaml.
 */
export const configsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine, timeZone, now } = app.deps;
  const tags = ['configs'];

  app.get(
    '/',
    {
      preHandler: app.requirePermission('configs.read'),
      schema: {
        tags,
        summary: 'Configuration versions, newest first',
        response: { 200: z.object({ items: z.array(ConfigVersionSummarySchema) }) },
      },
    },
    async () => ({ items: await listConfigVersions(engine, now()) }),
  );

  app.get(
    '/active',
    {
      preHandler: app.requirePermission('configs.read'),
      schema: { tags, summary: 'The active version', response: { 200: ConfigVersionSchema } },
    },
    async () => activeConfigVersion(engine, now()),
  );

  app.get(
    '/:version',
    {
      preHandler: app.requirePermission('configs.read'),
      schema: {
        tags,
        summary: 'One version with its YAML',
        params: VersionParams,
        response: { 200: ConfigVersionSchema },
      },
    },
    async (request) => getConfigVersion(engine, request.params.version, now()),
  );

  app.post(
    '/',
    {
      preHandler: app.requirePermission('configs.write'),
      schema: {
        tags,
        summary: 'Save a configuration as the next version (inactive until activated)',
        description: 'CONFIG_INVALID (400) lists every problem as `key.path: message` in details.issues.',
        body: SaveConfigBody,
        response: { 201: ConfigVersionSchema },
      },
    },
    async (request, reply) => {
      const saved = await saveConfigVersion(
        engine,
        {
          yaml: request.body.yaml,
          comment: request.body.comment ?? null,
          author: request.principal?.name ?? 'unknown',
        },
        now(),
      );
      await app.audit(request, {
        action: 'config.created',
        target: `version ${saved.version}`,
        details: { version: saved.version, configHash: saved.configHash, comment: saved.comment },
      });
      return reply.status(201).send(saved);
    },
  );

  app.post(
    '/validate',
    {
      preHandler: app.requirePermission('configs.read'),
      schema: {
        tags,
        summary: 'Validate a configuration without saving it',
        body: ValidateConfigBody,
        response: { 200: ValidationSchema },
      },
    },
    async (request) => validateConfigText(request.body.yaml),
  );

  app.post(
    '/:version/activate',
    {
      preHandler: app.requirePermission('configs.activate'),
      schema: {
        tags,
        summary: 'Make this version the active one (runs started from now on use it)',
        params: VersionParams,
        response: { 200: ConfigVersionSchema },
      },
    },
    async (request) => {
      const previous = await activeConfigVersion(engine, now());
      const activated = await activateConfigVersion(engine, request.params.version, now());
      await app.audit(request, {
        action: 'config.activated',
        target: `version ${activated.version}`,
        details: {
          version: activated.version,
          previousVersion: previous.version,
          configHash: activated.configHash,
        },
      });
      return activated;
    },
  );

  app.post(
    '/:version/whatif',
    {
      preHandler: app.requirePermission('whatif.run'),
      schema: {
        tags,
        summary: 'What-if: this version against the active one on the same data, without writing anything',
        params: VersionParams,
        body: WhatIfBody.nullish(),
        response: { 200: WhatIfSchema },
      },
    },
    async (request) => {
      const asOf = request.body?.asOf ?? (await whatIfAsOf(engine, defaultAsOf(timeZone, now())));
      return whatIfVersion(engine, request.params.version, asOf, now());
    },
  );
};
