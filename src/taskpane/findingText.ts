/**
 * Findings with their messages already written out in both languages, made where a file is read (the worker,
 * or the Excel chunk): the pane's start-up bundle then needs no message tables.
 */
import { diagnosticMessage, type Diagnostic } from '../core/diagnostics';
import type { Finding } from './actions';

export function toFinding(d: Diagnostic): Finding {
  return { ...d, text: { da: diagnosticMessage(d, 'da'), en: diagnosticMessage(d, 'en') } };
}
