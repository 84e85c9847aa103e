/**
 * `/api/openapi.json`: an OpenAPI 3.1 document built from the route table and the same zod schemas
 * that validate requests, with the export contract's item schemas as components.
 */
import { z } from 'zod';
import * as contract from '../model/export.js';
import type { ApiRoute } from './route.js';

function jsonSchema(s: z.ZodType): unknown {
  return z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
}

function parameters(schema: z.ZodObject | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || !s.safeParse(undefined).success,
    schema: jsonSchema(s),
  }));
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** The OpenAPI document for `routes` plus the ingest endpoint. */
export function openapi(routes: ApiRoute[], version: string): unknown {
  const paths: Record<string, unknown> = {};
  for (const r of routes) {
    paths[r.url.replace(/:(\w+)/g, '{$1}')] = {
      get: {
        summary: r.summary,
        parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
        responses: {
          200: { description: r.returns, headers: { ETag: { schema: { type: 'string' } } } },
          304: { description: 'Not modified (If-None-Match matched the ETag)' },
          400: errorResponse('A parameter is missing, unknown or invalid; the message names each one'),
          404: errorResponse('No such item'),
          429: errorResponse('Too many requests'),
        },
      },
    };
  }
  paths['/api/health'] = {
    get: { summary: 'Liveness: the number of documents in the snapshot being served and when it was built.', responses: { 200: { description: '{status, documents, snapshotBuiltAt}' } } },
  };
  paths['/api/ingest'] = {
    post: {
      summary: 'Ingest uploaded files (multipart/form-data, fields `file`) and/or URLs (`url` fields, or JSON {"urls": [...]}).',
      security: [{ bearer: [] }],
      responses: {
        200: { description: '{read, new, duplicate, unchanged, rejected, rejections [{skipped, reason}]}' },
        400: errorResponse('Nothing to ingest, or an invalid URL'),
        401: errorResponse('Missing or wrong token'),
        403: errorResponse('Writes are disabled (no --token)'),
        413: errorResponse('Upload too large'),
      },
    },
  };
  const schemas: Record<string, unknown> = {
    Error: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' } } },
  };
  for (const [name, s] of Object.entries({
    Document: contract.exportDocument, Entity: contract.exportEntity, Time: contract.exportTime, Quote: contract.exportQuote,
    Claim: contract.exportClaim, Event: contract.exportEvent, Story: contract.exportStory, Contradiction: contract.exportContradiction,
  })) schemas[name] = jsonSchema(s);
  return {
    openapi: '3.1.0',
    info: { title: 'Parley API', version, description: 'Read-only views of the Parley store; items follow export contract v1.' },
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
