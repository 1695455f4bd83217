package org.duban.shared;

import java.util.List;

/**
 * A command-line command of the Duban jar ({@code java -jar duban.jar <name> …}). It runs
 * in the same application context as the web server, on the same database, but without
 * the web server or scheduled jobs.
 */
public interface Command {

    /** The first argument that selects this command, e.g. {@code screen}. */
    String name();

    /**
     * Runs the command; the return value is the process exit code (2 for unusable
     * arguments).
     */
    int run(List<String> args) throws Exception;

}
