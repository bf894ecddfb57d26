package de.handinhand.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders deploy/k8s/overlays/dev and prod with `kubectl kustomize` and checks every object: built-in
 * kinds against kubernetes-models and custom resources against their CRD schemas (unknown fields
 * refused, deploy/src/test/node/validate-k8s.mjs), then what a rolling, multi-instance production
 * setup needs, checked against the services' own configuration rather than a copy of it.
 */
class KubernetesManifestsTest {

    private static final List<String> OVERLAYS = List.of("dev", "prod");
    private static final Map<String, String> RENDERED = new LinkedHashMap<>();
    private static final Set<String> SECRET_WORDS = Set.of("PASSWORD", "SECRET", "JAAS", "TOKEN", "CREDENTIAL");

    @BeforeAll
    static void render() {
        assumeTrue(Tools.onPath("kubectl").isPresent(), "kubectl is not on PATH: the Kubernetes manifests are not checked");
        for (String overlay : OVERLAYS) {
            Tools.Result r = Tools.run(List.of("kubectl", "kustomize", DeployFiles.deploy("k8s/overlays/" + overlay).toString()),
                    DeployFiles.home());
            assertEquals(0, r.exitCode(), "kubectl kustomize " + overlay + ":\n" + r.output());
            RENDERED.put(overlay, r.output());
        }
    }

    private static List<JsonNode> objects(String overlay) {
        return DeployFiles.documents(RENDERED.get(overlay));
    }

    private static List<JsonNode> ofKind(String overlay, String kind) {
        return objects(overlay).stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    private static JsonNode named(String overlay, String kind, String name) {
        return ofKind(overlay, kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + overlay));
    }

    // ---- schema validation ----

    private static Tools.Result validate(Path... files) {
        Path node = Tools.nodeChecks().orElseThrow();
        List<String> command = new ArrayList<>(List.of("node", node.resolve("validate-k8s.mjs").toString()));
        Path crds = DeployFiles.crdSchemas();
        if (Files.isDirectory(crds)) {
            command.addAll(List.of("--crds", crds.toString()));
        } else {
            System.out.println("[KubernetesManifestsTest] " + crds + " is absent: custom resources"
                    + " (Strimzi, CloudNativePG, Keycloak) are not checked against their schemas");
        }
        for (Path f : files) {
            command.add(f.toString());
        }
        return Tools.run(command, node, Map.of(), Duration.ofMinutes(2));
    }

    @Test
    void everyObjectOfBothOverlaysIsValidAndHasNoUnknownField(@TempDir Path dir) throws IOException {
        assumeTrue(Tools.nodeChecks().isPresent(), Tools.missingNodeChecks());
        for (String overlay : OVERLAYS) {
            Path file = Files.writeString(dir.resolve(overlay + ".yaml"), RENDERED.get(overlay));
            Tools.Result r = validate(file);
            assertEquals(0, r.exitCode(), overlay + ":\n" + r.output());
            assertTrue(r.output().contains(objects(overlay).size() + " objects checked, 0 with problems"), r.output());
            System.out.println("[KubernetesManifestsTest] " + overlay + ": " + r.output().strip().lines()
                    .reduce((a, b) -> b).orElse(""));
        }
    }

    @Test
    void theValidatorRefusesBrokenCopies(@TempDir Path dir) throws IOException {
        assumeTrue(Tools.nodeChecks().isPresent(), Tools.missingNodeChecks());
        List<JsonNode> broken = objects("prod");
        for (JsonNode o : broken) {
            String key = o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
            switch (key) {
                case "Deployment/gateway" -> ((ObjectNode) o.path("spec").path("template").path("spec").path("containers")
                        .get(0).path("readinessProbe").path("httpGet")).put("paht", "/q/health/ready");
                case "Deployment/web" -> ((ObjectNode) o.path("spec").path("template").path("spec").path("containers")
                        .get(0).path("ports").get(0)).put("containerPort", "http");
                case "NetworkPolicy/gateway-ingress" -> ((ObjectNode) o.path("spec")).put("podSelectr", "x");
                case "KafkaTopic/submission-events" -> ((ObjectNode) o.path("spec")).put("partition", 3);
                case "Keycloak/handinhand-keycloak" -> ((ObjectNode) o.path("spec").path("hostname")).put("hostnmae", "x");
                case "Cluster/handinhand-pg" -> ((ObjectNode) o.path("spec")).put("instances", "three");
                default -> {
                }
            }
        }
        String yaml = broken.stream().map(o -> {
            try {
                return DeployFiles.YAML.writeValueAsString(o);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining("\n"));
        Tools.Result r = validate(Files.writeString(dir.resolve("broken.yaml"), yaml));
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("Deployment/gateway: /spec/template/spec/containers/0/readinessProbe/httpGet has unknown field \"paht\""), r.output());
        assertTrue(r.output().contains("Deployment/web: data/spec/template/spec/containers/0/ports/0/containerPort must be integer"), r.output());
        assertTrue(r.output().contains("NetworkPolicy/gateway-ingress: /spec has unknown field \"podSelectr\""), r.output());
        if (Files.isDirectory(DeployFiles.crdSchemas())) {
            assertTrue(r.output().contains("KafkaTopic/submission-events: /spec must NOT have additional properties \"partition\""), r.output());
            assertTrue(r.output().contains("Keycloak/handinhand-keycloak: /spec/hostname must NOT have additional properties \"hostnmae\""), r.output());
            assertTrue(r.output().contains("Cluster/handinhand-pg: /spec/instances must be integer"), r.output());
        }
        assertTrue(r.output().contains("with problems"), r.output());
    }

    // ---- the applications ----

    @Test
    void everyQuarkusApplicationAndWebRunsWithProbesResourcesAndGracefulShutdown() {
        Set<String> expected = new TreeSet<>();
        ServiceModules.all().forEach(s -> expected.add(s.name()));
        expected.add("web");
        for (String overlay : OVERLAYS) {
            JsonNode common = named(overlay, "ConfigMap", "handinhand-common").path("data");
            long shutdown = seconds(common.path("QUARKUS_SHUTDOWN_DELAY").asText())
                    + seconds(common.path("QUARKUS_SHUTDOWN_TIMEOUT").asText());
            assertTrue(shutdown > 0, "the services get a shutdown delay and timeout");
            Set<String> deployed = new TreeSet<>();
            for (JsonNode d : ofKind(overlay, "Deployment")) {
                String name = d.path("metadata").path("name").asText();
                deployed.add(name);
                JsonNode pod = d.path("spec").path("template").path("spec");
                JsonNode c = pod.path("containers").get(0);
                assertEquals("/q/health/started", c.path("startupProbe").path("httpGet").path("path").asText(), name);
                assertEquals("/q/health/ready", c.path("readinessProbe").path("httpGet").path("path").asText(), name);
                assertEquals("/q/health/live", c.path("livenessProbe").path("httpGet").path("path").asText(), name);
                for (String kind : List.of("requests", "limits")) {
                    JsonNode r = c.path("resources").path(kind);
                    assertTrue(r.has("memory"), name + " " + kind + " memory");
                    r.fieldNames().forEachRemaining(f -> assertTrue(Set.of("cpu", "memory", "ephemeral-storage").contains(f),
                            name + ": unknown resource " + f));
                }
                assertTrue(c.path("resources").path("requests").has("cpu"), name);
                assertTrue(pod.path("terminationGracePeriodSeconds").asLong() > shutdown,
                        name + ": the grace period must outlast QUARKUS_SHUTDOWN_DELAY + QUARKUS_SHUTDOWN_TIMEOUT");
                assertEquals(0, d.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable").asInt(-1),
                        name + ": a rollout never removes a pod before its successor is ready");
                assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), name);
                assertFalse(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true), name);
                assertTrue(refersTo(c, "handinhand-common"), name + " takes the common settings");

                // Labels: the selector is stable, the version is only on the objects.
                JsonNode selector = d.path("spec").path("selector").path("matchLabels");
                assertFalse(selector.has("app.kubernetes.io/version"), name + ": the version must not be in a selector");
                selector.fields().forEachRemaining(e -> assertEquals(e.getValue(),
                        d.path("spec").path("template").path("metadata").path("labels").path(e.getKey()), name));
                assertTrue(d.path("spec").path("template").path("metadata").path("labels").has("app.kubernetes.io/version"), name);

                // Secrets by reference only.
                for (JsonNode env : c.path("env")) {
                    String var = env.path("name").asText();
                    if (SECRET_WORDS.stream().anyMatch(var::contains)) {
                        assertTrue(env.path("valueFrom").has("secretKeyRef"), name + ": " + var + " must come from a secret");
                        assertFalse(env.has("value"), name + ": " + var + " has a literal value");
                    }
                }
            }
            assertEquals(expected, deployed, overlay + ": one Deployment per Quarkus application (and web)");
            for (JsonNode d : ofKind(overlay, "Deployment")) {
                assertNotNull(service(overlay, d), "a Service selects " + d.path("metadata").path("name").asText());
            }
            assertTrue(ofKind(overlay, "Secret").isEmpty(), overlay + ": no Secret objects, only references");
            for (String kind : List.of("ConfigMap")) {
                for (JsonNode cm : ofKind(overlay, kind)) {
                    cm.path("data").fieldNames().forEachRemaining(k -> assertTrue(SECRET_WORDS.stream().noneMatch(k::contains),
                            "a secret-looking setting in a ConfigMap: " + k));
                }
            }
        }
    }

    @Test
    void eachApplicationListensWhereItsConfigurationSaysAndTheGatewayFindsTheServices() {
        for (String overlay : OVERLAYS) {
            for (ServiceModules app : ServiceModules.all()) {
                JsonNode d = named(overlay, "Deployment", app.name());
                JsonNode c = d.path("spec").path("template").path("spec").path("containers").get(0);
                assertEquals(app.port(), c.path("ports").get(0).path("containerPort").asInt(), app.name());
                assertEquals(app.port(), service(overlay, d).path("spec").path("ports").get(0).path("port").asInt(), app.name());
            }
            JsonNode gateway = named(overlay, "Deployment", "gateway").path("spec").path("template").path("spec")
                    .path("containers").get(0);
            Map<String, Integer> ports = ServiceModules.all().stream()
                    .collect(Collectors.toMap(ServiceModules::name, ServiceModules::port));
            for (String backend : List.of("submission", "catalogue", "scoring")) {
                assertEquals("http://" + backend + "-service:" + ports.get(backend + "-service"),
                        env(gateway, backend.toUpperCase() + "_URL"), overlay + " gateway → " + backend);
            }
            JsonNode web = named(overlay, "Deployment", "web").path("spec").path("template").path("spec")
                    .path("containers").get(0);
            assertEquals("http://gateway:" + ports.get("gateway"), env(web, "GATEWAY_URL"));
            assertEquals("8084", env(web, "WEB_PORT"));
            assertEquals("keycloak-client-secrets", secretRef(web, "WEB_OIDC_CLIENT_SECRET").path("name").asText());

            // The pages behind the TLS ingress: their public origin is the Ingress' web host (else every
            // form post fails the CSRF check), and the visitor's address and scheme come from the
            // ingress controller's forwarded headers, trusted from the same network as the gateway trusts.
            String webHost = ofKind(overlay, "Ingress").get(0).path("spec").path("rules").findValues("host").stream()
                    .map(JsonNode::asText).filter(h -> !h.startsWith("api.")).findFirst().orElseThrow();
            assertEquals("https://" + webHost, env(web, "WEB_PUBLIC_URL"), overlay);
            assertEquals("true", env(web, "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"), overlay);
            assertEquals("true", env(web, "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED"), overlay);
            assertEquals(env(gateway, "GATEWAY_TRUSTED_PROXIES"), env(web, "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"), overlay);
        }
    }

    @Test
    void devRunsOneOfEachAndProdAtLeastThreeWithBudgetsAndAutoscalers() {
        for (JsonNode d : ofKind("dev", "Deployment")) {
            assertEquals(1, d.path("spec").path("replicas").asInt(), d.path("metadata").path("name").asText());
        }
        assertTrue(ofKind("dev", "HorizontalPodAutoscaler").isEmpty());
        assertTrue(ofKind("dev", "PodDisruptionBudget").isEmpty());
        assertEquals(1, named("dev", "KafkaNodePool", "dual-role").path("spec").path("replicas").asInt());
        assertEquals(1, named("dev", "Cluster", "handinhand-pg").path("spec").path("instances").asInt());
        assertEquals(1, named("dev", "Keycloak", "handinhand-keycloak").path("spec").path("instances").asInt());

        for (JsonNode d : ofKind("prod", "Deployment")) {
            String name = d.path("metadata").path("name").asText();
            // The autoscaler owns the count: an apply must not scale a busy service down.
            assertFalse(d.path("spec").has("replicas"), name);
            JsonNode hpa = named("prod", "HorizontalPodAutoscaler", name);
            assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
            assertEquals("Deployment", hpa.path("spec").path("scaleTargetRef").path("kind").asText());
            assertEquals(name, hpa.path("spec").path("scaleTargetRef").path("name").asText());
            assertEquals(3, hpa.path("spec").path("minReplicas").asInt(), name);
            assertTrue(hpa.path("spec").path("maxReplicas").asInt() >= 3, name);
            JsonNode pdb = named("prod", "PodDisruptionBudget", name);
            assertEquals("policy/v1", pdb.path("apiVersion").asText());
            assertTrue(selects(pdb.path("spec").path("selector").path("matchLabels"), d), name);
            assertEquals(1, pdb.path("spec").path("maxUnavailable").asInt(), name);
        }
        assertEquals(3, named("prod", "KafkaNodePool", "dual-role").path("spec").path("replicas").asInt());
        assertEquals(3, named("prod", "Cluster", "handinhand-pg").path("spec").path("instances").asInt());
        assertEquals(3, named("prod", "Keycloak", "handinhand-keycloak").path("spec").path("instances").asInt());
        JsonNode kafkaConfig = named("prod", "Kafka", "handinhand-kafka").path("spec").path("kafka").path("config");
        assertFalse(kafkaConfig.path("auto.create.topics.enable").asBoolean(true), "topics only from KafkaTopic resources");
        assertEquals(2, kafkaConfig.path("min.insync.replicas").asInt());
    }

    @Test
    void eachGatewayHoldsItsShareOfTheRateLimitsAsManyAsTheAutoscalerKeepsAtLeast() {
        // The gateway's buckets live in each instance: GATEWAY_INSTANCES divides every limit among them.
        JsonNode prod = named("prod", "Deployment", "gateway").path("spec").path("template").path("spec")
                .path("containers").get(0);
        int minimum = named("prod", "HorizontalPodAutoscaler", "gateway").path("spec").path("minReplicas").asInt();
        assertEquals(Integer.toString(minimum), env(prod, "GATEWAY_INSTANCES"), "prod: the autoscaler's minimum");
        JsonNode dev = named("dev", "Deployment", "gateway").path("spec").path("template").path("spec")
                .path("containers").get(0);
        assertEquals(1, named("dev", "Deployment", "gateway").path("spec").path("replicas").asInt());
        assertTrue(dev.path("env").findValues("name").stream().noneMatch(n -> n.asText().equals("GATEWAY_INSTANCES")),
                "dev: one gateway holds the whole limit (the default)");
    }

    // ---- Kafka ----

    @Test
    void thereIsAKafkaTopicForEveryTopicOfTheLocalStackWithEnoughPartitions() {
        int mostInstances = 0;
        for (String overlay : OVERLAYS) {
            for (JsonNode d : ofKind(overlay, "Deployment")) {
                mostInstances = Math.max(mostInstances, d.path("spec").path("replicas").asInt(1));
            }
            for (JsonNode h : ofKind(overlay, "HorizontalPodAutoscaler")) {
                mostInstances = Math.max(mostInstances, h.path("spec").path("maxReplicas").asInt());
            }
        }
        for (String overlay : OVERLAYS) {
            Map<String, JsonNode> topics = new HashMap<>();
            ofKind(overlay, "KafkaTopic").forEach(t -> topics.put(t.path("spec").path("topicName")
                    .asText(t.path("metadata").path("name").asText()), t));
            assertEquals(new TreeSet<>(KafkaBroker.TOPICS.keySet()), new TreeSet<>(topics.keySet()), overlay);
            int brokers = named(overlay, "KafkaNodePool", "dual-role").path("spec").path("replicas").asInt();
            for (var e : topics.entrySet()) {
                JsonNode spec = e.getValue().path("spec");
                int partitions = spec.path("partitions").asInt();
                assertTrue(partitions >= mostInstances, e.getKey() + ": " + partitions + " partitions for up to "
                        + mostInstances + " instances of a consumer");
                assertTrue(partitions >= KafkaBroker.TOPICS.get(e.getKey()), e.getKey());
                assertEquals(brokers, spec.path("replicas").asInt(), overlay + " " + e.getKey());
                assertTrue(spec.path("config").path("min.insync.replicas").asInt() <= brokers, e.getKey());
                assertEquals("handinhand-kafka", e.getValue().path("metadata").path("labels").path("strimzi.io/cluster").asText());
            }
        }
    }

    @Test
    void eachServiceHasAKafkaUserAllowedExactlyWhatItsConfigurationUses() {
        for (String overlay : OVERLAYS) {
            Set<String> topics = ofKind(overlay, "KafkaTopic").stream()
                    .map(t -> t.path("metadata").path("name").asText()).collect(Collectors.toSet());
            Set<String> users = new TreeSet<>();
            ofKind(overlay, "KafkaUser").forEach(u -> users.add(u.path("metadata").path("name").asText()));
            Set<String> kafkaServices = new TreeSet<>();
            for (ServiceModules app : ServiceModules.all()) {
                if (!app.usesKafka()) {
                    continue;
                }
                kafkaServices.add(app.name());
                Set<String> expected = new TreeSet<>();
                app.writes().forEach(t -> expected.addAll(List.of("topic:" + t + ":Write", "topic:" + t + ":Describe")));
                app.reads().forEach(t -> expected.addAll(List.of("topic:" + t + ":Read", "topic:" + t + ":Describe")));
                app.groups().forEach(g -> expected.add("group:" + g + ":Read"));
                assertTrue(topics.containsAll(app.reads()) && topics.containsAll(app.writes()),
                        app.name() + " uses a topic without a KafkaTopic: " + app.reads() + app.writes());

                JsonNode user = named(overlay, "KafkaUser", app.name());
                assertEquals("scram-sha-512", user.path("spec").path("authentication").path("type").asText());
                Set<String> granted = new TreeSet<>();
                for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                    assertEquals("literal", acl.path("resource").path("patternType").asText("literal"));
                    assertNotEquals("deny", acl.path("type").asText());
                    for (JsonNode op : acl.path("operations")) {
                        granted.add(acl.path("resource").path("type").asText() + ":" + acl.path("resource").path("name").asText()
                                + ":" + op.asText());
                    }
                }
                assertEquals(expected, granted, overlay + " " + app.name());

                // The Deployment authenticates as that user, from the secret Strimzi writes for it.
                JsonNode c = named(overlay, "Deployment", app.name()).path("spec").path("template").path("spec")
                        .path("containers").get(0);
                assertEquals(app.name(), secretRef(c, "KAFKA_SASL_JAAS_CONFIG").path("name").asText());
                assertTrue(refersTo(c, "handinhand-kafka"), app.name() + " takes the Kafka client settings");
            }
            assertEquals(kafkaServices, users, overlay + ": a KafkaUser per Kafka-using service, no other");
        }
    }

    // ---- PostgreSQL ----

    @Test
    void eachServiceWithADatabaseUsesItsOwnDatabaseOwnerAndSecret() {
        for (String overlay : OVERLAYS) {
            JsonNode cluster = named(overlay, "Cluster", "handinhand-pg");
            Map<String, String> roleSecrets = new HashMap<>();
            for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
                assertTrue(role.path("login").asBoolean(), role.toString());
                assertFalse(role.path("superuser").asBoolean(false), role.toString());
                roleSecrets.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
            }
            Map<String, String> owners = new HashMap<>();
            ofKind(overlay, "Database").forEach(db -> owners.put(db.path("spec").path("name").asText(),
                    db.path("spec").path("owner").asText()));
            Set<String> databases = new TreeSet<>();
            for (JsonNode d : ofKind(overlay, "Deployment")) {
                JsonNode c = d.path("spec").path("template").path("spec").path("containers").get(0);
                String url = env(c, "DB_URL");
                if (url == null) {
                    continue;
                }
                String db = url.substring(url.lastIndexOf('/') + 1);
                assertEquals("jdbc:postgresql://handinhand-pg-rw:5432/" + db, url);
                assertTrue(databases.add(db), "two services share the database " + db);
                String owner = owners.get(db);
                assertNotNull(owner, "no Database resource for " + db);
                String secret = roleSecrets.get(owner);
                assertNotNull(secret, "no managed role " + owner);
                assertEquals(secret, secretRef(c, "DB_USER").path("name").asText());
                assertEquals("username", secretRef(c, "DB_USER").path("key").asText());
                assertEquals(secret, secretRef(c, "DB_PASSWORD").path("name").asText());
                assertEquals("password", secretRef(c, "DB_PASSWORD").path("key").asText());
            }
            Set<String> withDatabase = new TreeSet<>();
            for (ServiceModules app : ServiceModules.all()) {
                if (app.database() != null) {
                    withDatabase.add(app.database());
                    String url = env(named(overlay, "Deployment", app.name()).path("spec").path("template").path("spec")
                            .path("containers").get(0), "DB_URL");
                    assertEquals("jdbc:postgresql://handinhand-pg-rw:5432/" + app.database(), url, app.name());
                }
            }
            assertEquals(withDatabase, databases, overlay + ": every service with a database has its own");
            JsonNode keycloakDb = named(overlay, "Keycloak", "handinhand-keycloak").path("spec").path("db");
            assertEquals("handinhand-pg-rw", keycloakDb.path("host").asText());
            assertEquals(roleSecrets.get(owners.get(keycloakDb.path("database").asText())),
                    keycloakDb.path("passwordSecret").path("name").asText());
        }
    }

    // ---- who may talk to whom ----

    @Test
    void onlyTheGatewayAndWebAreReachableFromTheIngressAndTheServicesOnlyFromTheGateway() {
        for (String overlay : OVERLAYS) {
            List<JsonNode> policies = ofKind(overlay, "NetworkPolicy");
            Map<String, JsonNode> deployments = new HashMap<>();
            ofKind(overlay, "Deployment").forEach(d -> deployments.put(d.path("metadata").path("name").asText(), d));
            for (var e : deployments.entrySet()) {
                String name = e.getKey();
                List<JsonNode> applying = policies.stream()
                        .filter(p -> selectsPod(p.path("spec").path("podSelector"), e.getValue())).toList();
                assertFalse(applying.isEmpty(), name + " is not isolated by any NetworkPolicy");
                Set<String> sources = new TreeSet<>();
                for (JsonNode p : applying) {
                    for (JsonNode rule : p.path("spec").path("ingress")) {
                        assertFalse(rule.path("from").isMissingNode() || rule.path("from").isEmpty(),
                                p.path("metadata").path("name").asText() + " lets everyone in");
                        for (JsonNode peer : rule.path("from")) {
                            if (peer.has("ipBlock")) {
                                sources.add("ipBlock");
                            } else if (peer.has("namespaceSelector")) {
                                sources.add("namespace:" + peer.path("namespaceSelector").path("matchLabels")
                                        .path("kubernetes.io/metadata.name").asText("?"));
                            } else {
                                deployments.forEach((other, d) -> {
                                    if (selectsPod(peer.path("podSelector"), d)) {
                                        sources.add(other);
                                    }
                                });
                            }
                        }
                    }
                }
                Set<String> expected = switch (name) {
                    case "gateway" -> Set.of("namespace:ingress-nginx", "web");
                    case "web" -> Set.of("namespace:ingress-nginx");
                    default -> Set.of("gateway");
                };
                assertEquals(new TreeSet<>(expected), sources, overlay + ": who reaches " + name);
            }
            JsonNode ingress = named(overlay, "Ingress", "handinhand");
            Set<String> hosts = new HashSet<>();
            ingress.path("spec").path("tls").forEach(t -> t.path("hosts").forEach(h -> hosts.add(h.asText())));
            Set<String> backends = new TreeSet<>();
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                assertTrue(hosts.contains(rule.path("host").asText()), "TLS for " + rule.path("host").asText());
                rule.path("http").path("paths").forEach(p -> backends.add(p.path("backend").path("service").path("name").asText()));
            }
            assertEquals(Set.of("gateway", "web"), backends);
            ingress.path("spec").path("tls").forEach(t -> assertFalse(t.path("secretName").asText().isEmpty()));
            JsonNode kafkaListener = named(overlay, "Kafka", "handinhand-kafka").path("spec").path("kafka").path("listeners").get(0);
            assertTrue(kafkaListener.path("tls").asBoolean(), "Kafka is reached over TLS");
            Set<String> kafkaClients = new TreeSet<>();
            for (JsonNode peer : kafkaListener.path("networkPolicyPeers")) {
                deployments.forEach((other, d) -> {
                    if (selectsPod(peer.path("podSelector"), d)) {
                        kafkaClients.add(other);
                    }
                });
            }
            Set<String> kafkaServices = ServiceModules.all().stream().filter(ServiceModules::usesKafka)
                    .map(ServiceModules::name).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(kafkaServices, kafkaClients, "only the Kafka-using services reach the broker");
        }
    }

    // ---- helpers ----

    private static JsonNode service(String overlay, JsonNode deployment) {
        return ofKind(overlay, "Service").stream()
                .filter(s -> selects(s.path("spec").path("selector"), deployment)).findFirst().orElse(null);
    }

    /** Whether a label map selects the deployment's pods. */
    private static boolean selects(JsonNode matchLabels, JsonNode deployment) {
        JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
        if (matchLabels.isMissingNode() || matchLabels.isEmpty()) {
            return false;
        }
        var it = matchLabels.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().equals(labels.path(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a LabelSelector (matchLabels and matchExpressions In) selects the deployment's pods. */
    private static boolean selectsPod(JsonNode selector, JsonNode deployment) {
        if (selector.isMissingNode()) {
            return false;
        }
        JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
        var it = selector.path("matchLabels").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().equals(labels.path(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            assertEquals("In", expr.path("operator").asText(), "only In is understood here");
            boolean any = false;
            for (JsonNode v : expr.path("values")) {
                any |= v.asText().equals(labels.path(expr.path("key").asText()).asText(null));
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e.path("value").asText(null);
            }
        }
        return null;
    }

    private static JsonNode secretRef(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e.path("valueFrom").path("secretKeyRef");
            }
        }
        throw new AssertionError("no variable " + name);
    }

    private static boolean refersTo(JsonNode container, String configMap) {
        for (JsonNode from : container.path("envFrom")) {
            if (configMap.equals(from.path("configMapRef").path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static long seconds(String duration) {
        Optional<String> s = Optional.ofNullable(duration).map(String::strip);
        assertTrue(s.isPresent() && s.get().matches("\\d+[sS]"), "a duration in seconds: " + duration);
        return Long.parseLong(s.get().substring(0, s.get().length() - 1));
    }
}
