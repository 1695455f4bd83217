package org.duban.notification;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 standing in for an SMS gateway, a WeCom robot or a
 * hotline system: it answers with the next scripted status (the last one repeats),
 * optionally after a delay, and keeps what it received.
 */
final class LocalGateway implements AutoCloseable {

    static {
        // Like a production HTTP server (nginx, Tomcat, Netty), send the answer without
        // Nagle's delay. The JDK's server leaves Nagle on by default: its answer's body
        // (written after the headers) then waits for the client's delayed ACK, about 40
        // ms
        // on a kept-alive connection, and every call took that long (read once, when the
        // first server of the JVM starts). docs/adr/0312-outbox-drains-in-batches.md
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    record Received(String body, Map<String, List<String>> headers) {
    }

    private final HttpServer server;

    private final List<Integer> statuses;

    private final AtomicInteger calls = new AtomicInteger();

    final List<Received> received = new CopyOnWriteArrayList<>();

    volatile long delayMillis;

    volatile String answer = "{}";

    LocalGateway(Integer... statuses) throws IOException {
        this.statuses = List.of(statuses);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int n = calls.getAndIncrement();
            received.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    Map.copyOf(exchange.getRequestHeaders())));
            try {
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(this.statuses.get(Math.min(n, this.statuses.size() - 1)), body.length);
                exchange.getResponseBody().write(body);
            }
            catch (InterruptedException | IOException e) {
                // the client gave up (timeout test)
            }
            finally {
                exchange.close();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/send";
    }

    int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
