package org.duban.shared;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What demonstration loaders share: their data files (several loaders read their own part
 * of one file, so fields of the others' parts are ignored) and a one-page PDF that passes
 * the evidence checks.
 */
public final class DemoFiles {

    /** A one-page PDF: it passes the evidence stores' content checks. */
    public static final byte[] PDF = """
            %PDF-1.4
            1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
            2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
            3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj
            trailer <</Root 1 0 R>>
            %%EOF
            """.getBytes(StandardCharsets.US_ASCII);

    private DemoFiles() {
    }

    /**
     * A JSON file on the class path as {@code type}, ignoring the fields it does not
     * have.
     */
    public static <T> T json(String path, Class<T> type) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build()
                .readValue(in, type);
        }
    }

}
