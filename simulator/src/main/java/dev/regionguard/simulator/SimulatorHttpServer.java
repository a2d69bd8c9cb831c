package dev.regionguard.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's HTTP side: the JDK server on 127.0.0.1, routing each path family to its endpoint;
 * any other path gets IBM's 404 body.
 */
final class SimulatorHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorHttpServer.class);
    /** Connections waiting to be accepted. */
    private static final int BACKLOG = 200;

    static {
        // The JDK server flushes headers and body separately; with Nagle on, each answer then waits
        // ~40 ms for the client's delayed ACK. Read once, when the first HttpServer is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Who answers which path family. */
    record Endpoints(
            EnEndpoint en,
            CeEndpoint codeEngine,
            AppTraffic apps,
            IamEndpoint iam,
            ControlApi control,
            CisEndpoint cis) {}

    private final HttpServer server;
    private final ExecutorService executor;

    private SimulatorHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** @throws IllegalArgumentException unless 0 (any free port) to 65535 */
    static int validPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return port;
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving. */
    static SimulatorHttpServer start(int port, Endpoints endpoints) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
        }
        // A thread per call in flight: latency and BLACKHOLE faults park handler threads (a held call
        // stays parked after its client gave up), and a region that is down must never make the
        // others wait for a thread. Idle threads end after a minute.
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", exchange -> dispatch(exchange, endpoints));
        server.start();
        return new SimulatorHttpServer(server, executor);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void dispatch(HttpExchange exchange, Endpoints endpoints) {
        try {
            List<String> segments = HttpIo.pathSegments(exchange);
            String first = segments.isEmpty() ? "" : segments.get(0);
            String second = segments.size() >= 2 ? segments.get(1) : "";
            if (first.equals("_sim")) {
                endpoints.control().handle(exchange, segments);
            } else if (first.equals("iam")) {
                endpoints.iam().handle(exchange, segments);
            } else if (first.equals("apps")) {
                endpoints.apps().handle(exchange, segments);
            } else if (first.equals("cis")) {
                endpoints.cis().handle(exchange, segments);
            } else if (first.equals("edge")) {
                endpoints.cis().edge().handle(exchange, segments);
            } else if (second.equals("event-notifications")) {
                endpoints.en().handle(exchange, segments);
            } else if (second.equals("codeengine")) {
                endpoints.codeEngine().handle(exchange, segments);
            } else {
                HttpIo.sendError(
                        exchange,
                        IbmService.EVENT_NOTIFICATIONS,
                        ApiException.notFound("No such path: " + exchange.getRequestURI()));
            }
        } catch (ApiException e) {
            sendQuietly(exchange, e);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Simulator exchange failed: {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private static void sendQuietly(HttpExchange exchange, ApiException e) {
        try {
            HttpIo.sendError(exchange, IbmService.EVENT_NOTIFICATIONS, e);
        } catch (IOException | RuntimeException ignored) {
            // the client is gone; nothing left to tell it
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ibm-cloud-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
