import { type INestApplication, ParseUUIDPipe, type Type } from '@nestjs/common';
import { METHOD_METADATA, PARAMTYPES_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import {
  DocumentBuilder,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { ACCESS_METADATA, type RouteAccess } from '../auth/auth.decorators';
import { type DtoClass, RequestSchemas } from './openapi-requests';
import generated from './openapi-responses.json';

export const API_DOCS_PATH = 'api/docs';

type ErrorStatus = 400 | 401 | 403 | 404 | 408 | 409 | 413 | 415 | 422 | 429 | 503;

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'Invalid request: `VALIDATION_FAILED` with each field and its reasons in `details` (`[{ field, reasons }]`), or `MALFORMED_JSON`.',
  401: 'Not signed in, or the access token is invalid, expired or revoked.',
  403: 'The role in the active organization does not allow this.',
  404: 'No such resource in the active organization (also the answer for another organization’s ids).',
  408: 'The upload did not arrive in full within `UPLOAD_TIMEOUT_MS` (`REQUEST_TIMEOUT`); the connection is closed.',
  409: 'The current state forbids it.',
  413: 'The body is larger than the accepted limit (`PAYLOAD_TOO_LARGE`).',
  415: 'The file type is not accepted.',
  422: 'A domain rule is not met.',
  429: 'Too many attempts: wait for the seconds in `Retry-After`.',
  503: 'A dependency (database, Redis) is briefly unavailable: retry after the seconds in `Retry-After`.',
};

/**
 * Errors that depend on what a route does, beyond those every route of its kind has (400 for
 * input, 401/403 for protected routes, 404 for ids in the path, 413 for bodies, 503 for all but
 * liveness). Keyed by operation id; a test checks that every key names a route.
 */
const ROUTE_ERRORS: Record<string, Partial<Record<ErrorStatus, string>>> = {
  AuthController_register: { 409: 'An account with this email already exists (`EMAIL_TAKEN`).', 429: ERROR_DESCRIPTIONS[429] },
  AuthController_login: { 401: 'Wrong email or password (`INVALID_CREDENTIALS`).', 429: 'Too many failed sign-ins (`TOO_MANY_ATTEMPTS`): wait for the seconds in `Retry-After`.' },
  AuthController_refresh: { 401: 'No valid refresh cookie (`INVALID_REFRESH_TOKEN`).' },
  AuthController_switchOrganization: { 404: 'Not a member of that organization (`NOT_A_MEMBER`).' },
  AuthController_changePassword: { 429: ERROR_DESCRIPTIONS[429] },
  OrganizationsController_acceptWithNewAccount: {
    409: 'The address already has an account (`EMAIL_TAKEN`): sign in as it and accept with POST /me/invitations/{token}/accept.',
    429: ERROR_DESCRIPTIONS[429],
  },
  OrganizationsController_acceptAsSignedIn: {
    403: 'The invitation is addressed to another account (`INVITATION_FOR_ANOTHER_ACCOUNT`).',
    409: 'Already a member of this organization (`ALREADY_MEMBER`).',
  },
  OrganizationsController_changeRole: { 409: 'The organization would lose its last owner (`LAST_OWNER`).' },
  OrganizationsController_remove: { 409: 'The organization would lose its last owner (`LAST_OWNER`).' },
  AssessmentsController_updateProfile: { 409: 'The assessment is submitted (`ALREADY_SUBMITTED`).' },
  AssessmentsController_putAnswer: {
    409: '`STALE_VERSION`: `details.current` is the stored answer; or `ALREADY_SUBMITTED`.',
  },
  AssessmentsController_submit: {
    409: 'The assessment is submitted already (`ALREADY_SUBMITTED`).',
    422: '`MISSING_ANSWERS`: `details.missing` lists the required questions not answered.',
  },
  AssessmentsController_newCycle: { 409: 'The assessment has never been submitted (`NOT_SUBMITTED`).' },
  CollaborationController_assign: { 409: 'The assessment is submitted (`ALREADY_SUBMITTED`).' },
  CollaborationController_comment: { 409: 'The assessment is submitted (`ALREADY_SUBMITTED`).' },
  RequirementStatusesController_set: { 409: '`STALE_VERSION`: `details.current` is the stored status; or `ALREADY_SUBMITTED`.' },
  RequirementStatusesController_clear: { 409: '`STALE_VERSION`: `details.current` is the stored status; or `ALREADY_SUBMITTED`.' },
  EvidenceController_upload: {
    409: 'The assessment is submitted (`ALREADY_SUBMITTED`).',
    413: 'The file is over the size limit or the organization’s quota.',
    415: 'The content is not one of the accepted types (recognised from the bytes).',
    408: ERROR_DESCRIPTIONS[408],
  },
  EvidenceController_addLink: { 409: 'The assessment is submitted (`ALREADY_SUBMITTED`).' },
  EvidenceController_remove: { 409: 'The assessment is submitted (`ALREADY_SUBMITTED`).' },
  ScoringController_score: { 409: 'A draft never submitted has no score (`NOT_SUBMITTED`): use preview-score.' },
  AssessmentReportsController_request: { 409: 'The latest submission is not scored yet, or there is none.' },
  ReportsController_file: { 409: 'The report is not ready yet.' },
  ReportsController_verifyUpload: { 408: ERROR_DESCRIPTIONS[408], 413: 'The file is larger than a report may be.', 429: ERROR_DESCRIPTIONS[429] },
};

/** Routes whose 503 answer is not the error shape. */
const OWN_UNAVAILABLE: Record<string, ResponseObject> = {
  HealthController_readiness: {
    description: 'PostgreSQL or Redis is unreachable.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ReadinessResponse' } } },
  },
};
/** Liveness answers from the process alone, never 503. */
const NEVER_UNAVAILABLE = new Set(['HealthController_liveness']);

const SUCCESS_DESCRIPTIONS: Record<string, string> = { '200': 'OK', '201': 'Created', '202': 'Accepted', '204': 'No content' };

interface RouteArgument {
  kind: RouteParamtypes;
  name: string | undefined;
  type: unknown;
  pipes: unknown[];
}

interface Route {
  operationId: string;
  access: RouteAccess | undefined;
  args: RouteArgument[];
}

/** Serves the OpenAPI document and its UI at /api/docs, when enabled (`API_DOCS_ENABLED`). */
export function setupApiDocs(app: INestApplication, enabled: boolean): void {
  if (!enabled) return;
  SwaggerModule.setup(API_DOCS_PATH, app, buildOpenApiDocument(app), { jsonDocumentUrl: `${API_DOCS_PATH}/openapi.json` });
}

/**
 * The API's OpenAPI 3.0 document. Nest's explorer gives the paths, operations and success codes;
 * request schemas come from the DTOs' class-validator rules (the ones the validation pipe
 * enforces), success bodies from the return types the controllers declare (generated into
 * openapi-responses.json), and errors from each route's access rule and inputs.
 */
export function buildOpenApiDocument(app: INestApplication, requests = new RequestSchemas()): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Beacon API')
      .setDescription(
        'Child-safety compliance self-assessment: frameworks, assessments, scores, reports. ' +
          'Every error answers `{ code, message, details?, correlationId }` (the `ErrorResponse` schema). ' +
          'A field refused by a domain rule (`INVALID_ANSWER`, `INVALID_REQUIREMENT_STATUS`, `WEAK_PASSWORD`) is a ' +
          '`DomainFieldProblem` with the exact `code` and its `params`; its message and reason are in the language of ' +
          '`Accept-Language` (English or French, English by default).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  const operations = new Map<string, OperationObject>();
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      if (operation?.operationId) operations.set(operation.operationId, operation);
    }
  }
  for (const route of routesOf(app)) {
    const operation = operations.get(route.operationId);
    if (!operation) continue; // excluded from the document
    describeInputs(operation, route, requests);
    describeSuccess(operation, route.operationId);
    describeErrors(operation, route);
  }
  const responseSchemas = generated.schemas as Record<string, SchemaObject>;
  for (const name of Object.keys(requests.components)) {
    if (name in responseSchemas) throw new Error(`OpenAPI: ${name} names both a request DTO and a response type`);
  }
  document.components = { ...document.components, schemas: { ...responseSchemas, ...requests.components } };
  return document;
}

/** Every controller method of the application with its operation id, access rule and arguments. */
function routesOf(app: INestApplication): Route[] {
  const routes: Route[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (method === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        routes.push({
          operationId: `${controller.name}_${method}`,
          access: (Reflect.getMetadata(ACCESS_METADATA, handler) ?? Reflect.getMetadata(ACCESS_METADATA, controller)) as RouteAccess | undefined,
          args: routeArguments(controller, method),
        });
      }
    }
  }
  return routes;
}

function routeArguments(controller: Type, method: string): RouteArgument[] {
  const metadata = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number; data?: unknown; pipes?: unknown[] }>;
  const types = (Reflect.getMetadata(PARAMTYPES_METADATA, controller.prototype as object, method) ?? []) as unknown[];
  return Object.entries(metadata).flatMap(([key, { index, data, pipes }]) => {
    const kind = Number(key.split(':')[0]);
    if (Number.isNaN(kind)) return []; // a custom decorator (@CurrentAuth, @ClientAddress)
    return [{ kind, name: typeof data === 'string' ? data : undefined, type: types[index], pipes: pipes ?? [] }];
  });
}

function isDto(type: unknown): type is DtoClass {
  return typeof type === 'function' && getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
}

function describeInputs(operation: OperationObject, route: Route, requests: RequestSchemas): void {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  for (const arg of route.args) {
    if (arg.kind === RouteParamtypes.PARAM && arg.name !== undefined) {
      const parameter = parameters.find((p) => p.in === 'path' && p.name === arg.name);
      if (parameter && arg.pipes.some((p) => p instanceof ParseUUIDPipe)) parameter.schema = { type: 'string', format: 'uuid' };
    } else if ((arg.kind === RouteParamtypes.PARAM || arg.kind === RouteParamtypes.QUERY) && isDto(arg.type)) {
      const location = arg.kind === RouteParamtypes.PARAM ? 'path' : 'query';
      for (const parameter of requests.parameters(arg.type, location)) {
        const at = parameters.findIndex((p) => p.in === location && p.name === parameter.name);
        if (at >= 0) parameters.splice(at, 1);
        parameters.push(parameter);
      }
    } else if (arg.kind === RouteParamtypes.BODY && arg.name === undefined && isDto(arg.type)) {
      const schema = requests.ref(arg.type);
      const body = operation.requestBody as { content?: Record<string, unknown> } | undefined;
      // A multipart upload keeps the schema its @ApiBody gives (the file part and the text fields).
      if (!body?.content?.['multipart/form-data']) operation.requestBody = { required: true, content: { 'application/json': { schema } } };
    }
  }
  const order = { path: 0, query: 1, header: 2, cookie: 3 };
  if (parameters.length > 0) operation.parameters = parameters.sort((a, b) => order[a.in] - order[b.in]);
}

function describeSuccess(operation: OperationObject, operationId: string): void {
  const routes = generated.routes as Record<string, Record<string, SchemaObject | ReferenceObject> | null | undefined>;
  const body = routes[operationId];
  const status = Object.keys(operation.responses).find((code) => code.startsWith('2'));
  if (!status) throw new Error(`OpenAPI: no success status for ${operationId}`);
  const response = operation.responses[status] as ResponseObject;
  response.description ||= SUCCESS_DESCRIPTIONS[status] ?? 'Success';
  // A route newer than openapi-responses.json gets no body schema; its spec test says to regenerate.
  if (body) response.content = Object.fromEntries(Object.entries(body).map(([mediaType, schema]) => [mediaType, { schema }]));
  else if (body === null) delete response.content;
}

function describeErrors(operation: OperationObject, route: Route): void {
  const statuses = new Map<ErrorStatus, string>();
  const hasInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
  if (hasInput) statuses.set(400, ERROR_DESCRIPTIONS[400]);
  if (route.access?.kind !== 'public') statuses.set(401, ERROR_DESCRIPTIONS[401]);
  if (route.access?.kind === 'permission') statuses.set(403, ERROR_DESCRIPTIONS[403]);
  if (((operation.parameters ?? []) as ParameterObject[]).some((p) => p.in === 'path')) statuses.set(404, ERROR_DESCRIPTIONS[404]);
  if (operation.requestBody !== undefined) statuses.set(413, ERROR_DESCRIPTIONS[413]);
  if (!NEVER_UNAVAILABLE.has(route.operationId)) statuses.set(503, ERROR_DESCRIPTIONS[503]);
  for (const [status, description] of Object.entries(ROUTE_ERRORS[route.operationId] ?? {})) statuses.set(Number(status) as ErrorStatus, description);

  if (route.access?.kind === 'public') delete operation.security;
  else operation.security = [{ bearer: [] }];
  // Any one of these permissions of the caller's role in the active organization lets the call through.
  if (route.access?.kind === 'permission') Object.assign(operation, { 'x-permissions': [...route.access.anyOf] });
  for (const status of [...statuses.keys()].sort((a, b) => a - b)) {
    const own = status === 503 ? OWN_UNAVAILABLE[route.operationId] : undefined;
    const existing = operation.responses[String(status)] as ResponseObject | undefined;
    operation.responses[String(status)] = own ?? {
      description: existing?.description || statuses.get(status)!,
      ...(status === 429 || status === 503 ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } } } : {}),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
    };
  }
}

/** Operation ids that `ROUTE_ERRORS` and `OWN_UNAVAILABLE` name, for the test that keeps them current. */
export const DESCRIBED_OPERATION_IDS = [...Object.keys(ROUTE_ERRORS), ...Object.keys(OWN_UNAVAILABLE), ...NEVER_UNAVAILABLE];
