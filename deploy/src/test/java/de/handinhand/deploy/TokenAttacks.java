package de.handinhand.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;

/**
 * Tokens that must not get in, built from real Keycloak tokens of the running stack: each is sent
 * to a protected endpoint through the gateway and straight to the service (which validates
 * again); every one must be a 401 problem, while the genuine token next to it gets a 200.
 */
final class TokenAttacks {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROTECTED = "/api/submissions";
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final StackConfig config;
    private final Keycloak keycloak;

    TokenAttacks(StackConfig config, Keycloak keycloak) {
        this.config = config;
        this.keycloak = keycloak;
    }

    /** Every forged, foreign or misused token, with the reason it must fail. */
    Map<String, String> forgedTokens() throws Exception {
        String real = keycloak.token("heilbronn");
        String[] parts = real.split("\\.");
        ObjectNode header = (ObjectNode) JSON.readTree(B64D.decode(parts[0]));
        ObjectNode payload = (ObjectNode) JSON.readTree(B64D.decode(parts[1]));
        String kid = header.path("kid").asText();
        Map<String, String> tokens = new LinkedHashMap<>();

        tokens.put("malformed", "not-a-jwt");
        tokens.put("three garbage parts", "a.b.c");
        tokens.put("signature cut short", real.substring(0, real.length() - 8));
        ObjectNode elevated = payload.deepCopy();
        elevated.putObject("realm_access").putArray("roles").add("organizer");
        tokens.put("payload changed, signature kept", parts[0] + "." + encode(elevated) + "." + parts[2]);
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            ObjectNode h = header.deepCopy().put("alg", none);
            tokens.put("alg " + none, encode(h) + "." + parts[1] + ".");
        }

        RSAPublicKey realmKey = realmKey(kid);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(realmKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        ObjectNode hs = header.deepCopy().put("alg", "HS256");
        tokens.put("HS256 signed with the realm's public key (PEM)", hmac(hs, payload, pem.getBytes(StandardCharsets.US_ASCII)));
        tokens.put("HS256 signed with the realm's public key (DER)", hmac(hs, payload, realmKey.getEncoded()));

        KeyPair attacker = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        tokens.put("RS256 by another key under the realm's kid", rs256(header.deepCopy(), payload, attacker.getPrivate()));
        ObjectNode jku = header.deepCopy().put("kid", "attacker-" + UUID.randomUUID())
                .put("jku", "http://127.0.0.1:9/certs");
        tokens.put("jku pointing at the attacker's keys", rs256(jku, payload, attacker.getPrivate()));
        ObjectNode jwk = header.deepCopy();
        jwk.putObject("jwk").put("kty", "RSA").put("kid", kid)
                .put("n", B64.encodeToString(unsigned(((RSAPublicKey) attacker.getPublic()).getModulus())))
                .put("e", B64.encodeToString(unsigned(((RSAPublicKey) attacker.getPublic()).getPublicExponent())));
        tokens.put("embedded jwk of the attacker's key", rs256(jwk, payload, attacker.getPrivate()));
        tokens.put("wrong issuer (re-signed)", rs256(header.deepCopy(), payload.deepCopy()
                .put("iss", config.keycloakUrl() + "/realms/evil"), attacker.getPrivate()));

        // Genuinely signed by this Keycloak, but not access tokens for this API.
        tokens.put("token of another realm (master)", masterToken());
        String noAudience = otherClientToken();
        assertFalse(audience(noAudience).contains("handinhand-api"), "admin-cli's token must lack the API audience");
        tokens.put("wrong audience (admin-cli of the same realm)", noAudience);
        String idToken = given().baseUri(config.realmUrl()).formParam("client_id", "handinhand-cli")
                .formParam("grant_type", "password").formParam("username", "heilbronn").formParam("password", "demo")
                .formParam("scope", "openid").post("/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("id_token");
        tokens.put("ID token used as an access token", idToken);
        return tokens;
    }

    /** Sends the token through the gateway and straight to the submission service. */
    void assertRefused(String why, String token) {
        for (String base : List.of(config.gatewayUrl(), "http://localhost:" + config.submissionPort())) {
            Response r = given().baseUri(base).header("Authorization", "Bearer " + token).get(PROTECTED);
            assertEquals(401, r.statusCode(), why + " at " + base + ": " + r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"), why + " at " + base + ": " + r.contentType());
        }
    }

    void assertAccepted(String token) {
        for (String base : List.of(config.gatewayUrl(), "http://localhost:" + config.submissionPort())) {
            given().baseUri(base).auth().oauth2(token).get(PROTECTED).then().statusCode(200);
        }
    }

    /**
     * A token that really expires: a client with a 3-second token lifespan is added through the
     * admin API; its token works at first, and is refused once its exp has passed.
     */
    void expiredTokenIsRefused() throws Exception {
        String admin = masterToken();
        String clientId = "expiry-test-" + UUID.randomUUID();
        Map<String, Object> client = Map.of("clientId", clientId, "publicClient", true,
                "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                "attributes", Map.of("access.token.lifespan", "3"),
                "protocolMappers", List.of(Map.of("name", "audience", "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                "included.custom.audience", "handinhand-api", "access.token.claim", "true"))));
        given().baseUri(config.keycloakUrl()).auth().oauth2(admin).contentType("application/json").body(client)
                .post("/admin/realms/handinhand/clients").then().statusCode(201);
        // The organizer: no user attribute mappers needed on the new client.
        String token = given().baseUri(config.realmUrl()).formParam("client_id", clientId)
                .formParam("grant_type", "password").formParam("username", "orga").formParam("password", "demo")
                .post("/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        long exp = JSON.readTree(B64D.decode(token.split("\\.")[1])).path("exp").asLong();
        given().baseUri(config.gatewayUrl()).auth().oauth2(token).get(PROTECTED).then().statusCode(200);
        // Wait on the clock, not on the system under test: until a second past the token's exp.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().getEpochSecond() > exp + 1);
        assertRefused("expired token", token);
    }

    private String masterToken() {
        return given().baseUri(config.keycloakUrl()).formParam("client_id", "admin-cli")
                .formParam("grant_type", "password").formParam("username", "admin").formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    private String otherClientToken() {
        return given().baseUri(config.realmUrl()).formParam("client_id", "admin-cli")
                .formParam("grant_type", "password").formParam("username", "heilbronn").formParam("password", "demo")
                .post("/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    private static List<String> audience(String token) throws Exception {
        JsonNode aud = JSON.readTree(B64D.decode(token.split("\\.")[1])).path("aud");
        if (aud.isArray()) {
            return java.util.stream.StreamSupport.stream(aud.spliterator(), false).map(JsonNode::asText).toList();
        }
        return aud.isMissingNode() ? List.of() : List.of(aud.asText());
    }

    private RSAPublicKey realmKey(String kid) throws Exception {
        JsonNode keys = JSON.readTree(given().baseUri(config.realmUrl()).get("/protocol/openid-connect/certs")
                .then().statusCode(200).extract().asString()).path("keys");
        for (JsonNode key : keys) {
            if (kid.equals(key.path("kid").asText())) {
                BigInteger n = new BigInteger(1, B64D.decode(key.path("n").asText()));
                BigInteger e = new BigInteger(1, B64D.decode(key.path("e").asText()));
                return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
            }
        }
        throw new AssertionError("The realm publishes no key " + kid);
    }

    private static String encode(JsonNode node) throws Exception {
        return B64.encodeToString(JSON.writeValueAsBytes(node));
    }

    private static String hmac(ObjectNode header, JsonNode payload, byte[] secret) throws Exception {
        String input = encode(header) + "." + encode(payload);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String rs256(ObjectNode header, JsonNode payload, PrivateKey key) throws Exception {
        String input = encode(header.put("alg", "RS256")) + "." + encode(payload);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(signature.sign());
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
