package org.duban.organization;

import org.duban.security.PasswordPolicy;
import org.duban.shared.BusinessRuleViolation;
import org.duban.shared.Command;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.Console;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code create-admin --login L --name N --unit CODE [--unit-name NAME --unit-kind COUNTY_BUREAU]}:
 * creates the first administrator of a new installation (which has no account to sign in
 * with). The unit is found by its code or, with {@code --unit-name}, created as the root
 * of the tree. The password comes from the environment variable
 * {@code DUBAN_ADMIN_PASSWORD} or is asked for twice on the console, never from the
 * command line (it would stay in the shell history and the process list). Exit 0 when
 * created, 1 when refused, 2 for unusable arguments.
 */
@Component
class CreateAdminCommand implements Command {

    static final String PASSWORD_VARIABLE = "DUBAN_ADMIN_PASSWORD";

    private final StaffDirectory staff;

    private final OrgUnits units;

    private final TransactionTemplate tx;

    private final MessageSource messages;

    PrintStream out = System.out;

    PrintStream err = System.err;

    Function<String, String> environment = System::getenv;

    Console console = System.console();

    CreateAdminCommand(StaffDirectory staff, OrgUnits units, TransactionTemplate tx, MessageSource messages) {
        this.staff = staff;
        this.units = units;
        this.tx = tx;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "create-admin";
    }

    @Override
    public int run(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            if (!args.get(i).startsWith("--") || i + 1 >= args.size()) {
                return usage("unexpected argument " + args.get(i));
            }
            options.put(args.get(i).substring(2), args.get(++i));
        }
        String login = options.get("login");
        String name = options.get("name");
        String unitCode = options.get("unit");
        if (login == null || name == null || unitCode == null) {
            return usage("--login, --name and --unit are required");
        }
        String password = password();
        if (password == null) {
            return usage("no password: set " + PASSWORD_VARIABLE + " or run on a console");
        }
        SecurityContextHolder.getContext()
            .setAuthentication(UsernamePasswordAuthenticationToken.unauthenticated(name(), null));
        try {
            tx.executeWithoutResult(status -> {
                OrgUnit unit = units.findByCode(unitCode).orElseGet(() -> {
                    if (options.get("unit-name") == null) {
                        throw new IllegalArgumentException(
                                "unit " + unitCode + " does not exist; add --unit-name to create it");
                    }
                    UnitKind kind = UnitKind.valueOf(options.getOrDefault("unit-kind", "COUNTY_BUREAU"));
                    return units.create(null, unitCode, options.get("unit-name"), kind, 1);
                });
                staff.create(new StaffForm(unit.id(), name, null, null, null, login, password, true,
                        Set.of(Roles.ADMIN), null));
            });
        }
        catch (BusinessRuleViolation refusal) {
            err.println("create-admin: "
                    + messages.getMessage(refusal.messageKey(), refusal.args(), refusal.messageKey(), Locale.ENGLISH));
            return 1;
        }
        catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        out.println("Administrator " + login + " created in unit " + unitCode + ". It can now sign in.");
        return 0;
    }

    private String password() {
        String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        if (console == null) {
            return null;
        }
        char[] first = console.readPassword("Password for the new administrator (at least %d characters): ",
                PasswordPolicy.MIN_LENGTH);
        char[] second = console.readPassword("Again: ");
        if (first == null || second == null || !new String(first).equals(new String(second))) {
            err.println("create-admin: the two passwords differ");
            return null;
        }
        return new String(first);
    }

    private int usage(String problem) {
        err.println("create-admin: " + problem);
        err.println("usage: create-admin --login LOGIN --name NAME --unit CODE [--unit-name NAME "
                + "--unit-kind COUNTY_BUREAU|CITY_BUREAU]   (password from " + PASSWORD_VARIABLE + " or the console)");
        return 2;
    }

}
