package org.duban.campaign;

import java.util.List;
import java.util.UUID;

public record CampaignGroup(UUID id, UUID campaignId, GroupKind kind, String name, String duties, int sort,
        List<GroupMember> members) {
}
