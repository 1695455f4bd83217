package org.duban.inspection;

import org.duban.organization.OrgUnits;
import org.duban.organization.UnitKind;
import org.duban.security.CurrentUser;
import org.duban.support.DubanTest;
import org.duban.support.WithWorkTeamMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A draw frozen waits to be drawn, a draw made waits to be published: each step is
 * published once, for the unit that made the draw, without its seed.
 */
@DubanTest
@RecordApplicationEvents
@WithWorkTeamMember
class DrawEventsTest {

    @Autowired
    RandomDraws draws;

    @Autowired
    OrgUnits units;

    @Autowired
    ApplicationEvents events;

    @Test
    void freezingDrawingAndPublishingADrawArePublishedOnceEach() {
        UUID bureau = units.findByCode("OTOGQ").orElseThrow().id();
        UUID id = draws.commit(new DrawForm("squads to inspect in May", null, DrawForm.TargetType.UNIT, bureau,
                UnitKind.SQUAD, bureau, 1, 1, DrawForm.SeedMode.COMMITTED, null), units.currentScope());
        RandomDraw committed = draws.get(id, units.currentScope());
        assertThat(events.stream(DrawTransitioned.class)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("frozen");
            assertThat(e.drawId()).isEqualTo(id);
            assertThat(e.publicId()).isEqualTo(committed.publicId());
            assertThat(e.title()).isEqualTo("squads to inspect in May");
            assertThat(e.ownerUnitId()).isEqualTo(CurrentUser.require().unitId()).isEqualTo(committed.ownerUnitId());
            assertThat(e.actor()).isEqualTo("workteam");
        });

        draws.draw(id, committed.version(), null, units.currentScope());
        RandomDraw drawn = draws.get(id, units.currentScope());
        draws.publish(id, drawn.version(), units.currentScope());
        // Publishing again changes nothing and publishes nothing.
        draws.publish(id, drawn.version() + 1, units.currentScope());

        assertThat(events.stream(DrawTransitioned.class).map(DrawTransitioned::action)).containsExactly("frozen",
                "drawn", "published");
        assertThat(events.stream(DrawTransitioned.class)).allSatisfy(e -> {
            assertThat(e.drawId()).isEqualTo(id);
            assertThat(e.ownerUnitId()).isEqualTo(committed.ownerUnitId());
            assertThat(e.toString()).doesNotContain(drawn.seed());
        });
        assertThat(events.stream(DrawTransitioned.class).map(DrawTransitioned::eventId).distinct()).hasSize(3);
    }

}
