import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject, OperationObject, ParameterObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI } from 'openapi-types';
import { http, startApi } from '../../../test/harness';
import { buildOpenApiDocument, DESCRIBED_OPERATION_IDS } from './openapi';
import { RequestSchemas } from './openapi-requests';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ERROR_REF = { $ref: '#/components/schemas/ErrorResponse' };

function operationsOf(document: OpenAPIObject): [string, OperationObject][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [[`${method.toUpperCase()} ${path}`, item[method]] as [string, OperationObject]] : [])),
  );
}

describe('OpenAPI document (real PostgreSQL and Redis)', () => {
  let api: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    api = await startApi();
    document = (await http(api).get('/api/docs/openapi.json').expect(200)).body as OpenAPIObject;
  });
  afterAll(async () => {
    await api.close();
  });

  it('is a valid OpenAPI 3.0 document (swagger-parser: schema and spec rules, every $ref resolved)', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as OpenAPI.Document)).resolves.toBeDefined();
    expect(document.openapi).toMatch(/^3\.0\./);
  });

  it('describes every request body, path and query parameter with a real schema', () => {
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {}) as [string, SchemaObject][]) {
      if (schema.type === 'object' && !schema.additionalProperties) expect([name, Object.keys(schema.properties ?? {}).length]).not.toEqual([name, 0]);
    }
    const create = document.components?.schemas?.['CreateAssessmentDto'] as SchemaObject;
    expect(create.required).toEqual(['title', 'frameworks', 'profile']);
    expect(create.additionalProperties).toBe(false);

    const version = document.paths['/api/v1/frameworks/{slug}/versions/{version}']!.get!;
    expect(version.parameters).toEqual([
      { name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } },
      { name: 'version', in: 'path', required: true, schema: { type: 'string', pattern: '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?$' } },
      { name: 'locale', in: 'query', required: false, schema: { type: 'string', enum: ['en', 'fr'] } },
    ]);
    const clear = document.paths['/api/v1/assessments/{id}/requirements/{requirementKey}/status']!.delete!;
    expect(clear.parameters).toEqual(
      expect.arrayContaining([
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        expect.objectContaining({ name: 'expectedVersion', in: 'query', required: true, schema: { type: 'integer', minimum: 1, maximum: 2147483647 } }),
      ]),
    );
    for (const [key, operation] of operationsOf(document)) {
      const inPath = [...key.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect([key, ((operation.parameters ?? []) as ParameterObject[]).filter((p) => p.in === 'path').map((p) => p.name).sort()]).toEqual([key, inPath]);
      for (const parameter of (operation.parameters ?? []) as ParameterObject[]) expect([key, parameter.name, parameter.schema]).toEqual([key, parameter.name, expect.anything()]);
      const body = operation.requestBody as { content: Record<string, { schema: unknown }> } | undefined;
      if (body) expect([key, Object.values(body.content)[0]?.schema]).toEqual([key, expect.anything()]);
    }
  });

  it('gives every route its success body and its errors in the one error shape', () => {
    for (const [key, operation] of operationsOf(document)) {
      const statuses = Object.keys(operation.responses);
      const success = statuses.filter((s) => s.startsWith('2'));
      expect([key, success.length]).toEqual([key, 1]);
      const ok = operation.responses[success[0]!] as ResponseObject;
      if (success[0] !== '204') expect([key, ok.content]).toEqual([key, expect.any(Object)]);
      if (key !== 'GET /api/v1/health') expect([key, statuses]).toEqual([key, expect.arrayContaining(['503'])]);
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        if (key === 'GET /api/v1/ready') continue;
        expect([key, status, (operation.responses[status] as ResponseObject).content?.['application/json']?.schema]).toEqual([key, status, ERROR_REF]);
      }
      const hasInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
      if (hasInput) expect([key, statuses]).toEqual([key, expect.arrayContaining(['400'])]);
    }
    const error = document.components?.schemas?.['ErrorResponse'] as SchemaObject;
    expect(error.required).toEqual(['code', 'message', 'correlationId']);
    expect(Object.keys(error.properties ?? {})).toEqual(['code', 'message', 'details', 'correlationId']);

    const submit = document.paths['/api/v1/assessments/{id}/submit']!.post!;
    expect(Object.keys(submit.responses)).toEqual(['201', '400', '401', '403', '404', '409', '413', '422', '503']);
    expect(((submit.responses['201'] as ResponseObject).content!['application/json']!.schema)).toEqual({ $ref: '#/components/schemas/SubmissionResponse' });
    const login = document.paths['/api/v1/auth/login']!.post!;
    expect(Object.keys(login.responses)).toEqual(['200', '400', '401', '413', '429', '503']);
    expect(login.security).toBeUndefined();
    expect(document.paths['/api/v1/me']!.get!.security).toEqual([{ bearer: [] }]);
  });

  it('describes every class-validator rule of every request DTO', () => {
    const requests = new RequestSchemas();
    buildOpenApiDocument(api, requests);
    expect(requests.undescribed).toEqual([]);
  });

  it('names only routes that exist in its per-route error table', () => {
    const ids = new Set(operationsOf(document).map(([, operation]) => operation.operationId));
    expect(DESCRIBED_OPERATION_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('is not served when API_DOCS_ENABLED=false', async () => {
    const closed = await startApi({ API_DOCS_ENABLED: 'false' });
    try {
      await http(closed).get('/api/docs').expect(404);
      await http(closed).get('/api/docs/openapi.json').expect(404);
      await http(closed).get('/api/v1/health').expect(200);
    } finally {
      await closed.close();
    }
  });
});
