package de.handinhand.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Counters of the services' Prometheus endpoints, kept across restarts: a counter lives only as long
 * as its process, so every instance is scraped each second and the last value of each process (by
 * pid) is kept after it dies. Read: the consumers' skipped duplicates
 * ({@code handinhand_events_consumed_total{outcome="duplicate"}}) and the events each submission
 * instance's relay published ({@code handinhand_outbox_published_total}).
 */
final class MetricsWatch implements AutoCloseable {

    /** What one process reported last. */
    private record Last(String service, String instance, double duplicates, double published) {
    }

    private final Supplier<List<LocalStack.Instance>> instances;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, Last> last = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor();

    MetricsWatch(Supplier<List<LocalStack.Instance>> instances) {
        this.instances = instances;
        scraper.scheduleWithFixedDelay(this::scrapeAll, 0, 1, TimeUnit.SECONDS);
    }

    /** Scrapes every live instance now, e.g. right before one is killed. */
    void scrapeNow() {
        try {
            scraper.submit(this::scrapeAll).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("scrape: " + e.getMessage(), e);
        }
    }

    private void scrapeAll() {
        for (LocalStack.Instance instance : instances.get()) {
            if (!instance.isAlive()) {
                continue;
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance.url() + "/q/metrics"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    last.put(instance.name() + "@" + instance.pid(), new Last(instance.service(), instance.name(),
                            sum(response.body(), "handinhand_events_consumed_total", "outcome=\"duplicate\""),
                            sum(response.body(), "handinhand_outbox_published_total", "")));
                }
            } catch (java.io.IOException e) {
                // Down or starting: its last answer stands.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static double sum(String exposition, String metric, String label) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(metric) && (line.charAt(metric.length()) == '{' || line.charAt(metric.length()) == ' ')
                    && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Skipped duplicates per service, every process it ever ran summed. */
    Map<String, Double> duplicates() {
        Map<String, Double> totals = new TreeMap<>();
        last.values().forEach(l -> totals.merge(l.service(), l.duplicates(), Double::sum));
        return totals;
    }

    /** Events published per instance of the submission service (every process of that instance summed). */
    Map<String, Double> published() {
        Map<String, Double> totals = new TreeMap<>();
        last.values().stream().filter(l -> l.service().equals(FaultStack.SUBMISSION))
                .forEach(l -> totals.merge(l.instance(), l.published(), Double::sum));
        return totals;
    }

    @Override
    public void close() {
        scraper.shutdownNow();
    }
}
