package org.duban.organization;

import org.duban.support.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@DubanTest
class CreateAdminCommandTest {

    @Autowired
    CreateAdminCommand command;

    @Autowired
    StaffDirectory staff;

    @Autowired
    MockMvc mvc;

    @Test
    void createsAnAdministratorInANewRootUnitWithThePasswordFromTheEnvironment() throws Exception {
        String login = "first-" + UUID.randomUUID().toString().substring(0, 6);
        String code = "NEW-" + UUID.randomUUID().toString().substring(0, 6);
        command.environment = name -> name.equals(CreateAdminCommand.PASSWORD_VARIABLE) ? "Fresh-install-pass-93"
                : null;
        command.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        int exit = command.run(List.of("--login", login, "--name", "First Admin", "--unit", code, "--unit-name",
                "New bureau", "--unit-kind", "COUNTY_BUREAU"));

        assertThat(exit).isZero();
        Staff admin = staff.findByLogin(login).orElseThrow();
        assertThat(admin.roles()).containsExactly("ADMIN");
        // The password is right; as for every administrator without a second factor, the
        // next step is setting one up (docs/adr/0111).
        mvc.perform(post("/login").with(csrf()).param("username", login).param("password", "Fresh-install-pass-93"))
            .andExpect(redirectedUrl("/login/enrol"));
    }

    @Test
    void aWeakPasswordIsRefusedAndNothingIsCreated() {
        String login = "weak-" + UUID.randomUUID().toString().substring(0, 6);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.environment = name -> "short";
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);

        int exit = command.run(List.of("--login", login, "--name", "Weak", "--unit", "OTOGQ"));

        assertThat(exit).isEqualTo(1);
        assertThat(staff.findByLogin(login)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("create-admin");
    }

    @Test
    void withoutAPasswordSourceItExplainsItself() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.environment = name -> null;
        command.console = null;
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(command.run(List.of("--login", "x", "--name", "x", "--unit", "OTOGQ"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(CreateAdminCommand.PASSWORD_VARIABLE);
    }

}
