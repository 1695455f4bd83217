package org.duban.campaign;

public enum CampaignStatus {

    DRAFT, ACTIVE, CLOSED

}
