package de.handinhand.catalogue.hsds.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The Open Referral HSDS 3.0 objects the export writes: only the fields the catalogue can fill
 * honestly, in the standard's snake_case, empty ones left out. Ids of nested objects are derived
 * from the offer's id and their position, so the same offer always exports the same ids and a
 * consumer can sync by id.
 */
public final class Hsds {

    public static final String VERSION = "3.0";

    private Hsds() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    /** HSDS's page wrapper; page_number counts from 1. The document shows it per content (ServicePage, ...). */
    public record Page<T>(
            long totalItems,
            int totalPages,
            int pageNumber,
            @Schema(description = "Number of entities on this page") int size,
            boolean firstPage,
            boolean lastPage,
            boolean empty,
            List<T> contents) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsService", description = "An offer as an HSDS 3.0 service, fully nested")
    public record Service(
            UUID id,
            UUID organizationId,
            String name,
            @Schema(description = "The English title where the offer has one") String alternateName,
            String description,
            @Schema(description = "The offer's web page") String url,
            String email,
            @Schema(description = "active; inactive once the offer's validity has ended") String status,
            String feesDescription,
            @Schema(description = "Date the Kreis office last confirmed the offer is still valid") String assuredDate,
            String lastModified,
            List<Language> languages,
            List<Schedule> schedules,
            List<ServiceAtLocation> serviceAtLocations,
            List<CostOption> costOptions,
            List<Contact> contacts,
            @Schema(description = "Fields of action, target groups, good-practice and award flags as taxonomy terms")
            List<Attribute> attributes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsOrganization", description = "A provider (Träger) of published offers")
    public record Organization(UUID id, String name, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsLanguage")
    public record Language(UUID id, UUID serviceId, String name, String code) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsSchedule")
    public record Schedule(UUID id, UUID serviceId, String validFrom, String validTo, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsServiceAtLocation")
    public record ServiceAtLocation(UUID id, UUID serviceId, UUID locationId, Location location) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsLocation")
    public record Location(UUID id, String locationType, String name, String description, Double latitude,
            Double longitude, List<Address> addresses, List<Accessibility> accessibility) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsAddress")
    public record Address(UUID id, UUID locationId, @JsonProperty("address_1") String address1, String city,
            String stateProvince, String postalCode, String country, String addressType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsAccessibility")
    public record Accessibility(UUID id, UUID locationId, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsCostOption")
    public record CostOption(UUID id, UUID serviceId, String option, String currency, BigDecimal amount,
            String amountDescription) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsContact")
    public record Contact(UUID id, UUID serviceId, String name, String title, String email, List<Phone> phones) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsPhone")
    public record Phone(UUID id, UUID contactId, String number) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsAttribute")
    public record Attribute(UUID id, UUID linkId, String linkType, String linkEntity, UUID taxonomyTermId,
            String value, TaxonomyTerm taxonomyTerm) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "HsdsTaxonomyTerm")
    public record TaxonomyTerm(UUID id, String code, String name, String description, String taxonomy,
            String language) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "HsdsApiInfo")
    public record ApiInfo(String version, String profile, String openapiUrl) {
    }
}
