import { renderReportPayloadProblems } from './render-report.handler';

describe('renderReportPayloadProblems', () => {
  it('accepts ids only and names every bad field', () => {
    const ok = { organizationId: '3f1c9a52-7d4e-4b8a-9c1e-2f6a8b0d4e71', reportId: '9a7e4c21-0b3d-4f6a-8e2c-5d1b7f9a3c60', correlationId: 'c-1' };
    expect(renderReportPayloadProblems(ok)).toEqual([]);
    expect(renderReportPayloadProblems(null)).toEqual(['payload is not an object']);
    expect(renderReportPayloadProblems({ ...ok, reportId: 'x', correlationId: '' })).toEqual(['correlationId must be a non-empty string', 'reportId must be a UUID']);
    expect(renderReportPayloadProblems({ correlationId: 'c' })).toEqual(['organizationId must be a UUID', 'reportId must be a UUID']);
  });
});
