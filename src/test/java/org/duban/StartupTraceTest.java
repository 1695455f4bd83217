package org.duban;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class StartupTraceTest {

    @AfterEach
    void clear() {
        System.clearProperty("duban.startup-trace");
    }

    @Test
    void askedForItTheStartUpLogsItsSlowestStepsOnceReady(CapturedOutput output) {
        System.setProperty("duban.startup-trace", "3");
        run();
        assertThat(output.getOut()).contains("start-up steps by own time: ")
            .contains("the 3 slowest steps by own time")
            .contains("spring.beans.instantiate")
            .contains("spring.context.refresh");
    }

    @Test
    void notAskedForItTheStartUpRecordsNothing(CapturedOutput output) {
        run();
        assertThat(output.getOut()).doesNotContain("slowest steps");
    }

    private static void run() {
        SpringApplication application = new SpringApplication(Tiny.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        StartupTrace.attachIfAsked(application);
        try (ConfigurableApplicationContext context = application.run()) {
            assertThat(context.getBean("greeting")).isEqualTo("hello");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Tiny {

        @Bean
        String greeting() {
            return "hello";
        }

    }

}
