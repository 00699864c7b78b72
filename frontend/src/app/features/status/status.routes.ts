import { type Routes } from '@angular/router';
import { StatusPage } from './pages/status-page';

export const statusRoutes: Routes = [{ path: '', component: StatusPage }];
