package de.handinhand.catalogue.offer.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How the public search runs (prefix {@code catalogue.search}); see the README's catalogue section. */
@ConfigMapping(prefix = "catalogue.search")
public interface SearchConfig {

    enum Engine {
        /** The in-process Lucene index, kept current from the change log (the SQL search until it is built). */
        LUCENE,
        /** PostgreSQL alone, with the page cache: the search before the index existed. */
        SQL
    }

    enum Store {
        /** Memory-mapped files in {@link #indexDir()} (or a temporary directory): outside the Java heap. */
        MMAP,
        /** On the Java heap. */
        MEMORY
    }

    /** The index; {@code sql} is the way back (the search before the index, with its page cache). */
    @WithDefault("lucene")
    Engine engine();

    /**
     * The bound on staleness: a change committed by another instance is searchable here at most this
     * long after its commit (plus the time to apply it), even if its notification was lost; the
     * follower reads the change log at least this often. Usually NOTIFY makes it milliseconds.
     */
    @WithDefault("1S")
    Duration maxStaleness();

    /** How long a missing change-log sequence is waited for before it counts as rolled back. */
    @WithDefault("2M")
    Duration gapTimeout();

    @WithDefault("mmap")
    Store store();

    /**
     * How many offers, as loaded for search pages, this instance keeps in memory while the index has
     * not changed them (a page of 20 then costs no statement and no JSON parsing of its columns); a
     * few KB each on the heap. Beyond it, arbitrary ones make room. 0 (the default) keeps none: against
     * a local PostgreSQL the statement costs less than the heap they take (README, search figures).
     */
    @WithDefault("0")
    @io.smallrye.config.WithName("page-offers")
    int pageOffers();

    /** Where the index files go with {@code store=mmap}; a new temporary directory when absent. Rebuilt at every start. */
    Optional<String> indexDir();
}
