package org.duban.campaign;

import java.util.UUID;

/**
 * A member of a campaign group; {@code staffId} links to a staff account where there is
 * one.
 */
public record GroupMember(UUID id, UUID groupId, UUID staffId, String name, MemberPosition position, String post,
        String duties, int sort) {
}
