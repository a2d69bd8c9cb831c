package dev.regionguard.codeengine;

import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EdgeStatus;
import dev.regionguard.health.EdgeConfiguration;
import java.util.ArrayList;
import java.util.List;

/**
 * The edge's part of a Code Engine protection's status: {@code status.edge} and EdgeConfigured,
 * placed after the conditions already there; the status builder stamps the condition.
 */
final class CeEdgeReport {
    private CeEdgeReport() {}

    static void report(CodeEngineProtectionStatus next, EdgeStatus edge, Condition condition) {
        next.edge = edge;
        put(next, condition);
    }

    /** CIS did not answer: the last known edge, and EdgeConfigured Unknown. */
    static void unreachable(CodeEngineProtectionStatus next, CodeEngineProtectionStatus previous, String why) {
        next.edge = previous.edge;
        put(next, Conditions.unknown(Conditions.EDGE_CONFIGURED, EdgeConfiguration.UNREACHABLE, "CIS: " + why));
    }

    /** Without spec.edge: neither the edge nor its condition. */
    static void remove(CodeEngineProtectionStatus next) {
        next.edge = null;
        put(next, null);
    }

    /** A pass that did not sync keeps the last verdict. */
    static void carry(CodeEngineProtectionStatus next, CodeEngineProtectionStatus previous) {
        Condition old = Conditions.find(previous.conditions, Conditions.EDGE_CONFIGURED);
        if (old != null) {
            put(next, new Condition(old.type, old.status, old.reason, old.message));
        }
    }

    private static void put(CodeEngineProtectionStatus next, Condition condition) {
        List<Condition> conditions = new ArrayList<>(next.conditions);
        conditions.removeIf(c -> Conditions.EDGE_CONFIGURED.equals(c.type));
        if (condition != null) {
            conditions.add(condition);
        }
        next.conditions = conditions;
    }
}
