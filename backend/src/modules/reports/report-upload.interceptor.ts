import { Injectable } from '@nestjs/common';
import { RequestAdmission } from '../../platform/auth/request-admission';
import { AppConfig } from '../../platform/config/app-config';
import { SingleFileUploadInterceptor, type SingleFileRequest } from '../../platform/http/single-file-upload.interceptor';
import { reportError, ReportsException } from './reports.exception';

export type ReportUploadRequest = SingleFileRequest;

/** The report file of the public verification, in the `file` part; REPORT_VERIFY_MAX_BYTES at most. */
@Injectable()
export class ReportUploadInterceptor extends SingleFileUploadInterceptor {
  constructor(config: AppConfig, admission: RequestAdmission) {
    super(
      { field: 'file', maxBytes: config.reports.verifyMaxBytes, textFields: 2, expected: 'one file in the "file" part only', timeoutMs: config.http.uploadTimeoutMs },
      admission,
    );
  }

  protected tooLarge(maxBytes: number): ReportsException {
    return reportError('REPORT_FILE_TOO_LARGE', `The file is larger than the ${maxBytes} bytes a report may have.`, { maxBytes });
  }

  protected malformed(field: string, reason: string, message: string): ReportsException {
    return reportError('REPORT_UPLOAD_MALFORMED', message, [{ field, reasons: [reason] }]);
  }
}
