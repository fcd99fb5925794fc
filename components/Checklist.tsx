import { useMemo } from 'react';
import { checklist, type SentMessage } from '@/lib/checklist';
import type { AbuseLevel } from '@/lib/classify/verdict';
import type { Finding } from '@/lib/protocol';

interface Props {
  draft: string;
  findings: readonly Finding[];
  abuse: AbuseLevel;
  /** In a chat, the messages the agent already sent, oldest first. */
  earlier: readonly SentMessage[];
  /** In a chat, who wrote the thread's last message. */
  lastFrom?: 'customer' | 'agent';
}

/**
 * The six steps of a good complaint reply, and the boundary with an abusive customer, ticked live
 * from the draft and its findings (a flagged non-apology is none), and in a chat from what was sent.
 */
export function Checklist({ draft, findings, abuse, earlier, lastFrom }: Props) {
  const items = useMemo(() => checklist(draft, findings, abuse, earlier, lastFrom), [draft, findings, abuse, earlier, lastFrom]);
  const doneCount = items.filter((i) => i.done).length;
  return (
    <section aria-labelledby="checklist-title" className="checklist">
      <h2 id="checklist-title">
        Reply checklist <span className="muted">{doneCount}/{items.length}</span>
      </h2>
      <ul data-testid="checklist">
        {items.map((i) => (
          <li key={i.id} data-item={i.id} data-done={i.done} data-earlier={i.earlier ?? false} className={i.done ? 'done' : 'todo'}>
            <span aria-hidden="true">{i.done ? '✓' : '○'}</span> {i.label}
            <span className="visually-hidden">{i.done ? ' (done)' : ' (not yet)'}</span>
            {i.done && i.evidence && (
              <span className="muted evidence">
                {' '}
                “{i.evidence.text}”{i.earlier && ' (already sent)'}
              </span>
            )}
            {i.note && <span className="note"> {i.note}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
