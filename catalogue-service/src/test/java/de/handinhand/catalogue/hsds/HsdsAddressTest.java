package de.handinhand.catalogue.hsds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import de.handinhand.catalogue.hsds.api.Hsds;
import de.handinhand.catalogue.hsds.service.HsdsMapper;
import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.OfferStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The HSDS address of an offer's location is read from its address text ("street, 12345 town").
 * The earlier pattern backtracked: an address of 3,000 spaces and a word took it about 13 s, so
 * anyone who could store such an address stalled the public export. The time bound below is not
 * a measurement, only what makes this test fail instead of hang should the backtracking return.
 */
class HsdsAddressTest {

    static final Duration HANG = Duration.ofSeconds(10);
    static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

    @Test
    void anAddressInTheUsualFormBecomesAnHsdsAddress() {
        assertEquals(List.of(new Address("Konrad-Adenauer-Str. 1", "Dachau", "Bayern", "85221")),
                addresses("Konrad-Adenauer-Str. 1, 85221 Dachau"));
        assertEquals(List.of(new Address("Hauptstraße 1", "Dachau, Ortsteil Mitterndorf", "Bayern", "85221")),
                addresses("  Hauptstraße 1 ,  85221   Dachau, Ortsteil Mitterndorf  "));
    }

    @Test
    void otherTextsGiveNoAddressButStayTheLocationsDescription() {
        for (String text : List.of("Rathaus Dachau", "Hauptstraße 1, Dachau", "Hauptstraße 1, 85221",
                "Hauptstraße 1, 852210 Dachau", ", 85221 Dachau", "Haus B, Hauptstraße 1, 85221 Dachau")) {
            assertEquals(List.of(), addresses(text), text);
            assertEquals(text, location(text).description());
        }
    }

    @Test
    void pathologicalAddressesAreReadInLinearTime() {
        String blanks = " ".repeat(3_000);
        assertEquals(List.of(), assertTimeoutPreemptively(HANG, () -> addresses(blanks + "Am Markt")));
        assertEquals(List.of(), assertTimeoutPreemptively(HANG, () -> addresses(blanks + "Hauptstraße 1, 85221" + blanks)));
        assertEquals(List.of(new Address("Hauptstraße 1", "Dachau", "Bayern", "85221")),
                assertTimeoutPreemptively(HANG, () -> addresses(
                        blanks + "Hauptstraße 1" + blanks + "," + blanks + "85221" + blanks + "Dachau" + blanks)));
        String noComma = "Hauptstraße 1" + "\t \u00a0".repeat(5_000) + "Dachau";
        assertEquals(List.of(), assertTimeoutPreemptively(HANG, () -> addresses(noComma)));
    }

    record Address(String street, String city, String land, String postcode) {
    }

    private static List<Address> addresses(String text) {
        return location(text).addresses().stream()
                .map(a -> new Address(a.address1(), a.city(), a.stateProvince(), a.postalCode())).toList();
    }

    private static Hsds.Location location(String address) {
        Offer o = new Offer();
        o.id = UUID.nameUUIDFromBytes(address.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        o.title = Map.of("de", "Sprachcafé");
        o.description = Map.of();
        o.kreisId = "09174";
        o.municipality = "Dachau";
        o.fields = new String[0];
        o.targetGroups = new String[0];
        o.languages = new String[] {"de"};
        o.free = true;
        Map<String, Object> location = new HashMap<>();
        location.put("address", address);
        o.locations = List.of(location);
        o.contacts = List.of();
        o.links = List.of();
        o.status = OfferStatus.PUBLISHED;
        o.updatedAt = Instant.parse("2026-04-01T10:00:00Z");
        Hsds.Service service = HsdsMapper.service(o, TODAY);
        return service.serviceAtLocations().get(0).location();
    }
}
