package org.duban.inspection;

import org.duban.shared.BusinessRuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of making and publishing a draw, without a database. */
class RandomDrawTest {

    static final String HASH = "a".repeat(64);
    static final byte[] SECRET = HexFormat.of().parseHex("0f".repeat(32));

    static RandomDraw draw(DrawForm.SeedMode mode, boolean drawn, boolean published) {
        return new RandomDraw(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, "t", "UNIT", "f", 1, 0,
                DrawAlgorithm.NAME, HASH, mode,
                mode == DrawForm.SeedMode.COMMITTED ? DrawAlgorithm.commitment(SECRET) : null,
                mode == DrawForm.SeedMode.PUBLIC_VALUE ? "lottery" : null, "workteam", Instant.EPOCH,
                drawn ? "0f".repeat(32) : null, null, null, null, null, published, null, 1);
    }

    @Test
    void aCommittedDrawRevealsItsSecretSeed() {
        RandomDraw.Seed seed = draw(DrawForm.SeedMode.COMMITTED, false, false).seed(HASH,
                HexFormat.of().formatHex(SECRET), null);
        assertThat(seed.bytes()).isEqualTo(SECRET);
        assertThat(seed.publicValue()).isNull();
    }

    @Test
    void aPublicValueDrawHashesTheEnteredValueAndNeedsOne() {
        RandomDraw d = draw(DrawForm.SeedMode.PUBLIC_VALUE, false, false);
        RandomDraw.Seed seed = d.seed(HASH, null, " 12345 ");
        assertThat(seed.publicValue()).isEqualTo("12345");
        assertThat(seed.bytes()).isEqualTo(DrawAlgorithm.seedOfPublicValue("12345"));
        assertThatThrownBy(() -> d.seed(HASH, null, "  ")).isInstanceOf(BusinessRuleViolation.class)
            .hasMessageContaining("draw.publicValue.required");
    }

    @Test
    void aDrawIsMadeOnce() {
        assertThatThrownBy(() -> draw(DrawForm.SeedMode.COMMITTED, true, false).seed(HASH, "0f".repeat(32), null))
            .isInstanceOf(BusinessRuleViolation.class)
            .hasMessageContaining("draw.alreadyDrawn");
    }

    @Test
    void aChangedPopulationOrABrokenCommitmentIsRefused() {
        RandomDraw d = draw(DrawForm.SeedMode.COMMITTED, false, false);
        assertThatThrownBy(() -> d.seed("b".repeat(64), HexFormat.of().formatHex(SECRET), null))
            .isInstanceOf(BusinessRuleViolation.class)
            .hasMessageContaining("draw.snapshotChanged");
        assertThatThrownBy(() -> d.seed(HASH, "1e".repeat(32), null)).isInstanceOf(BusinessRuleViolation.class)
            .hasMessageContaining("draw.commitmentBroken");
    }

    @Test
    void publishingIsAOneTimeStepAllowedBeforeAndAfterTheDraw() {
        assertThat(draw(DrawForm.SeedMode.COMMITTED, false, false).publish()).isTrue();
        assertThat(draw(DrawForm.SeedMode.COMMITTED, true, false).publish()).isTrue();
        assertThat(draw(DrawForm.SeedMode.COMMITTED, true, true).publish()).isFalse();
    }

}
