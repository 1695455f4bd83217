package org.duban.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.UUID;

/** The campaign's header fields as typed into the form. */
public record CampaignForm(@NotNull UUID ownerUnitId, @NotBlank @Size(max = 200) String title,
        // 鄂前交发〔2023〕29号: agency abbreviation, year in 六角括号, serial number without leading
        // zeros.
        @Size(max = 60) @Pattern(regexp = "^$|^[\\p{IsHan}A-Za-z]+〔\\d{4}〕[1-9]\\d*号$",
                message = "{campaign.documentNumber.invalid}") String documentNumber,
        @NotBlank @Size(max = 100) String issuingAgency, @Size(max = 50) String signer,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn, @Size(max = 100_000) String noticeText,
        @NotNull CampaignStatus status, Long version) {

    public static CampaignForm of(Campaign c) {
        return new CampaignForm(c.ownerUnitId(), c.title(), c.documentNumber(), c.issuingAgency(), c.signer(),
                c.issuedOn(), c.startsOn(), c.endsOn(), c.noticeText(), c.status(), c.version());
    }
}
