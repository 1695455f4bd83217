package org.duban.complaint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Settings of the complaint module ({@code duban.complaint.*}).
 *
 * @param identityKey the AES-256 key (Base64, 32 bytes) that encrypts reporters'
 * identities and derives receipts of keyed submissions; production must set its own
 * @param rateLimit limits per client address on the public routes
 * @param timeLimits working-day time limits
 * @param maxAttachments attachments per submission
 * @param maxAttachmentBytes size of one attachment
 * @param intakeUnitCode the org unit (code) that receives public and API complaints; when
 * empty, the bureau that issued the longest-running active campaign
 */
@ConfigurationProperties("duban.complaint")
record ComplaintSettings(String identityKey, @DefaultValue RateLimit rateLimit, @DefaultValue TimeLimits timeLimits,
        @DefaultValue("3") int maxAttachments, @DefaultValue("5242880") int maxAttachmentBytes, String intakeUnitCode) {

    /**
     * @param submissions submissions per address and window
     * @param lookups receipt look-ups (and the other receipt-holder actions) per address
     * and window
     * @param window length of the counting window
     * @param raisedAddresses addresses that get {@code raisedLimit} instead (a hotline
     * gateway, a benchmark)
     */
    record RateLimit(@DefaultValue("5") int submissions, @DefaultValue("20") int lookups,
            @DefaultValue("10m") Duration window, @DefaultValue Set<String> raisedAddresses,
            @DefaultValue("100000") int raisedLimit) {
    }

    /**
     * @param acknowledgeDays working days to accept or decline
     * @param answerDays working days to answer, unless {@code answerDaysByType} says
     * otherwise
     */
    record TimeLimits(@DefaultValue("3") int acknowledgeDays, @DefaultValue("15") int answerDays,
            @DefaultValue Map<ComplaintType, Integer> answerDaysByType) {

        int answerDays(ComplaintType type) {
            return answerDaysByType.getOrDefault(type, answerDays);
        }
    }
}
