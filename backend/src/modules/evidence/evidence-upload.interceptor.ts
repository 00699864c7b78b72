import { Inject, Injectable } from '@nestjs/common';
import { SingleFileUploadInterceptor, type SingleFileRequest, type UploadedFile } from '../../platform/http/single-file-upload.interceptor';
import { EvidenceSettings } from './evidence-settings';
import { EVIDENCE_ERRORS, EvidenceException } from './evidence.exception';

/** multer also reports the type the client declared for the part. */
export type UploadedEvidenceFile = UploadedFile & { mimetype?: string };
export type UploadRequest = SingleFileRequest & { file?: UploadedEvidenceFile };

/** An evidence file in the `file` part (with `requirementKey`), after authentication (the guard runs first). */
@Injectable()
export class EvidenceUploadInterceptor extends SingleFileUploadInterceptor {
  constructor(@Inject(EvidenceSettings) settings: EvidenceSettings) {
    super({ field: 'file', maxBytes: settings.maxBytes, textFields: 5, expected: 'one file in the "file" part and the requirementKey field only' });
  }

  protected tooLarge(maxBytes: number): EvidenceException {
    return new EvidenceException('payload-too-large', EVIDENCE_ERRORS.fileTooLarge, `The file is larger than the ${maxBytes} bytes an evidence file may have.`, { maxBytes });
  }

  protected malformed(field: string, reason: string, message: string): EvidenceException {
    return new EvidenceException('validation', EVIDENCE_ERRORS.malformedUpload, message, [{ field, reasons: [reason] }]);
  }
}
