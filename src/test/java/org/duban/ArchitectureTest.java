package org.duban;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.duban.shared.AggregateRoot;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneId;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What the modules promise beyond {@code ApplicationModules.verify()}: aggregates that
 * know nothing of Spring or the database (so their rules can be read and tested alone),
 * controllers that are package-private (a module's API is its services and events, never
 * its web layer) and that reach the database only through a module's services.
 */
class ArchitectureTest {

    private static final JavaClasses DUBAN = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.duban");

    @Test
    void aggregatesAreFreeOfSpringAndJdbcTypes() {
        ArchRule rule = noClasses().that()
            .areAnnotatedWith(AggregateRoot.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
            .because("an aggregate guards its rules; loading and saving it is a service's business");
        rule.check(DUBAN);
    }

    @Test
    void thereIsAtLeastOneAggregateToCheck() {
        // Guards the rule above against passing vacuously after a rename of the
        // annotation's package.
        classes().that()
            .areAnnotatedWith(AggregateRoot.class)
            .should()
            .haveSimpleNameNotEndingWith("Controller")
            .allowEmptyShould(false)
            .check(DUBAN);
    }

    @Test
    void onlyTheBureauClockNamesAZone() {
        noClasses().that()
            .resideOutsideOfPackage("org.duban.shared..")
            .should()
            .callMethod(ZoneId.class, "of", String.class)
            .orShould()
            .callMethod(ZoneId.class, "of", String.class, java.util.Map.class)
            .because("dates and times are the bureau's, configured once as duban.zone (shared.BureauClock,"
                    + " docs/adr/0401-one-bureau-zone.md)")
            .check(DUBAN);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .should()
            .notBePublic()
            .because("a module's API is its services and events; its web layer is its own")
            .check(DUBAN);
    }

    @Test
    void controllersDoNotTouchJdbc() {
        noClasses().that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc.core..", "java.sql..")
            .because("SQL lives in a module's services, where its transactions and data scope are")
            .check(DUBAN);
    }

}
