package org.duban.support;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The to-do list is paged (50 rows a page, the most urgent first) and the tests share one
 * database to which many of them add items: a test looks for its item on every page, not
 * only on the first.
 */
public final class TodoPages {

    private static final Pattern TOTAL = Pattern.compile("id=\"total\"[^>]*>[^0-9<]*([0-9][0-9,]*)");

    private TodoPages() {
    }

    /**
     * The page of the to-do list of {@code who} that shows {@code text}; else every page,
     * one after the other (so that a test asserting the text is absent sees them all).
     */
    public static String pageShowing(MockMvc mvc, RequestPostProcessor who, String text) throws Exception {
        StringBuilder all = new StringBuilder();
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            String html = mvc.perform(get("/todo").param("page", String.valueOf(page)).with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
            if (html.contains(text)) {
                return html;
            }
            all.append(html);
            if (page == 1) {
                Matcher total = TOTAL.matcher(html);
                pages = total.find() ? (Integer.parseInt(total.group(1).replace(",", "")) + 49) / 50 : 1;
            }
        }
        return all.toString();
    }

}
