/** Which projects are monitored (seed 003): at least 100.000 kr. of municipal co-financing over the project's own period. */
import { MONITORING_THRESHOLD_KR } from './domain';
import type { MonitoredProject } from './model';

/**
 * The municipal co-financing that decides monitoring: the project's own total over its whole period (template 1.1);
 * a 1.0 file, or a 1.1 file with that cell blank, has only the budget years' co-financing.
 */
export function monitoringTotal(p: MonitoredProject): number | null {
  return p.cofinancing ?? p.fundingTotal;
}

export function isMonitored(p: MonitoredProject): boolean {
  const total = monitoringTotal(p);
  return total !== null && total >= MONITORING_THRESHOLD_KR;
}
