import { AppException } from '../../platform/errors/app.exception';

export class HealthException extends AppException {}
