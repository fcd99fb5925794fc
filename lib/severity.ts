import { SEVERITIES, type Severity } from './phrasebook/vocabulary';

/** True when `severity` is at least `min` (hint < warning < risk). */
export const atLeast = (severity: Severity, min: Severity) => SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(min);
