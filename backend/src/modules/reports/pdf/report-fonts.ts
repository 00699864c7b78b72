import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ReportFonts {
  regular: Buffer;
  bold: Buffer;
}

const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/**
 * Where the embedded fonts are: next to this file (source tree, or a build that copied the
 * `fonts` folder), else the source tree seen from the compiled output (`dist/backend/backend/src/…`
 * → the repository's `backend/src/…`).
 */
export function reportFontDirectories(): string[] {
  return [join(__dirname, 'fonts'), resolve(__dirname, '../../../../../../../backend/src/modules/reports/pdf/fonts')];
}

let loaded: ReportFonts | undefined;

/**
 * DejaVu Sans, embedded (as a subset) in every PDF so that any text — French accents, œ, arrows,
 * names in other scripts — renders; read once per process. Throws naming the folders it searched.
 */
export function reportFonts(): ReportFonts {
  if (loaded) return loaded;
  const directory = reportFontDirectories().find((dir) => existsSync(join(dir, FILES.regular)) && existsSync(join(dir, FILES.bold)));
  if (!directory) {
    throw new Error(`The report fonts (${FILES.regular}, ${FILES.bold}) are missing; looked in ${reportFontDirectories().join(' and ')}.`);
  }
  loaded = { regular: readFileSync(join(directory, FILES.regular)), bold: readFileSync(join(directory, FILES.bold)) };
  return loaded;
}
