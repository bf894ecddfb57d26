package de.handinhand.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An offer as the catalogue API shows it ({@code displayTitle}/{@code displayDescription} are in
 * {@code displayLanguage}: the asked language where the offer has it, else German). Fields the
 * pages do not use are ignored, so the API may grow.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Offer(
        String id,
        Map<String, String> title,
        Map<String, String> description,
        String displayLanguage,
        String displayTitle,
        String displayDescription,
        String provider,
        String kreisId,
        String municipality,
        List<String> fields,
        List<String> targetGroups,
        List<String> languages,
        boolean free,
        Long costCents,
        LocalDate validFrom,
        LocalDate validUntil,
        List<Location> locations,
        List<Contact> contacts,
        String schedule,
        String accessibility,
        String status,
        String reviewNote,
        String rejectionReason,
        boolean goodPractice,
        boolean awardWinner,
        Origin origin,
        Double distanceKm,
        String website,
        Instant createdAt,
        Instant updatedAt,
        Instant lastConfirmedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(String address, String municipality, Double lat, Double lon) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String name, String role, String email, String phone) {

        /** The number as a tel: link wants it: digits and a leading +. */
        public String telHref() {
            if (phone == null) {
                return null;
            }
            String digits = phone.replaceAll("[^0-9+]", "");
            return "tel:" + (digits.startsWith("+") ? "+" + digits.substring(1).replace("+", "") : digits.replace("+", ""));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Origin(String submissionId, int project) {
    }

    public String titleIn(String lang) {
        return title == null ? null : title.get(lang);
    }

    public String germanTitle() {
        return title == null ? displayTitle : title.getOrDefault("de", displayTitle);
    }

    /** The first location with coordinates, for the map. */
    public Location mapped() {
        if (locations == null) {
            return null;
        }
        return locations.stream().filter(l -> l.lat() != null && l.lon() != null).findFirst().orElse(null);
    }

    @JsonProperty("fields")
    public List<String> fields() {
        return fields == null ? List.of() : fields;
    }

    @JsonProperty("targetGroups")
    public List<String> targetGroups() {
        return targetGroups == null ? List.of() : targetGroups;
    }

    @JsonProperty("languages")
    public List<String> languages() {
        return languages == null ? List.of() : languages;
    }

    @JsonProperty("locations")
    public List<Location> locations() {
        return locations == null ? List.of() : locations;
    }

    @JsonProperty("contacts")
    public List<Contact> contacts() {
        return contacts == null ? List.of() : contacts;
    }
}
