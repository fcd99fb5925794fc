import type { TabState } from '@/lib/protocol';

/** Who the agent is talking to: the customer's latest words (tone and type join here). */
export function CustomerCard({ state }: { state: TabState }) {
  const latest = state.customer.at(-1);
  if (!latest)
    return (
      <section aria-labelledby="customer-title" className="customer">
        <h2 id="customer-title">Customer</h2>
        <p className="muted">No customer message found on this page yet.</p>
      </section>
    );
  return (
    <section aria-labelledby="customer-title" className="customer">
      <h2 id="customer-title">Customer{latest.author ? `: ${latest.author}` : ''}</h2>
      <blockquote data-testid="customer-latest">{latest.text}</blockquote>
    </section>
  );
}
