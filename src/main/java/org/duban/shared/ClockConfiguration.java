package org.duban.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** One clock for the whole application, so that tests can fix "today" and time limits are computed alike. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The bureaus work in China Standard Time; "today" and deadlines are dates there. Timestamps stay UTC. */
    public static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(BUREAU_ZONE);
    }
}
