package dev.regionguard.controller.protection;

import dev.regionguard.failover.VantageQuorum;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a service read in one reconcile: its change to the status and the vantage points it saw. A
 * source that did not answer gives no vantage point (it is then not fresh), never a guessed view.
 */
public record PassReads<S>(Consumer<S> extras, List<VantageQuorum.Report> vantagePoints) {
    public PassReads {
        vantagePoints = List.copyOf(vantagePoints);
    }

    public static <S> PassReads<S> none() {
        return new PassReads<>(next -> {}, List.of());
    }
}
