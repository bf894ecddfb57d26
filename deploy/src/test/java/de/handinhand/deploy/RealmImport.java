package de.handinhand.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Makes the Keycloak operator's KeycloakRealmImport (deploy/k8s/base/keycloak/realm-import.yaml) from
 * the realm file deploy/keycloak/handinhand-realm.json, so that the two never drift apart by hand:
 * the same realm, roles, clients and mappers, without the demo users (service-account users stay),
 * and every confidential client's secret replaced by a placeholder that the operator fills from the
 * secret keycloak-client-secrets (key = client id). A browser-login client (the web pages) redirects
 * to any localhost port in the local realm, because the tests run the pages on free ports; in the
 * cluster it redirects only to the web pages' public address, the web host of ingress.yaml.
 *
 * Regenerate after a change of the realm file:
 * {@code mvn -pl deploy test -Dtest=RealmImportTest -Dhandinhand.regenerate=true}
 */
final class RealmImport {

    static final String SECRETS = "keycloak-client-secrets";
    /** The web pages' public address: the web host of deploy/k8s/base/ingress.yaml (change both together). */
    static final String WEB_URL = "https://handinhand.example.org";

    static final String HEADER = """
            # Generated from deploy/keycloak/handinhand-realm.json by deploy/src/test/java/de/handinhand/deploy/RealmImport.java: do not edit.
            # Regenerate: mvn -pl deploy test -Dtest=RealmImportTest -Dhandinhand.regenerate=true
            # The demo users are left out; client secrets come from the secret keycloak-client-secrets;
            # browser logins redirect only to the web host of ingress.yaml (change both together).
            """;

    private static final YAMLMapper OUT = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private RealmImport() {
    }

    static Path realmFile() {
        return DeployFiles.deploy("keycloak/handinhand-realm.json");
    }

    static Path customResourceFile() {
        return DeployFiles.deploy("k8s/base/keycloak/realm-import.yaml");
    }

    /** The environment placeholder that stands for a confidential client's secret. */
    static String placeholder(String clientId) {
        return "HANDINHAND_CLIENT_SECRET_" + clientId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    static String render(Path realmFile) {
        try {
            ObjectNode realm = (ObjectNode) DeployFiles.JSON.readTree(realmFile.toFile());
            ObjectNode cr = DeployFiles.JSON.createObjectNode();
            cr.put("apiVersion", "k8s.keycloak.org/v2alpha1");
            cr.put("kind", "KeycloakRealmImport");
            cr.putObject("metadata").put("name", "handinhand-realm");
            ObjectNode spec = cr.putObject("spec");
            spec.put("keycloakCRName", "handinhand-keycloak");
            ObjectNode placeholders = spec.putObject("placeholders");

            if (realm.get("users") instanceof ArrayNode users) {
                ArrayNode kept = DeployFiles.JSON.createArrayNode();
                for (JsonNode user : users) {
                    if (user.hasNonNull("serviceAccountClientId")) {
                        kept.add(user);
                    }
                }
                realm.set("users", kept);
            }
            for (JsonNode client : realm.path("clients")) {
                if (!client.path("publicClient").asBoolean(false) && client.hasNonNull("secret")) {
                    String clientId = client.get("clientId").asText();
                    String name = placeholder(clientId);
                    ((ObjectNode) client).put("secret", "${" + name + "}");
                    ObjectNode ref = placeholders.putObject(name).putObject("secret");
                    ref.put("name", SECRETS);
                    ref.put("key", clientId);
                }
                if (client.path("standardFlowEnabled").asBoolean(false)) {
                    ObjectNode browser = (ObjectNode) client;
                    browser.put("rootUrl", WEB_URL);
                    browser.putArray("redirectUris").add(WEB_URL + "/*");
                    if (browser.hasNonNull("description")) {
                        browser.put("description", browser.get("description").asText()
                                .replaceAll("(?s) Local realm only:.*$", "")
                                + " Redirects only to the web pages' public address.");
                    }
                }
            }
            spec.set("realm", realm);
            return HEADER + OUT.writeValueAsString(cr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
