package org.duban;

import org.duban.shared.Command;
import org.duban.shared.database.EmbeddedDatabaseEarlyStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Starts the web application, or, when the first argument names a command
 * ({@code screen}, …), runs that command on the same database without the web server and
 * exits with its code. A command never loads demonstration data and never runs scheduled
 * jobs; {@code screen} runs in a context of only what it needs
 * ({@link ScreenCommandContext}).
 */
@SpringBootApplication
public class DubanApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].matches("[a-z][a-z-]*")) {
            System.exit(runCommand(args[0], Arrays.asList(args).subList(1, args.length)));
        }
        SpringApplication application = new SpringApplication(DubanApplication.class);
        application.addListeners(new EmbeddedDatabaseEarlyStart());
        StartupTrace.attachIfAsked(application);
        ExitWhenReady.attachIfAsked(application);
        // Demonstration data loads after the application is ready, while it already
        // answers (shared.DemoLoading).
        application.setDefaultProperties(Map.of("duban.demo-data-in-background", "true"));
        application.run(args);
    }

    /**
     * Runs the command {@code name} with its arguments and returns its exit code (2:
     * unknown command).
     */
    public static int runCommand(String name, List<String> args) {
        SpringApplication application = new SpringApplication(
                name.equals("screen") ? ScreenCommandContext.class : DubanApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.addListeners(new EmbeddedDatabaseEarlyStart());
        StartupTrace.attachIfAsked(application);
        application.setDefaultProperties(Map.of("logging.structured.format.console", "", "spring.main.banner-mode",
                "off", "logging.level.root", "WARN"));
        // Above every other source (application.yml turns demonstration data on for the
        // embedded database).
        application.addInitializers(context -> context.getEnvironment()
            .getPropertySources()
            .addFirst(new MapPropertySource("duban-command",
                    Map.of("duban.demo-data", "false", "duban.scheduling.enabled", "false"))));
        try (ConfigurableApplicationContext context = application.run()) {
            Command command = context.getBeansOfType(Command.class)
                .values()
                .stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElse(null);
            if (command == null) {
                System.err.println("Unknown command: " + name);
                return 2;
            }
            return command.run(args);
        }
        catch (Exception e) {
            System.err.println(name + ": " + e.getMessage());
            return 1;
        }
    }

}
