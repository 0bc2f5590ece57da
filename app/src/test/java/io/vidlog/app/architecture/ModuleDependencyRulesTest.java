package io.vidlog.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.vidlog.command.archfixture.CommandSideReachingIntoTheApp;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

/** The module rules of design.md ("may depend on"), checked on the compiled classes of every module. */
class ModuleDependencyRulesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vidlog");

    static final ArchRule MODULES = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("io.vidlog..")
            .withOptionalLayers(true)
            .layer("api-contracts").definedBy("io.vidlog.api..")
            .layer("command-side").definedBy("io.vidlog.command..")
            .layer("projections").definedBy("io.vidlog.projection..")
            .layer("query-side").definedBy("io.vidlog.query..")
            .layer("sagas").definedBy("io.vidlog.saga..")
            .layer("media-worker").definedBy("io.vidlog.mediaworker..")
            .layer("local-stack").definedBy("io.vidlog.localstack..")
            .layer("app").definedBy("io.vidlog.app..")
            .whereLayer("api-contracts").mayNotAccessAnyLayer()
            .whereLayer("local-stack").mayNotAccessAnyLayer()
            .whereLayer("command-side").mayOnlyAccessLayers("api-contracts")
            .whereLayer("projections").mayOnlyAccessLayers("api-contracts")
            .whereLayer("query-side").mayOnlyAccessLayers("api-contracts", "projections")
            .whereLayer("sagas").mayOnlyAccessLayers("api-contracts")
            .whereLayer("media-worker").mayOnlyAccessLayers("api-contracts")
            .whereLayer("app").mayNotBeAccessedByAnyLayer();

    static final ArchRule CONTRACTS_ARE_PLAIN_JAVA = noClasses().that().resideInAPackage("io.vidlog.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.hibernate..", "org.axonframework.eventsourcing..", "org.axonframework.spring..")
            .allowEmptyShould(true);

    static final ArchRule MEDIA_WORKER_RUNS_WITHOUT_AXON = noClasses().that().resideInAPackage("io.vidlog.mediaworker..")
            .should().dependOnClassesThat().resideInAPackage("org.axonframework..")
            .allowEmptyShould(true);

    @Test
    void modulesDependOnlyOnWhatDesignAllows() {
        MODULES.check(PRODUCTION);
    }

    @Test
    void apiContractsHoldNoSpringJpaOrEventSourcingTypes() {
        CONTRACTS_ARE_PLAIN_JAVA.check(PRODUCTION);
    }

    @Test
    void mediaWorkerDoesNotUseAxon() {
        MEDIA_WORKER_RUNS_WITHOUT_AXON.check(PRODUCTION);
    }

    /** Guards the guard: a command-side class that reaches into the app module must be reported. */
    @Test
    void theModuleRuleReportsACommandSideClassThatUsesTheApp() {
        JavaClasses offender = new ClassFileImporter().importClasses(CommandSideReachingIntoTheApp.class,
                io.vidlog.app.VidlogApplication.class);

        EvaluationResult result = MODULES.evaluate(offender);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("CommandSideReachingIntoTheApp"));
    }
}
