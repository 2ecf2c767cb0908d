/** The LISTEN/NOTIFY channel on which committed outbox rows wake the relay. */
export const OUTBOX_CHANNEL = 'outbox_pending';
