package lvsdirector.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The demo's real servers: tiny HTTP servers on loopback answering "demo server N", switchable off and on. */
final class DemoServers implements AutoCloseable {
    private final List<Integer> ports;
    private final HttpServer[] servers;

    DemoServers(List<Integer> ports) {
        this.ports = List.copyOf(ports);
        this.servers = new HttpServer[ports.size()];
    }

    int size() {
        return ports.size();
    }

    int port(int index) {
        return ports.get(index);
    }

    boolean isUp(int index) {
        return servers[index] != null;
    }

    synchronized void start(int index) throws IOException {
        if (servers[index] != null) {
            return;
        }
        String body = "demo server " + (index + 1) + "\n";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.get(index)), 16);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        servers[index] = server;
    }

    synchronized void stop(int index) {
        if (servers[index] != null) {
            servers[index].stop(0);
            servers[index] = null;
        }
    }

    @Override
    public synchronized void close() {
        for (int i = 0; i < servers.length; i++) {
            stop(i);
        }
    }

    static List<Integer> range(int first, int count) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(first + i);
        }
        return ports;
    }
}
