/**
 * One report model and view per force, built once per server process (prerendering builds each page and
 * each figure download from the same model).
 */
import { buildForceReport, type ForceReport } from 'peel-metrics';
import { toReportView, type ReportView } from './report-view.ts';

const models = new Map<string, ForceReport>();
const views = new Map<string, ReportView>();

/**
 * @example reportModel('durham').force.code // 'E23000008'
 */
export function reportModel(slug: string): ForceReport {
  let model = models.get(slug);
  if (!model) {
    model = buildForceReport(slug);
    models.set(slug, model);
  }
  return model;
}

/**
 * @example reportView('durham').figures.length > 0 // true
 */
export function reportView(slug: string): ReportView {
  let view = views.get(slug);
  if (!view) {
    view = toReportView(reportModel(slug));
    views.set(slug, view);
  }
  return view;
}
