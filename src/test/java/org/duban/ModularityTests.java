package org.duban;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    /** The module map kept in the repository (docs/architecture.md explains it). */
    private static final Path MODULE_MAP = Path.of("docs/architecture/modules.puml");

    private final ApplicationModules modules = ApplicationModules.of(DubanApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    /**
     * The diagram in docs/ is generated from the code, so a new module or dependency that
     * is not in it fails here; {@code -Dduban.docs.update=true} writes the current one.
     */
    @Test
    void theModuleMapInDocsIsCurrent() throws IOException {
        Path out = Path.of("target/module-map");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString()))
            .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults());
        String generated = Files.readString(out.resolve("components.puml"), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("duban.docs.update")) {
            Files.createDirectories(MODULE_MAP.getParent());
            Files.writeString(MODULE_MAP, generated, StandardCharsets.UTF_8);
        }
        // The Documenter writes components and relations in no fixed order: compare the
        // lines as a set.
        String kept = Files.exists(MODULE_MAP) ? Files.readString(MODULE_MAP, StandardCharsets.UTF_8) : "";
        assertThat(kept.lines().sorted().toList())
            .as("%s is out of date: run ./mvnw test -Dtest=ModularityTests -Dduban.docs.update=true", MODULE_MAP)
            .isEqualTo(generated.lines().sorted().toList());
    }

}
