/**
 * An independent implementation of IBM Cloud's wire formats on 127.0.0.1: IAM's token endpoint, the Event
 * Notifications admin API v1 and the Code Engine API v2, for several regions at once. Each region's faults
 * (outage modes, latency, error rate, throttling) are injected through {@link dev.regionguard.simulator.FaultControls}
 * or the HTTP control API under {@code /_sim}; {@link dev.regionguard.simulator.IbmCloudSimulator} is the entry point.
 *
 * <p>It shares no class with the operator, and Maven makes that a compile-time fact: this module depends on no
 * RegionGuard module, so a mistake in the operator's clients cannot be copied into the server they are tested
 * against. Where IBM's documentation and SDKs disagree or say nothing, the class that models the behaviour writes
 * its choice down (and marks guesses as unverified).
 *
 * <p>Topic rules: IBM's CLI documentation says {@code topic-update} adds sources and cannot replace the rules of a
 * source already on the topic. The REST API's {@code PUT /topics/{id}} is a replace in IBM's SDKs
 * ({@code ReplaceTopic}, "Update details of a Topic", full {@code sources} with their rules), and IBM's own Terraform
 * provider updates a topic's rules with that one PUT, never by removing and re-adding the source. The simulator
 * therefore replaces sources and rules in place on PUT (unverified against a live account); the operator sends one
 * PUT, and its full comparison reports {@code WriteNotApplied} should IBM keep the old rules.
 *
 * <p>E-mail domains: {@code PATCH destinations/{id}/verify?type=spf|dkim}, {@code PATCH smtp/config/{id}/verify?type=}
 * (a comma list) and {@code PATCH destinations/{id}/upgrade} follow IBM's Go SDK ({@code UpdateVerifyDestination},
 * {@code UpdateVerifySMTP}, {@code UpdateEmailSandboxDestination}); a record answers {@code VERIFIED} once
 * {@link dev.regionguard.simulator.OutsideWorld} has the domain's DNS records, {@code PENDING} before (IBM's SDK
 * names no values: unverified). {@code smtp_custom_sandbox} destinations take no domain and have no records.
 *
 * <p>Destination tests: {@code POST destinations/{id}/test} follows IBM's Go SDK ({@code TestDestination}, no body)
 * for slack, pagerduty, servicenow, msteams, ibmce, ibmcf, ibmcos ({@code 200 {"status":"success"}}) and webhook
 * ({@code 202 {"status":"accepted","notification_id"}}); other types answer 400. A refusing end point is set with
 * {@link dev.regionguard.simulator.OutsideWorld#failDestinationTests} (see
 * {@link dev.regionguard.simulator.DestinationTests}).
 *
 * <p>Tag subscriptions: {@code destinations/{id}/tag_subscriptions} follows IBM's Go SDK: GET
 * ({@code ListTagsSubscription}, exact-match filters {@code device_id}, {@code user_id}, {@code tag_name}), POST
 * ({@code CreateTagsSubscription}, 201) and DELETE by the query {@code device_id} and {@code tag_name}
 * ({@code DeleteTagsSubscription}, 204). Where the SDK is silent (unverified): only push destinations have them
 * (400 on other types); a device must first register with the destination through IBM's push client SDKs,
 * modelled by {@link dev.regionguard.simulator.OutsideWorld#registerDevice} (404 otherwise); the same device and tag
 * twice is a 409; {@code search} matches tag name, device or user id; unregistering a device or deleting its
 * destination drops its subscriptions; the page links keep the filters.
 *
 * <p>Code Engine project deletion: IBM soft-deletes. {@code DELETE /projects/{id}} answers 202 with no body and takes
 * no hard-delete option (IBM's SDKs: {@code DeleteProjectOptions} holds only the id); the project goes
 * {@code deleting}, then {@code soft_deleted} ({@code Project.Status}), and GET still answers 200 with it, as IBM's
 * Terraform provider's tests expect. It stays listed and keeps its name (409 on create) for IBM's 7-day retention,
 * then is gone (404). Restoring and hard-deleting are CLI and console actions outside the v2 API, so the simulator
 * has neither. Unverified: the list showing it, its resources answering 403 {@code project_not_active}, and its
 * domain mappings releasing their names once it is soft-deleted.
 */
package dev.regionguard.simulator;
