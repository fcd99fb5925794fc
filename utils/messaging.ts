import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from '@/lib/protocol';

const quiet = { debug() {}, log() {}, warn() {}, error() {} };

/** The one typed messenger shared by every entrypoint; the protocol lives in lib/protocol.ts. */
export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({ logger: quiet });
