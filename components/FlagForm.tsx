import { useId, useState } from 'react';
import { FLAG_REASONS, FLAG_REASON_LABELS, type FlagReason } from '@/lib/storage/feedback';

/** Asks why a suggestion was unhelpful: one reason code and, optionally, a note for the QA lead. */
export function FlagForm({ onSubmit, onCancel }: { onSubmit(reason: FlagReason, note: string): void; onCancel(): void }) {
  const [reason, setReason] = useState<FlagReason>('wrong-for-customer');
  const [note, setNote] = useState('');
  const id = useId();
  return (
    <form
      className="flag-form"
      data-testid="flag-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(reason, note.trim());
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <fieldset>
        <legend>Why is this unhelpful?</legend>
        {FLAG_REASONS.map((r) => (
          <label key={r}>
            <input type="radio" name={`${id}-reason`} value={r} checked={reason === r} onChange={() => setReason(r)} />{' '}
            {FLAG_REASON_LABELS[r]}
          </label>
        ))}
      </fieldset>
      <label>
        Note for your QA lead (optional)
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
      </label>
      <span className="actions">
        <button type="submit">Send flag</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </span>
    </form>
  );
}
