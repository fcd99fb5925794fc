import type { AbuseLevel } from '@/lib/classify/verdict';
import { ABUSE_PROTOCOL, SWEARING_GOES_ON } from './customer-labels';

/**
 * What to do about abuse, for the classifier's verdict and Claude's reading alike. Swearing aimed at
 * no one is a quiet note, not an alert: it starts no protocol unless it goes on (`earlier`).
 */
export function AbuseNotice({ level, earlier = 'none', evidence, testId }: { level: AbuseLevel; earlier?: AbuseLevel; evidence?: string; testId: string }) {
  if (level === 'none') return null;
  const swearing = level === 'swearing';
  return (
    <p className={swearing ? 'notice swearing' : 'notice abuse'} role={swearing ? 'status' : 'alert'} data-testid={testId} data-level={level}>
      <strong>{swearing ? 'Swearing, not at you' : `Abuse (${level})`}:</strong>
      {evidence ? ` ${evidence}.` : ''} {swearing && earlier !== 'none' ? SWEARING_GOES_ON : ABUSE_PROTOCOL[level]}
    </p>
  );
}
