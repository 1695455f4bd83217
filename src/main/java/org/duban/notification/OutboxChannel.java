package org.duban.notification;

/** The external channels of the outbox. Labels: {@code outbox.channel.*}. */
public enum OutboxChannel {

    EMAIL, SMS, WECOM, CALLBACK

}
