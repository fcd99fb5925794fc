import type { CustomerMessage } from '../protocol';

/** What Tact needs to know about one helpdesk's page. Pure functions over the Document passed in. */
export interface SiteAdapter {
  id: string;
  name: string;
  /** Runs only on origins the user enabled in the settings (the generic adapter); adapterFor checks it. */
  optIn?: boolean;
  matches(url: URL): boolean;
  /** The reply editors on the page, the likeliest first (activeEditor in ./index.ts picks the focused one). */
  findEditors(doc: Document): Element[];
  customerMessages(doc: Document, limit?: number): CustomerMessage[];
  /**
   * What the support side already sent in this conversation, oldest first: replies of any agent, not
   * internal notes, not bots. For chat, where a reply takes several messages (the checklist counts
   * them). Optional: without it only the draft counts.
   */
  agentMessages?(doc: Document, limit?: number): string[];
  /**
   * Who wrote the thread's last message, customer or support (notes and bots do not count); null
   * when there is none. With agentMessages: a warning the agent sent before the customer's latest
   * message was not heeded.
   */
  lastFrom?(doc: Document): 'customer' | 'agent' | null;
  channel(doc: Document, url: URL): 'chat' | 'email' | null;
  conversationId(doc: Document, url: URL): string;
}
