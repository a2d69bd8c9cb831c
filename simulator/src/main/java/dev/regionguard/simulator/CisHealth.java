package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pool and origin health as CIS's monitors would find it, computed on every read instead of by
 * periodic checks, so it is deterministic and follows outages at once. An origin address that is a
 * Code Engine CNAME target ({@code custom.<project subdomain>.<region>.codeengine.appdomain.cloud})
 * leads to that project; the probe then passes the region's down mode and latency as app traffic
 * does and must get an expected status from the app of the ready domain mapping named by the
 * probe's Host header (origin's header, else the monitor's). Other addresses are unknown hosts.
 * A tcp monitor only needs the connection (a region answering 503 passes). A pool without a monitor
 * counts its enabled origins healthy, as CIS does; a disabled pool or origin is not probed and
 * counts unhealthy. Retries and interval are not modelled; a region's latency beyond the monitor's
 * timeout fails the probe. Probes are not counted in the region's app traffic stats.
 */
final class CisHealth {

    private static final Pattern CE_TARGET =
            Pattern.compile("custom\\.([a-z0-9]+)\\.([a-z0-9]+(?:-[a-z0-9]+)*)\\.codeengine\\.appdomain\\.cloud\\.?");

    /** The Code Engine project an origin address leads to. */
    record Target(Region region, CeProject project) {}

    /** One probe; {@code failureReason} is null when healthy or not probed. */
    record Probe(boolean healthy, String failureReason) {
        static final Probe HEALTHY = new Probe(true, null);
        static final Probe NOT_PROBED = new Probe(false, null);

        static Probe failed(String reason) {
            return new Probe(false, reason);
        }
    }

    private final Map<String, Region> regions;

    CisHealth(Map<String, Region> regions) {
        this.regions = regions;
    }

    /** The project behind a Code Engine CNAME target, or null when the address leads nowhere known. */
    Target resolve(String address) {
        Matcher matcher = CE_TARGET.matcher(address.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return null;
        }
        Region region = regions.get(matcher.group(2));
        CeProject project = region == null ? null : region.codeEngine().bySubdomain(matcher.group(1));
        return project == null ? null : new Target(region, project);
    }

    /** The Host a request to {@code origin} carries: the origin's own header, the monitor's, else the address. */
    static String hostFor(JsonNode origin, JsonNode monitor) {
        String host = CisFields.firstHeader(origin.get("header"), "Host");
        if (host == null && monitor != null) {
            host = CisFields.firstHeader(monitor.get("header"), "Host");
        }
        return host != null ? host : origin.path("address").asText();
    }

    /** The pool as GET shows it: {@code healthy} of the pool and each origin, probed now. */
    ObjectNode poolView(ObjectNode pool, ObjectNode monitor) {
        ObjectNode view = Json.object();
        boolean enabled = pool.path("enabled").asBoolean();
        int healthyOrigins = 0;
        ArrayNode probed = Json.array();
        for (JsonNode stored : pool.path("origins")) {
            ObjectNode origin = ((ObjectNode) stored).deepCopy();
            Probe probe = enabled && origin.path("enabled").asBoolean() ? probe(origin, monitor) : Probe.NOT_PROBED;
            origin.put("healthy", probe.healthy());
            if (probe.failureReason() != null) {
                origin.put("failure_reason", probe.failureReason());
            }
            healthyOrigins += probe.healthy() ? 1 : 0;
            probed.add(origin);
        }
        boolean healthy =
                enabled && healthyOrigins >= pool.path("minimum_origins").asInt(1);
        pool.properties().forEach(field -> {
            view.set(field.getKey(), field.getKey().equals("origins") ? probed : field.getValue());
            if (field.getKey().equals("enabled")) {
                view.put("healthy", healthy);
            }
        });
        return view;
    }

    /** Probes one enabled origin with the pool's monitor (null: none, healthy). */
    Probe probe(JsonNode origin, JsonNode monitor) {
        if (monitor == null) {
            return Probe.HEALTHY;
        }
        Target target = resolve(origin.path("address").asText());
        if (target == null) {
            return Probe.failed("DNS unknown host");
        }
        long started = System.nanoTime();
        FaultOutcome fault = target.region().faults().beforeAppTraffic();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (took.compareTo(Duration.ofSeconds(monitor.path("timeout").asLong(5))) > 0) {
            return Probe.failed("HTTP timeout occurred");
        }
        boolean tcp = monitor.path("type").asText().equals("tcp");
        switch (fault.action()) {
            case CLOSE -> {
                return Probe.failed("TCP connection failed");
            }
            case HOLD_THEN_CLOSE -> {
                return Probe.failed("HTTP timeout occurred");
            }
            case RESPOND -> {
                return tcp ? Probe.HEALTHY : checkResponse(monitor, new Reply(fault.status(), null));
            }
            case PROCEED -> {
                return tcp
                        ? Probe.HEALTHY
                        : checkResponse(
                                monitor,
                                AppTraffic.answerCustomDomain(
                                        target.region(), target.project(), hostFor(origin, monitor)));
            }
        }
        throw new IllegalStateException("unknown fault action " + fault.action());
    }

    private static Probe checkResponse(JsonNode monitor, Reply reply) {
        if (!CisMonitors.codeMatches(monitor.path("expected_codes").asText("200"), reply.status())) {
            return Probe.failed("Response code mismatch error");
        }
        String expectedBody = monitor.path("expected_body").asText("");
        String body = reply.body() == null ? "" : reply.body().toString();
        if (!body.toLowerCase(Locale.ROOT).contains(expectedBody.toLowerCase(Locale.ROOT))) {
            return Probe.failed("Response body mismatch error");
        }
        return Probe.HEALTHY;
    }
}
