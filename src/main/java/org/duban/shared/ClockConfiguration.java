package org.duban.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/**
 * One clock for the whole application, so that tests can fix "today" and time limits are
 * computed alike.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /**
     * The bureaus work in China Standard Time by default; "today" and deadlines are dates
     * there. Timestamps stay UTC.
     */
    @Bean
    Clock clock(@Value("${duban.zone:" + BureauClock.DEFAULT_ZONE + "}") ZoneId zone) {
        return Clock.system(zone);
    }

}
