package org.duban.regulation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * A draft rule: title, kind, the rule it revises or repeals, content, the drafting unit,
 * the prompting problems by reference number (one per line or separated by commas) and
 * the benchmark entries it changes ({@code code|CIRCUMSTANCE}).
 */
public record RegulationForm(@NotBlank @Size(max = 200) String title, @NotNull RegulationKind kind,
        @Size(max = 200) String predecessor, @Size(max = 20000) String summary, @NotNull UUID unitId,
        @Size(max = 4000) String problemReferences, List<String> benchmarkEntries, Long version) {

    static RegulationForm of(Regulation r) {
        return new RegulationForm(r.title(), r.kind(), r.predecessor(), r.summary(), r.unitId(),
                String.join("\n", r.problems()), r.benchmarkEntries(), r.version());
    }

    List<String> references() {
        if (problemReferences == null || problemReferences.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(problemReferences.split("[\\s,;\\uff0c\\uff1b\\u3001]+"))
            .filter(s -> !s.isBlank())
            .map(String::strip)
            .distinct()
            .toList();
    }
}
