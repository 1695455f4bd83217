package org.duban.inspection;

import org.duban.ledger.ProblemCategory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The inspection checklist, read from the data file {@code inspection/checklist.json}:
 * each item belongs to one of the five problem categories, so a failed item becomes a
 * finding of that category. Editing the file (and restarting) changes the checklist;
 * answers keep the item code.
 */
@Component
public class Checklist {

    public record Item(String code, ProblemCategory category, String zh, String en) {
        public String text(Locale locale) {
            return "en".equals(locale.getLanguage()) ? en : zh;
        }
    }

    record File(int version, List<Item> items) {
    }

    private final List<Item> items;

    Checklist() {
        try (InputStream in = new ClassPathResource("inspection/checklist.json").getInputStream()) {
            this.items = List.copyOf(JsonMapper.builder().build().readValue(in, File.class).items());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Item> items() {
        return items;
    }

    public Optional<Item> find(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

}
