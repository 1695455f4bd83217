package org.duban.ledger;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reference data, not demonstration data: the notice's problem items from
 * {@code ledger/problem-items.csv} are added at start-up when missing. Items an
 * administrator added, or renamed, are left alone.
 */
@Component
@Order(10)
class ProblemItemLoader implements ApplicationRunner {

    private final JdbcClient jdbc;

    ProblemItemLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String csv;
        try {
            csv = new ClassPathResource("ledger/problem-items.csv").getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int sort = 0;
        for (String line : csv.split("\n")) {
            if (line.isBlank() || line.startsWith("code,")) {
                continue;
            }
            String[] cells = line.trim().split(",", 3);
            ProblemCategory.valueOf(cells[1]);
            jdbc.sql("insert into problem_item (code, category, name, sort) values (:c, :cat, :n, :s) "
                    + "on conflict (code) do nothing")
                .param("c", cells[0])
                .param("cat", cells[1])
                .param("n", cells[2])
                .param("s", ++sort)
                .update();
        }
    }

}
