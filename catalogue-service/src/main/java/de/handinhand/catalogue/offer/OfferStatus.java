package de.handinhand.catalogue.offer;

public enum OfferStatus {
    /** Entered by a local actor or derived from an entry; waits for a publisher of its Kreis. */
    PROPOSED,
    /** Visible to everyone through the public search. */
    PUBLISHED,
    /** No longer offered; kept for history. */
    ARCHIVED,
    /** A proposal a publisher turned down, with a reason; kept for the proposer and the history. */
    REJECTED
}
