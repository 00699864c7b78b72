import 'reflect-metadata';
import { CreateAssessmentDto, PutAnswerDto } from '@beacon/contracts';
import { IsHash } from 'class-validator';
import { generateKeyPairSync } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { parseEnvironment } from '../config/environment';
import { RequestSchemas } from './openapi-requests';

describe('request schemas from class-validator rules', () => {
  it('describes a DTO with its rules, its required fields, nested DTOs as components and no other field', () => {
    const requests = new RequestSchemas();
    expect(requests.ref(CreateAssessmentDto)).toEqual({ $ref: '#/components/schemas/CreateAssessmentDto' });
    expect(requests.components['CreateAssessmentDto']).toEqual({
      type: 'object',
      properties: {
        title: { type: 'string', minLength: 2, maxLength: 200 },
        frameworks: { type: 'array', minItems: 1, maxItems: 10, items: { $ref: '#/components/schemas/FrameworkRefDto' } },
        profile: { type: 'object' },
      },
      required: ['title', 'frameworks', 'profile'],
      additionalProperties: false,
    });
    expect(requests.components['FrameworkRefDto']).toMatchObject({ required: ['slug', 'version'], properties: { slug: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } } });
  });

  it('leaves a value of any type open, and lets optional fields be null', () => {
    expect(new RequestSchemas().object(PutAnswerDto)).toEqual({
      type: 'object',
      properties: {
        value: {},
        note: { type: 'string', maxLength: 5000, nullable: true },
        expectedVersion: { type: 'integer', minimum: 0, maximum: 2147483647 },
      },
      required: ['value', 'expectedVersion'],
      additionalProperties: false,
    });
  });

  it('lists a rule it cannot describe, so the document test fails rather than silently publishing a looser schema', () => {
    class WithHash {
      @IsHash('sha256')
      digest!: string;
    }
    const requests = new RequestSchemas();
    requests.object(WithHash);
    expect(requests.undescribed).toEqual(['WithHash.digest: isHash']);
  });
});

describe('API_DOCS_ENABLED', () => {
  // The API's configuration needs its two secrets whatever the mode (there is no built-in one).
  const base = { DATABASE_URL: 'postgres://app@127.0.0.1:5432/beacon', JWT_SECRET: 'x'.repeat(32), REPORT_SIGNING_KEY: signingKey() };
  const enabled = (env: Record<string, string>) => new AppConfig(parseEnvironment({ ...base, ...env })).apiDocsEnabled;

  it('is on by default outside production and can be turned off', () => {
    expect(enabled({})).toBe(true);
    expect(enabled({ NODE_ENV: 'test' })).toBe(true);
    expect(enabled({ API_DOCS_ENABLED: 'false' })).toBe(false);
  });

  it('is off by default in production and can be turned on', () => {
    const production = { NODE_ENV: 'production' };
    expect(enabled(production)).toBe(false);
    expect(enabled({ ...production, API_DOCS_ENABLED: 'true' })).toBe(true);
  });

  it('refuses a value other than true or false', () => {
    expect(() => enabled({ API_DOCS_ENABLED: 'yes' })).toThrow(/API_DOCS_ENABLED/);
  });
});

function signingKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
