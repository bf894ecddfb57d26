package de.handinhand.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load generator: {@code clients} requests in flight, each client sending its next
 * request when its previous answer arrived, until the work runs out. Asynchronous on one event
 * loop, so the generator takes little of the CPU it shares with the system under test.
 */
final class ClosedLoop implements AutoCloseable {

    /** One request: method, path and bearer token. */
    record Call(HttpMethod method, String path, String token) {
    }

    record Result(Stats latency, int ok, int errors, List<String> errorSamples, long wallNanos) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client;
    private final URI base;

    ClosedLoop(String baseUrl, int clients) {
        this.base = URI.create(baseUrl);
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(clients));
    }

    Result run(List<Call> calls, int clients, int expectedStatus) throws Exception {
        Iterator<Call> work = calls.iterator();
        Stats latency = new Stats();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger outstanding = new AtomicInteger(calls.size());
        CompletableFuture<Void> done = new CompletableFuture<>();
        long start = System.nanoTime();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            Call call;
            synchronized (work) {
                if (!work.hasNext()) {
                    return;
                }
                call = work.next();
            }
            long sent = System.nanoTime();
            client.request(options(call))
                    .compose(request -> request.send())
                    .compose(response -> response.body().map(body -> response.statusCode()))
                    .onComplete(result -> {
                        if (result.succeeded() && result.result() == expectedStatus) {
                            ok.incrementAndGet();
                            latency.add((System.nanoTime() - sent) / 1e6);
                        } else {
                            errors.incrementAndGet();
                            if (samples.size() < 5) {
                                samples.add(result.succeeded() ? "status " + result.result()
                                        : String.valueOf(result.cause()));
                            }
                        }
                        if (outstanding.decrementAndGet() == 0) {
                            done.complete(null);
                        } else {
                            next[0].run();
                        }
                    });
        };
        vertx.runOnContext(v -> {
            for (int c = 0; c < clients; c++) {
                next[0].run();
            }
        });
        done.get(10, TimeUnit.MINUTES);
        return new Result(latency, ok.get(), errors.get(), List.copyOf(samples), System.nanoTime() - start);
    }

    /**
     * Runs for {@code duration}: each of {@code clients} sends {@code next.get()} as soon as its
     * previous answer arrived; answers arriving after the end are not counted.
     */
    Result runFor(java.util.function.Supplier<Call> next, int clients, java.time.Duration duration, int expectedStatus)
            throws Exception {
        Stats latency = new Stats();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger(clients);
        CompletableFuture<Void> done = new CompletableFuture<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Runnable[] loop = new Runnable[1];
        loop[0] = () -> {
            if (System.nanoTime() >= end) {
                if (running.decrementAndGet() == 0) {
                    done.complete(null);
                }
                return;
            }
            Call call = next.get();
            long sent = System.nanoTime();
            client.request(options(call))
                    .compose(request -> request.send())
                    .compose(response -> response.body().map(body -> response.statusCode()))
                    .onComplete(result -> {
                        long now = System.nanoTime();
                        if (now < end) {
                            if (result.succeeded() && result.result() == expectedStatus) {
                                ok.incrementAndGet();
                                latency.add((now - sent) / 1e6);
                            } else {
                                errors.incrementAndGet();
                                if (samples.size() < 5) {
                                    samples.add(call.path() + ": " + (result.succeeded() ? "status " + result.result()
                                            : String.valueOf(result.cause())));
                                }
                            }
                        }
                        loop[0].run();
                    });
        };
        vertx.runOnContext(v -> {
            for (int c = 0; c < clients; c++) {
                loop[0].run();
            }
        });
        done.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
        return new Result(latency, ok.get(), errors.get(), List.copyOf(samples), Math.min(System.nanoTime(), end) - start);
    }

    private RequestOptions options(Call call) {
        RequestOptions options = new RequestOptions().setMethod(call.method()).setHost(base.getHost())
                .setPort(base.getPort()).setURI(call.path()).setIdleTimeout(30_000);
        if (call.token() != null) {
            options.putHeader("Authorization", "Bearer " + call.token());
        }
        return options;
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
