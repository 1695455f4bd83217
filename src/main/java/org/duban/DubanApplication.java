package org.duban;

import org.duban.shared.Command;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Starts the web application, or, when the first argument names a command ({@code screen}, …), runs that
 * command on the same database without the web server and exits with its code.
 */
@SpringBootApplication
public class DubanApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].matches("[a-z][a-z-]*")) {
            System.exit(runCommand(args[0], Arrays.asList(args).subList(1, args.length)));
        }
        SpringApplication.run(DubanApplication.class, args);
    }

    static int runCommand(String name, List<String> args) {
        SpringApplication application = new SpringApplication(DubanApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("duban.scheduling.enabled", "false",
                "logging.structured.format.console", "", "spring.main.banner-mode", "off",
                "logging.level.root", "WARN"));
        try (ConfigurableApplicationContext context = application.run()) {
            Command command = context.getBeansOfType(Command.class).values().stream()
                    .filter(c -> c.name().equals(name)).findFirst().orElse(null);
            if (command == null) {
                System.err.println("Unknown command: " + name);
                return 2;
            }
            return command.run(args);
        } catch (Exception e) {
            System.err.println(name + ": " + e.getMessage());
            return 1;
        }
    }
}
