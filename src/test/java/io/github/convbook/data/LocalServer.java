package io.github.convbook.data;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * An HTTP server on 127.0.0.1 that serves fixed files, standing in for Keras's mirror in tests.
 * A file listed in {@code truncated} is announced with its full Content-Length but only half of it is sent.
 */
final class LocalServer implements AutoCloseable {
    private final HttpServer server;

    LocalServer(Map<String, byte[]> files, String... truncated) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring(1);
            byte[] body = files.get(name);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            if (List.of(truncated).contains(name)) {
                out.write(body, 0, body.length / 2);
                out.flush();
                exchange.close();   // closing short of the Content-Length drops the connection
                return;
            }
            out.write(body);
            exchange.close();
        });
        server.start();
    }

    /** The base URL, ending in "/". */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
