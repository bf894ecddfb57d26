package de.handinhand.web.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlacesTest {

    private final Places places = Places.load();

    @Test
    void aPostcodeFindsItsTown() {
        assertEquals("Dachau", places.find("85221").orElseThrow().name());
        assertEquals("Recklinghausen", places.find(" 45657 ").orElseThrow().name());
        assertEquals("Witzenhausen", places.find("37216").orElseThrow().name());
    }

    @Test
    void aNameFindsItsTownWhateverTheCaseUmlautsOrAccents() {
        assertEquals("Altomünster", places.find("altomuenster").orElseThrow().name());
        assertEquals("Altomünster", places.find("ALTOMÜNSTER").orElseThrow().name());
        assertEquals("Hessisch Lichtenau", places.find("hessisch-lichtenau").orElseThrow().name());
        assertEquals("Oer-Erkenschwick", places.find("Oer Erkenschwick").orElseThrow().name());
    }

    @Test
    void postcodeAndNameTogetherTrustThePostcode() {
        assertEquals("Karlsfeld", places.find("85757 Karlsfeld").orElseThrow().name());
        assertEquals("Dachau", places.find("Dachau 85221").orElseThrow().name());
    }

    @Test
    void aUniqueBeginningIsEnoughAnAmbiguousOneIsNot() {
        assertEquals("Gladbeck", places.find("Gladb").orElseThrow().name());
        // "Bad" starts Bad Rappenau and Bad Sooden-Allendorf.
        assertTrue(places.find("Bad").isEmpty());
        // "Dachau" is a whole name even though no other town starts with it.
        assertEquals("09174", places.find("dachau").orElseThrow().kreisId());
    }

    @Test
    void unknownPlacesAndEmptyInputFindNothing() {
        assertTrue(places.find("Atlantis").isEmpty());
        assertTrue(places.find("99999").isEmpty());
        assertTrue(places.find("   ").isEmpty());
        assertTrue(places.find(null).isEmpty());
    }

    @Test
    void theNearParameterIsLatCommaLon() {
        assertEquals("48.26,11.434", places.find("85221").orElseThrow().near());
    }

    @Test
    void everyDemoKreisHasTownsAndAName() {
        for (String kreis : Places.KREISE.keySet()) {
            assertTrue(places.all().stream().anyMatch(p -> p.kreisId().equals(kreis)), kreis);
        }
        assertEquals("Landkreis Dachau", Places.kreisName("09174"));
        assertEquals("01001", Places.kreisName("01001"));
    }
}
