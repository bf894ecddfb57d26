package de.handinhand.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The Kubernetes realm import is the realm file of the local stack, minus demo users and secret values. */
class RealmImportTest {

    @Test
    void theCommittedRealmImportIsGeneratedFromTheRealmFile() throws IOException {
        String expected = RealmImport.render(RealmImport.realmFile());
        if (Boolean.getBoolean("handinhand.regenerate")) {
            Files.writeString(RealmImport.customResourceFile(), expected);
        }
        assertEquals(expected, Files.readString(RealmImport.customResourceFile()),
                "deploy/k8s/base/keycloak/realm-import.yaml is not what deploy/keycloak/handinhand-realm.json gives;"
                        + " regenerate: mvn -pl deploy test -Dtest=RealmImportTest -Dhandinhand.regenerate=true");
        assertTrue(expected.startsWith("# Generated from deploy/keycloak/handinhand-realm.json"));
    }

    @Test
    void theImportKeepsRolesClientsAndMappersButNoDemoUserAndNoSecretValue() throws IOException {
        JsonNode source = DeployFiles.JSON.readTree(RealmImport.realmFile().toFile());
        JsonNode cr = DeployFiles.documents(RealmImport.render(RealmImport.realmFile())).get(0);
        JsonNode realm = cr.path("spec").path("realm");

        // What the services rely on arrives unchanged: realm name, roles, clients with their mappers.
        assertEquals(source.get("realm"), realm.get("realm"));
        assertEquals(source.get("roles"), realm.get("roles"));
        assertEquals(names(source.path("clients"), "clientId"), names(realm.path("clients"), "clientId"));
        for (int i = 0; i < source.path("clients").size(); i++) {
            assertEquals(source.path("clients").get(i).path("protocolMappers"),
                    realm.path("clients").get(i).path("protocolMappers"));
        }
        // Only service-account users: a demo user with password "demo" must never reach a real cluster.
        assertTrue(source.path("users").size() > realm.path("users").size());
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), user.toString());
            assertFalse(user.toString().contains("\"demo\""), user.toString());
        }
        // Every confidential client's secret is a placeholder filled from keycloak-client-secrets.
        Set<String> confidential = new HashSet<>();
        for (JsonNode client : realm.path("clients")) {
            if (!client.path("publicClient").asBoolean(false) && client.has("secret")) {
                String clientId = client.get("clientId").asText();
                confidential.add(clientId);
                String name = RealmImport.placeholder(clientId);
                assertEquals("${" + name + "}", client.get("secret").asText());
                JsonNode ref = cr.path("spec").path("placeholders").path(name).path("secret");
                assertEquals(RealmImport.SECRETS, ref.path("name").asText());
                assertEquals(clientId, ref.path("key").asText());
            }
        }
        assertTrue(confidential.contains("external-portal"), "the portal client is confidential: " + confidential);
        assertEquals(confidential.size(), cr.path("spec").path("placeholders").size());
        for (JsonNode client : source.path("clients")) {
            if (client.hasNonNull("secret")) {
                assertFalse(cr.toString().contains(client.get("secret").asText()), "a secret value leaked");
            }
        }
    }

    @Test
    void browserLoginsRedirectOnlyToTheWebHostOfTheIngress() throws IOException {
        JsonNode realm = DeployFiles.documents(RealmImport.render(RealmImport.realmFile())).get(0).path("spec")
                .path("realm");
        String ingress = Files.readString(DeployFiles.deploy("k8s/base/ingress.yaml"));
        int browserClients = 0;
        for (JsonNode client : realm.path("clients")) {
            assertFalse(client.toString().contains("localhost") || client.toString().contains("127.0.0.1"),
                    "a cluster client redirects to localhost: " + client);
            if (client.path("standardFlowEnabled").asBoolean(false)) {
                browserClients++;
                for (JsonNode uri : client.path("redirectUris")) {
                    assertEquals(RealmImport.WEB_URL + "/*", uri.asText());
                }
            }
        }
        assertTrue(browserClients > 0, "the web pages' client logs in through the browser");
        assertTrue(ingress.contains("- host: " + java.net.URI.create(RealmImport.WEB_URL).getHost() + "\n"),
                "ingress.yaml serves " + RealmImport.WEB_URL);
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new TreeSet<>();
        array.forEach(n -> names.add(n.path(field).asText()));
        return names;
    }
}
