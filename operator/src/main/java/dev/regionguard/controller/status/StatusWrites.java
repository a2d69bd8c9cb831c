package dev.regionguard.controller.status;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a resource's status the one way, with optimistic locking, whether the API server has
 * server-side apply or not. A reconcile can start from a view older than the last status written
 * (JOSDK keeps no copy of a status it patched, and the informer may not have the write yet); a
 * status built from that view would put back what the last write replaced (a standby's last
 * successful sync, say, which an automatic failover waits for, or a failover's recorded step).
 * Locked on the version read, such a write is refused (409) and the next reconcile starts from the
 * newer status. What was written goes into JOSDK's cache, so the next reconcile starts from it.
 */
public final class StatusWrites {
    private static final Logger LOG = LoggerFactory.getLogger(StatusWrites.class);
    /** After a refused write: long enough for the informer to catch up, short next to a health check. */
    public static final Duration STALE_VIEW_RETRY = Duration.ofMillis(500);

    private StatusWrites() {}

    /** Carries out a patchStatus the report asked for; any other control is returned as it is. */
    public static <P extends CustomResource<?, S>, S> UpdateControl<P> perform(
            P inHand, UpdateControl<P> control, Context<P> context) {
        if (!control.isPatchStatus()) {
            return control;
        }
        S next = control.getResource().orElseThrow().getStatus();
        boolean written = write(inHand, next, context).isPresent();
        UpdateControl<P> done = UpdateControl.noUpdate();
        if (!written) {
            return done.rescheduleAfter(STALE_VIEW_RETRY);
        }
        control.getScheduleDelay().ifPresent(done::rescheduleAfter);
        return done;
    }

    /** The written resource, cached for the next reconcile; empty when the view was stale. */
    public static <P extends CustomResource<?, S>, S> Optional<P> write(P inHand, S next, Context<P> context) {
        Optional<P> written = write(context.getClient(), inHand, next);
        written.ifPresent(w -> context.eventSourceRetriever()
                .getControllerEventSource()
                .handleRecentResourceUpdate(ResourceID.fromResource(inHand), w, inHand));
        return written;
    }

    /** PUT of the status subresource, locked on the version of {@code inHand}; empty on a conflict. */
    public static <P extends CustomResource<?, S>, S> Optional<P> write(KubernetesClient client, P inHand, S next) {
        P body = client.getKubernetesSerialization().clone(inHand); // the cached object stays untouched
        body.setStatus(next);
        try {
            return Optional.of(client.resource(body).updateStatus());
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            LOG.debug(
                    "status not written: {} changed after this reconcile read it; the next one starts from the change",
                    inHand.getMetadata().getName());
            return Optional.empty();
        }
    }
}
