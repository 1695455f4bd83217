package org.duban.notification;

/**
 * The port of the outbox: one adapter per external channel delivers one message. It never
 * throws: every failure is an {@link Outcome} the outbox records and retries with
 * back-off.
 */
interface ChannelAdapter {

    OutboxChannel channel();

    /**
     * Whether the channel is configured; an unconfigured channel gets no messages queued.
     */
    boolean enabled();

    Outcome deliver(OutboxMessage message);

    /** One message as stored in the outbox. */
    record OutboxMessage(java.util.UUID id, OutboxChannel channel, String address, String template, String subject,
            String payload, String signature) {
    }

    /**
     * What an attempt came to.
     *
     * @param httpStatus the gateway's status, if it answered
     * @param detail a short reason for the administrator (never the message text)
     */
    record Outcome(boolean delivered, Integer httpStatus, String detail) {
        static Outcome ok(Integer status) {
            return new Outcome(true, status, null);
        }

        static Outcome failed(Integer status, String detail) {
            return new Outcome(false, status,
                    detail == null ? null : detail.length() > 480 ? detail.substring(0, 480) : detail);
        }
    }

}
