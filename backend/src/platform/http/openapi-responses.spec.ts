import { readFileSync } from 'node:fs';
import { generateResponseSchemas, RESPONSES_FILE, writeResponseSchemas } from '../../../test/openapi-response-schemas';

describe('openapi-responses.json', () => {
  it('matches the return types the controllers declare (npm run openapi:responses writes it again)', () => {
    if (process.env['UPDATE_OPENAPI_RESPONSES'] === '1') writeResponseSchemas();
    const committed: unknown = JSON.parse(readFileSync(RESPONSES_FILE, 'utf8'));
    expect(committed).toEqual(generateResponseSchemas());
  });
});
