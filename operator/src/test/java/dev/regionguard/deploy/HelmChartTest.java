package dev.regionguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The chart rendered by the real Helm engine, with defaults and with non-default values. */
class HelmChartTest {
    private static final String NS = HelmRender.NAMESPACE;
    private static final String GROUP = "regionguard.dev";
    private static final Set<String> RBAC_KINDS = Set.of("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");

    /** The contract with the Java side: every variable it reads, and nothing else from the chart. */
    private static final Set<String> OPERATOR_ENV = Set.of(
            "REGIONGUARD_ENDPOINT_TYPE",
            "REGIONGUARD_WATCH_NAMESPACES",
            "REGIONGUARD_LEADER_ELECTION",
            "REGIONGUARD_LEASE_NAME",
            "REGIONGUARD_LEASE_NAMESPACE",
            "REGIONGUARD_POD_NAME",
            "REGIONGUARD_LOG_FORMAT",
            "REGIONGUARD_MAX_CONCURRENT_PER_REGION",
            "REGIONGUARD_HTTP_PORT");

    /** What the operator may do in a watched namespace: "group/resource" → verbs. */
    private static final Map<String, Set<String>> OPERATOR_PERMISSIONS = Map.ofEntries(
            Map.entry(GROUP + "/eventnotificationsprotections", Set.of("get", "list", "watch")),
            Map.entry(GROUP + "/codeengineprotections", Set.of("get", "list", "watch")),
            Map.entry(GROUP + "/regionfailovers", Set.of("get", "list", "watch", "create", "patch")),
            Map.entry(GROUP + "/eventnotificationsprotections/status", Set.of("update")),
            Map.entry(GROUP + "/codeengineprotections/status", Set.of("update")),
            Map.entry(GROUP + "/regionfailovers/status", Set.of("update")),
            Map.entry(GROUP + "/regionobservations", Set.of("get", "list", "watch")),
            Map.entry(GROUP + "/eventnotificationsprotections/finalizers", Set.of("update")),
            Map.entry(GROUP + "/codeengineprotections/finalizers", Set.of("update")),
            Map.entry(GROUP + "/regionfailovers/finalizers", Set.of("update")),
            Map.entry("/secrets", Set.of("get", "list", "create", "update", "delete")),
            Map.entry("/configmaps", Set.of("get", "create", "update", "patch")),
            Map.entry("/events", Set.of("create", "patch")),
            Map.entry("events.k8s.io/events", Set.of("create", "patch")));

    private static final List<String> KINDS = List.of(
            GROUP + "/eventnotificationsprotections", GROUP + "/codeengineprotections", GROUP + "/regionfailovers");

    @Test
    void chartLintsCleanInStrictMode() {
        LintResult lint = new Helm(Repo.CHART).lint().strict().call();

        assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    @Nested
    class Defaults {
        private final HelmRender.Rendered r = HelmRender.render(null);

        @Test
        void rendersTheOperatorAndItsRbacButNoMonitoringObjects() {
            assertThat(r.kinds())
                    .containsExactlyInAnyOrder(
                            "ServiceAccount",
                            "ClusterRole",
                            "ClusterRole",
                            "ClusterRole",
                            "ClusterRole",
                            "ClusterRole",
                            "ClusterRoleBinding",
                            "Role",
                            "RoleBinding",
                            "Service",
                            "Deployment",
                            "PodDisruptionBudget");
            assertThat(r.all(ClusterRole.class))
                    .extracting(o -> o.getMetadata().getName())
                    .containsExactlyInAnyOrder(
                            "regionguard-operator",
                            "regionguard-view",
                            "regionguard-edit",
                            "regionguard-failover-operator",
                            "regionguard-witness");
        }

        @Test
        void namespacedObjectsLandInTheReleaseNamespace() {
            r.docs().stream()
                    .map(HelmRender.Doc::object)
                    .filter(o -> !o.getKind().startsWith("Cluster"))
                    .forEach(o -> assertThat(o.getMetadata().getNamespace())
                            .as(o.getKind())
                            .isEqualTo(NS));
        }

        @Test
        void rbacHasNoWildcardAnywhere() {
            assertNoWildcards(r);
        }

        @Test
        void operatorClusterRoleGrantsExactlyTheContractedVerbs() {
            ClusterRole role = r.named(ClusterRole.class, "regionguard-operator");

            assertThat(permissions(role.getRules())).isEqualTo(new TreeMap<>(OPERATOR_PERMISSIONS));
            assertThat(role.getRules())
                    .allSatisfy(rule -> assertThat(rule.getResourceNames()).isNullOrEmpty());
        }

        /**
         * Referenced Secrets and ConfigMaps are read by name: the operator may not watch any Secret nor
         * list or watch ConfigMaps, in the chart and in the manifests generated from it.
         */
        @Test
        void operatorClusterRoleNeverWatchesSecretsNorListsConfigMaps() {
            ClusterRole rendered = r.named(ClusterRole.class, "regionguard-operator");
            ClusterRole applied = Serialization.unmarshal(
                    Repo.read(Repo.MANIFESTS.resolve("030-ClusterRole-regionguard-operator.yaml")), ClusterRole.class);

            for (ClusterRole role : List.of(rendered, applied)) {
                Map<String, Set<String>> granted = permissions(role.getRules());
                assertThat(granted.get("/secrets")).contains("get").doesNotContain("watch");
                assertThat(granted.get("/configmaps")).contains("get").doesNotContain("list", "watch");
            }
        }

        @Test
        void operatorClusterRoleIsBoundToTheServiceAccount() {
            ClusterRoleBinding binding = r.one(ClusterRoleBinding.class);

            assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
            assertThat(binding.getRoleRef().getName()).isEqualTo("regionguard-operator");
            assertThat(binding.getSubjects()).singleElement().satisfies(s -> isOperatorAccount(s, "regionguard"));
        }

        @Test
        void leasesAreGrantedOnlyByARoleInTheReleaseNamespaceForTheOneLease() {
            String lease = env(container(r)).get("REGIONGUARD_LEASE_NAME");
            Role role = r.one(Role.class);

            assertThat(role.getMetadata().getNamespace()).isEqualTo(NS);
            assertThat(role.getRules()).allSatisfy(rule -> {
                assertThat(rule.getApiGroups()).containsExactly("coordination.k8s.io");
                assertThat(rule.getResources()).containsExactly("leases");
            });
            assertThat(role.getRules())
                    .filteredOn(rule -> !rule.getResourceNames().isEmpty())
                    .singleElement()
                    .satisfies(rule -> {
                        assertThat(rule.getResourceNames()).containsExactly(lease);
                        assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "update");
                    });
            assertThat(role.getRules())
                    .filteredOn(rule -> rule.getResourceNames().isEmpty())
                    .singleElement()
                    .satisfies(rule -> assertThat(rule.getVerbs()).containsExactly("create"));
            assertThat(r.all(ClusterRole.class))
                    .flatExtracting(ClusterRole::getRules)
                    .flatExtracting(PolicyRule::getResources)
                    .doesNotContain("leases");

            RoleBinding binding = r.one(RoleBinding.class);
            assertThat(binding.getRoleRef().getName())
                    .isEqualTo(role.getMetadata().getName());
            assertThat(binding.getSubjects()).singleElement().satisfies(s -> isOperatorAccount(s, "regionguard"));
        }

        @Test
        void userRolesAggregateIntoViewAndEditAndTheOnCallRoleStandsAlone() {
            ClusterRole view = r.named(ClusterRole.class, "regionguard-view");
            ClusterRole edit = r.named(ClusterRole.class, "regionguard-edit");
            ClusterRole onCall = r.named(ClusterRole.class, "regionguard-failover-operator");

            assertThat(view.getMetadata().getLabels())
                    .containsEntry("rbac.authorization.k8s.io/aggregate-to-view", "true");
            Map<String, Set<String>> viewed = onKinds(KINDS, "get", "list", "watch");
            viewed.put(GROUP + "/regionobservations", Set.of("get", "list", "watch"));
            assertThat(permissions(view.getRules())).isEqualTo(viewed);

            assertThat(edit.getMetadata().getLabels())
                    .containsEntry("rbac.authorization.k8s.io/aggregate-to-edit", "true")
                    .doesNotContainKey("rbac.authorization.k8s.io/aggregate-to-view");
            assertThat(permissions(edit.getRules())).isEqualTo(onKinds(KINDS, "create", "update", "patch", "delete"));

            assertThat(onCall.getMetadata().getLabels().keySet())
                    .noneMatch(k -> k.startsWith("rbac.authorization.k8s.io/aggregate-to"));
            Map<String, Set<String>> expected = onKinds(KINDS, "get", "list", "watch");
            expected.put(GROUP + "/regionfailovers", Set.of("get", "list", "watch", "create", "delete"));
            assertThat(permissions(onCall.getRules())).isEqualTo(expected);
        }

        /** A witness reads the protections and writes only its own views: nothing else, no Secret. */
        @Test
        void theWitnessRoleReadsProtectionsAndWritesOnlyObservations() {
            ClusterRole witness = r.named(ClusterRole.class, "regionguard-witness");

            assertThat(permissions(witness.getRules()))
                    .isEqualTo(Map.of(
                            GROUP + "/eventnotificationsprotections", Set.of("get", "list", "watch"),
                            GROUP + "/codeengineprotections", Set.of("get", "list", "watch"),
                            GROUP + "/regionobservations", Set.of("get", "create", "update"),
                            GROUP + "/regionobservations/status", Set.of("update")));
        }

        @Test
        void podRunsAsNonRootWithAReadOnlyRootFilesystemAndNoCapabilities() {
            PodSpec pod = r.one(Deployment.class).getSpec().getTemplate().getSpec();
            Container c = container(r);

            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(c.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
            assertThat(c.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
        }

        @Test
        void tmpIsAWritableEmptyDirBecauseTheRootFilesystemIsReadOnly() {
            PodSpec pod = r.one(Deployment.class).getSpec().getTemplate().getSpec();

            assertThat(container(r).getVolumeMounts()).anySatisfy(m -> {
                assertThat(m.getMountPath()).isEqualTo("/tmp");
                assertThat(m.getReadOnly()).isNotEqualTo(Boolean.TRUE);
                assertThat(pod.getVolumes()).anySatisfy(v -> {
                    assertThat(v.getName()).isEqualTo(m.getName());
                    assertThat(v.getEmptyDir()).isNotNull();
                });
            });
        }

        @Test
        void probesUseTheHealthPathsOnTheNamedHttpPort() {
            Container c = container(r);

            assertThat(c.getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getContainerPort()).isEqualTo(8080);
            });
            assertProbe(c.getStartupProbe().getHttpGet(), "/healthz/started");
            assertProbe(c.getLivenessProbe().getHttpGet(), "/healthz/live");
            assertProbe(c.getReadinessProbe().getHttpGet(), "/healthz/ready");
            // A slow first informer sync must not get the pod killed before it has started.
            assertThat(c.getStartupProbe().getPeriodSeconds()
                            * c.getStartupProbe().getFailureThreshold())
                    .isGreaterThanOrEqualTo(60);
        }

        @Test
        void environmentCarriesTheContractWithLeaderElectionFromTheDownwardApi() {
            Map<String, String> env = env(container(r));
            Map<String, EnvVar> vars =
                    container(r).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, v -> v));

            assertThat(env.keySet()).isEqualTo(OPERATOR_ENV);
            assertThat(env)
                    .containsEntry("REGIONGUARD_ENDPOINT_TYPE", "public")
                    .containsEntry("REGIONGUARD_WATCH_NAMESPACES", "")
                    .containsEntry("REGIONGUARD_LEADER_ELECTION", "true")
                    .containsEntry("REGIONGUARD_LEASE_NAME", "regionguard-operator")
                    .containsEntry("REGIONGUARD_LOG_FORMAT", "json")
                    .containsEntry("REGIONGUARD_MAX_CONCURRENT_PER_REGION", "8")
                    .containsEntry("REGIONGUARD_HTTP_PORT", "8080");
            assertThat(vars.get("REGIONGUARD_LEASE_NAMESPACE")
                            .getValueFrom()
                            .getFieldRef()
                            .getFieldPath())
                    .isEqualTo("metadata.namespace");
            assertThat(vars.get("REGIONGUARD_POD_NAME")
                            .getValueFrom()
                            .getFieldRef()
                            .getFieldPath())
                    .isEqualTo("metadata.name");
        }

        @Test
        void deploymentRunsTwoReplicasSpreadAcrossNodesWithTimeToShutDown() {
            Deployment d = r.one(Deployment.class);
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            Map<String, String> podLabels =
                    d.getSpec().getTemplate().getMetadata().getLabels();

            assertThat(d.getSpec().getReplicas()).isEqualTo(2);
            assertThat(podLabels).containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
            assertThat(pod.getServiceAccountName())
                    .isEqualTo(r.one(ServiceAccount.class).getMetadata().getName());
            assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(30L);
            assertThat(container(r).getImage()).isEqualTo("icr.io/regionguard/regionguard-operator:0.1.0");
            assertThat(container(r).getArgs()).containsExactly("run");

            WeightedPodAffinityTerm spread = pod.getAffinity()
                    .getPodAntiAffinity()
                    .getPreferredDuringSchedulingIgnoredDuringExecution()
                    .get(0);
            assertThat(pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
                    .isNullOrEmpty();
            assertThat(spread.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(podLabels)
                    .containsAllEntriesOf(
                            spread.getPodAffinityTerm().getLabelSelector().getMatchLabels());
        }

        @Test
        void serviceAndDisruptionBudgetSelectTheOperatorPods() {
            Deployment d = r.one(Deployment.class);
            Map<String, String> podLabels =
                    d.getSpec().getTemplate().getMetadata().getLabels();
            Service svc = r.one(Service.class);
            PodDisruptionBudget pdb = r.one(PodDisruptionBudget.class);

            assertThat(podLabels).containsAllEntriesOf(svc.getSpec().getSelector());
            assertThat(svc.getSpec().getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
            });
            assertThat(podLabels)
                    .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
            assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        }
    }

    @Nested
    class WatchNamespaces {
        private final HelmRender.Rendered r = HelmRender.render("namespaced.yaml");

        @Test
        void grantsTheOperatorRolesInEachWatchedNamespaceAndNoClusterRole() {
            List<Role> operatorRoles = r.all(Role.class).stream()
                    .filter(role -> role.getMetadata().getName().equals("regionguard-operator"))
                    .toList();

            assertThat(operatorRoles)
                    .extracting(role -> role.getMetadata().getNamespace())
                    .containsExactlyInAnyOrder("team-a", "team-b");
            assertThat(operatorRoles)
                    .allSatisfy(role ->
                            assertThat(permissions(role.getRules())).isEqualTo(new TreeMap<>(OPERATOR_PERMISSIONS)));
            assertThat(r.all(ClusterRole.class))
                    .extracting(o -> o.getMetadata().getName())
                    .doesNotContain("regionguard-operator");
            assertThat(r.all(ClusterRoleBinding.class)).isEmpty();
            // Nothing cluster-wide may read Secrets when namespaces are listed.
            assertThat(r.all(ClusterRole.class))
                    .flatExtracting(ClusterRole::getRules)
                    .flatExtracting(PolicyRule::getResources)
                    .doesNotContain("secrets", "configmaps");
            assertNoWildcards(r);
        }

        @Test
        void bindsEachRoleToTheServiceAccountInTheReleaseNamespace() {
            List<RoleBinding> bindings = r.all(RoleBinding.class).stream()
                    .filter(b -> b.getMetadata().getName().equals("regionguard-operator"))
                    .toList();

            assertThat(bindings)
                    .extracting(b -> b.getMetadata().getNamespace())
                    .containsExactlyInAnyOrder("team-a", "team-b");
            assertThat(bindings).allSatisfy(b -> {
                assertThat(b.getRoleRef().getKind()).isEqualTo("Role");
                assertThat(b.getSubjects()).singleElement().satisfies(s -> isOperatorAccount(s, "regionguard"));
            });
        }

        @Test
        void passesTheNamespacesToTheOperatorAndKeepsTheLeaseInTheReleaseNamespace() {
            assertThat(env(container(r))).containsEntry("REGIONGUARD_WATCH_NAMESPACES", "team-a,team-b");
            assertThat(r.named(Role.class, "regionguard-leader-election")
                            .getMetadata()
                            .getNamespace())
                    .isEqualTo(NS);
            assertThat(r.all(ClusterRole.class)).hasSize(4);
        }
    }

    @Test
    void rbacCreateFalseRendersNoRbacObjects() {
        HelmRender.Rendered r = HelmRender.render("no-rbac.yaml");

        assertThat(r.kinds()).noneMatch(RBAC_KINDS::contains);
        assertThat(r.kinds()).contains("ServiceAccount", "Deployment");
    }

    @Test
    void monitoringObjectsScrapeTheHttpPortAndKeepTheMetricsOwnNamespaceLabel() {
        HelmRender.Rendered r = HelmRender.render("monitoring.yaml");
        GenericKubernetesResource monitor =
                (GenericKubernetesResource) r.ofKind("ServiceMonitor").get(0).object();
        GenericKubernetesResource rule =
                (GenericKubernetesResource) r.ofKind("PrometheusRule").get(0).object();
        Service svc = r.one(Service.class);

        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        Map<String, Object> endpoint =
                monitor.<List<Map<String, Object>>>get("spec", "endpoints").get(0);
        assertThat(endpoint)
                .containsEntry("port", "http")
                .containsEntry("path", "/metrics")
                .containsEntry("interval", "15s")
                .containsEntry("honorLabels", true);
        assertThat(svc.getMetadata().getLabels())
                .containsAllEntriesOf(monitor.<Map<String, String>>get("spec", "selector", "matchLabels"));
        assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        assertThat(rule.<List<?>>get("spec", "groups")).isNotEmpty();
    }

    @Test
    void customValuesReachTheDeployment() {
        HelmRender.Rendered r = HelmRender.render("custom.yaml");
        Deployment d = r.one(Deployment.class);
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = container(r);
        Map<String, String> env = env(c);

        assertThat(env)
                .containsEntry("REGIONGUARD_ENDPOINT_TYPE", "private")
                .containsEntry("REGIONGUARD_LOG_FORMAT", "text")
                .containsEntry("REGIONGUARD_MAX_CONCURRENT_PER_REGION", "4")
                .containsEntry("REGIONGUARD_LEASE_NAME", "rg-lease")
                .containsEntry("REGIONGUARD_HTTP_PORT", "9090")
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+ExitOnOutOfMemoryError");
        assertThat(c.getPorts().get(0).getContainerPort()).isEqualTo(9090);
        assertThat(r.one(Service.class).getSpec().getPorts().get(0).getPort()).isEqualTo(9090);
        assertThat(c.getImage()).endsWith(":1.2.3");
        assertThat(pod.getImagePullSecrets()).extracting("name").containsExactly("icr-pull");
        assertThat(pod.getServiceAccountName()).isEqualTo("rg-operator");
        assertThat(r.one(ServiceAccount.class).getMetadata().getAnnotations())
                .containsEntry("example.com/owner", "platform");
        assertThat(r.one(ClusterRoleBinding.class).getSubjects())
                .singleElement()
                .satisfies(s -> isOperatorAccount(s, "rg-operator"));
        assertThat(r.named(Role.class, "regionguard-leader-election").getRules())
                .flatExtracting(PolicyRule::getResourceNames)
                .containsExactly("rg-lease");
        // A user-supplied affinity replaces the default spread instead of being merged with it.
        assertThat(pod.getAffinity().getNodeAffinity()).isNotNull();
        assertThat(pod.getAffinity().getPodAntiAffinity()).isNull();
    }

    @Test
    void withoutLeaderElectionOneReplicaRunsWithoutLeaseOrDisruptionBudget() {
        HelmRender.Rendered r = HelmRender.render("single-replica.yaml");

        assertThat(r.one(Deployment.class).getSpec().getReplicas()).isEqualTo(1);
        assertThat(env(container(r))).containsEntry("REGIONGUARD_LEADER_ELECTION", "false");
        assertThat(r.all(Role.class)).isEmpty();
        assertThat(r.all(PodDisruptionBudget.class)).isEmpty();
    }

    @Test
    void aWitnessElsewhereIsOnePodWithItsKeyAndTheControllingClustersKubeconfigAndNoRbacHere() {
        HelmRender.Rendered r = HelmRender.render("witness.yaml");

        assertThat(r.one(Deployment.class).getSpec().getReplicas()).isEqualTo(1);
        assertThat(env(container(r)))
                .containsEntry("REGIONGUARD_WITNESS_NAME", "witness-eu")
                .containsEntry("REGIONGUARD_WITNESS_APIKEY_FILE", "/var/run/regionguard/witness/apikey")
                .containsEntry("KUBECONFIG", "/var/run/regionguard/controlling-cluster/kubeconfig")
                .containsEntry("REGIONGUARD_LEADER_ELECTION", "false");
        var volumes = r.one(Deployment.class).getSpec().getTemplate().getSpec().getVolumes();
        assertThat(volumes)
                .filteredOn(v -> v.getSecret() != null)
                .extracting(v -> v.getSecret().getSecretName())
                .containsExactlyInAnyOrder("witness-apikey", "controlling-cluster");
        assertThat(container(r).getVolumeMounts())
                .filteredOn(m -> m.getMountPath().startsWith("/var/run/regionguard/"))
                .allSatisfy(m -> assertThat(m.getReadOnly()).isTrue())
                .hasSize(2);
        assertThat(r.all(ClusterRole.class)).isEmpty();
        assertThat(r.all(ClusterRoleBinding.class)).isEmpty();
        assertThat(r.all(Role.class)).isEmpty();
        assertThat(r.all(PodDisruptionBudget.class)).isEmpty();
    }

    @Test
    void aWitnessReportingToItsOwnClusterGetsTheWitnessRoleOnly() {
        HelmRender.Rendered r = HelmRender.render("witness-same-cluster.yaml");

        assertThat(env(container(r))).doesNotContainKey("KUBECONFIG");
        assertThat(r.all(ClusterRole.class)).isEmpty();
        ClusterRoleBinding binding = r.one(ClusterRoleBinding.class);
        assertThat(binding.getRoleRef().getName()).isEqualTo("regionguard-witness");
        assertThat(binding.getSubjects())
                .singleElement()
                .satisfies(s -> assertThat(s.getName()).isEqualTo("regionguard"));
    }

    @Test
    void rejectsAWitnessWithoutAName() {
        assertThat(HelmRender.failure("invalid-witness-without-name.yaml"))
                .contains("witness.enabled needs witness.name");
    }

    @Test
    void rejectsSeveralReplicasWithoutLeaderElection() {
        assertThat(HelmRender.failure("invalid-two-replicas-without-leader-election.yaml"))
                .contains("leaderElection.enabled=false needs replicaCount <= 1");
    }

    @Test
    void schemaRejectsAnUnknownEndpointType() {
        assertThat(HelmRender.failure("invalid-endpoint-type.yaml"))
                .contains("operator.endpointType")
                .contains("public")
                .contains("private");
    }

    // ---------------------------------------------------------------- helpers

    static Container container(HelmRender.Rendered r) {
        return r.one(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
    }

    static Map<String, String> env(Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        c.getEnv().forEach(v -> env.put(v.getName(), v.getValue()));
        return env;
    }

    private static void assertProbe(HTTPGetAction get, String path) {
        assertThat(get.getPath()).isEqualTo(path);
        assertThat(get.getPort().getStrVal()).isEqualTo("http");
    }

    private static void isOperatorAccount(Subject s, String name) {
        assertThat(s.getKind()).isEqualTo("ServiceAccount");
        assertThat(s.getName()).isEqualTo(name);
        assertThat(s.getNamespace()).isEqualTo(NS);
    }

    /** "group/resource" → verbs, merged over all rules. */
    static Map<String, Set<String>> permissions(List<PolicyRule> rules) {
        Map<String, Set<String>> map = new TreeMap<>();
        for (PolicyRule rule : rules) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    map.computeIfAbsent(group + "/" + resource, k -> new TreeSet<>())
                            .addAll(rule.getVerbs());
                }
            }
        }
        return map;
    }

    private static Map<String, Set<String>> onKinds(List<String> kinds, String... verbs) {
        Map<String, Set<String>> map = new TreeMap<>();
        kinds.forEach(k -> map.put(k, Set.of(verbs)));
        return map;
    }

    private static void assertNoWildcards(HelmRender.Rendered r) {
        List<HasMetadata> rbac = r.docs().stream()
                .map(HelmRender.Doc::object)
                .filter(o -> RBAC_KINDS.contains(o.getKind()))
                .toList();
        assertThat(rbac).isNotEmpty();
        for (HelmRender.Doc doc : r.docs()) {
            if (RBAC_KINDS.contains(doc.kind())) {
                // Any "*" in an RBAC object is a wildcard (verbs, resources, groups, names or URLs).
                assertThat(doc.tree().toString())
                        .as(doc.kind() + " " + doc.name())
                        .doesNotContain("*");
            }
        }
    }
}
