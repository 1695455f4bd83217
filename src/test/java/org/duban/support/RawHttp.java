package org.duban.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket: the request line and headers go out exactly as given
 * (malformed paths, broken percent-encoding, any Host or X-Forwarded-* header), which an
 * HTTP client library would refuse or correct.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * Status, header block and body (chunk markers included, which searching the text
     * does not mind).
     */
    public record Answer(int status, String head, String text) {

        public String header(String name) {
            Matcher matcher = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*)$").matcher(head);
            return matcher.find() ? matcher.group(1).trim() : null;
        }
    }

    public static Answer send(int port, String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder().append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Connection: close\r\n");
            if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Host"))) {
                head.append("Host: localhost:").append(port).append("\r\n");
            }
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String headerBlock = end < 0 ? text : text.substring(0, end);
            int status = headerBlock.length() >= 12 ? Integer.parseInt(headerBlock.substring(9, 12)) : -1;
            return new Answer(status, headerBlock, end < 0 ? "" : text.substring(end + 4));
        }
    }

}
