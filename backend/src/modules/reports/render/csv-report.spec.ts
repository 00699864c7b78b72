import { fixtureModel, HOSTILE_NOTE } from '../reports.test-fixtures';
import { CSV_COLUMNS, csvCell, renderCsvReport } from './csv-report';

/** A strict RFC 4180 reader (CRLF records, doubled quotes), to read the CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('last record does not end with CRLF');
  return rows;
}

describe('CSV report', () => {
  it('quotes per RFC 4180 and neutralises cells a spreadsheet would run', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('has one row per requirement, CRLF line ends, and the hostile note neutralised', () => {
    const model = fixtureModel('en');
    const bytes = renderCsvReport(model);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const requirements = model.frameworks.flatMap((f) => f.requirements);
    expect(rows).toHaveLength(1 + requirements.length);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    // No cell of the file starts a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const notes = rows.map((r) => r[CSV_COLUMNS.indexOf('notes')]!);
    const hostile = notes.find((n) => n.includes('HYPERLINK'));
    expect(hostile).toBeDefined();
    // The note is inside its cell as text, never a cell of its own that a spreadsheet would run.
    expect(rows.flat().filter((cell) => cell === HOSTILE_NOTE)).toEqual([]);
    const first = rows[1]!;
    expect(first[CSV_COLUMNS.indexOf('requirement_key')]).toBe(requirements[0]!.key);
    expect(first[CSV_COLUMNS.indexOf('score_percent')]).toBe(requirements[0]!.score === null ? '' : requirements[0]!.score.toFixed(1));
  });

  it('neutralises a note that is the whole cell', () => {
    const model = fixtureModel('fr');
    const requirement = model.frameworks[0]!.requirements[0]!;
    requirement.questions = [{ ...requirement.questions[0]!, note: null }];
    requirement.justification = null;
    requirement.recommendation = HOSTILE_NOTE;
    const rows = parseCsv(renderCsvReport(model).toString('utf8').slice(1));
    expect(rows[1]![CSV_COLUMNS.indexOf('recommendation')]).toBe(`'${HOSTILE_NOTE}`);
  });
});
