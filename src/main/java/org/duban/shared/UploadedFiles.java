package org.duban.shared;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Checks shared by every upload: the type is judged by the file's first bytes (a renamed
 * HTML file is not an image), and the name a browser sends is cleaned before it is stored
 * or sent back in a header.
 */
public final class UploadedFiles {

    public static final String PDF = "application/pdf";

    public static final String PNG = "image/png";

    public static final String JPEG = "image/jpeg";

    /** Zip containers, which include Office Open XML (.docx, .xlsx). */
    public static final String ZIP = "application/zip";

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

    private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

    private static final byte[] ZIP_MAGIC = { 'P', 'K', 0x03, 0x04 };

    private UploadedFiles() {
    }

    /** The content type by magic number if it is one of {@code accepted}; else null. */
    public static String contentType(byte[] content, Set<String> accepted) {
        String type = startsWith(content, PDF_MAGIC) ? PDF : startsWith(content, PNG_MAGIC) ? PNG
                : startsWith(content, JPEG_MAGIC) ? JPEG : startsWith(content, ZIP_MAGIC) ? ZIP : null;
        return type != null && accepted.contains(type) ? type : null;
    }

    /**
     * No path separators or control characters, at most 200 characters (keeping the
     * extension at the end).
     */
    public static String safeName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "file" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /**
     * A stored file sent back: always as an attachment (never rendered inline), with its
     * checked type, {@code nosniff} and no caching by shared caches.
     */
    public static ResponseEntity<byte[]> download(String fileName, String contentType, byte[] content) {
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(contentType))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
            .header("X-Content-Type-Options", "nosniff")
            .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
            .body(content);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

}
