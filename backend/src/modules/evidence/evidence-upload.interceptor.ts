import { Inject, Injectable } from '@nestjs/common';
import { RequestAdmission } from '../../platform/auth/request-admission';
import { AppConfig } from '../../platform/config/app-config';
import { SingleFileUploadInterceptor, type SingleFileRequest } from '../../platform/http/single-file-upload.interceptor';
import { EvidenceSettings } from './evidence-settings';
import { evidenceError, EvidenceException } from './evidence.exception';

export type UploadRequest = SingleFileRequest;

/** An evidence file in the `file` part (with `requirementKey`), received before the request takes a connection. */
@Injectable()
export class EvidenceUploadInterceptor extends SingleFileUploadInterceptor {
  constructor(@Inject(EvidenceSettings) settings: EvidenceSettings, config: AppConfig, admission: RequestAdmission) {
    super(
      {
        field: 'file',
        maxBytes: settings.maxBytes,
        textFields: 5,
        expected: 'one file in the "file" part and the requirementKey field only',
        timeoutMs: config.http.uploadTimeoutMs,
      },
      admission,
    );
  }

  protected tooLarge(maxBytes: number): EvidenceException {
    return evidenceError('EVIDENCE_FILE_TOO_LARGE', `The file is larger than the ${maxBytes} bytes an evidence file may have.`, { maxBytes });
  }

  protected malformed(field: string, reason: string, message: string): EvidenceException {
    return evidenceError('EVIDENCE_UPLOAD_MALFORMED', message, [{ field, reasons: [reason] }]);
  }
}
