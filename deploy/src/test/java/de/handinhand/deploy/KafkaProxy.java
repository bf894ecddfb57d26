package de.handinhand.deploy;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy between the services and their Kafka listener, for the fault suite's network cut.
 * While {@link #cut() cut}, it stops reading from every connection in both directions and connects
 * new ones nowhere: bytes already sent wait, as they would in the kernel of a host whose cable was
 * pulled, and every request runs into its client's timeout; nothing is reset, so neither side learns
 * of the cut except by waiting. {@link #heal()} lets everything through again, in order.
 *
 * <p>Everything runs on one Vert.x event loop; {@link #cut()} and {@link #heal()} hand their work to it
 * and return once it is done.
 */
final class KafkaProxy implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1));
    private final Context context = vertx.getOrCreateContext();
    private final int targetPort;
    private final Set<Link> links = new LinkedHashSet<>();
    private NetServer server;
    private NetClient client;
    private boolean cut;
    private long connections;

    private KafkaProxy(int targetPort) {
        this.targetPort = targetPort;
    }

    /** Listens on {@code port} (localhost) and forwards to {@code targetPort}. */
    static KafkaProxy start(int port, int targetPort) throws Exception {
        KafkaProxy proxy = new KafkaProxy(targetPort);
        proxy.onLoop(() -> {
            proxy.client = proxy.vertx.createNetClient(new NetClientOptions().setConnectTimeout(5_000).setTcpNoDelay(true));
            proxy.server = proxy.vertx.createNetServer(new NetServerOptions().setHost("localhost").setPort(port)
                    .setTcpNoDelay(true)).connectHandler(proxy::accepted);
        });
        proxy.server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return proxy;
    }

    /** From now on nothing passes, in either direction, on old or new connections. */
    void cut() {
        onLoop(() -> {
            cut = true;
            links.forEach(Link::apply);
        });
    }

    /** Everything held back passes, and traffic flows again. */
    void heal() {
        onLoop(() -> {
            cut = false;
            for (Link link : new ArrayList<>(links)) {
                if (link.upstream == null) {
                    link.connect();
                } else {
                    link.apply();
                }
            }
        });
    }

    /** Connections accepted since the start, for the report. */
    long connections() {
        CompletableFuture<Long> count = new CompletableFuture<>();
        context.runOnContext(v -> count.complete(connections));
        return count.join();
    }

    private void accepted(NetSocket downstream) {
        connections++;
        downstream.pause();
        Link link = new Link(downstream);
        links.add(link);
        downstream.closeHandler(v -> link.close());
        downstream.exceptionHandler(e -> link.close());
        if (!cut) {
            link.connect();
        }
    }

    private void onLoop(Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                work.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("proxy: " + e.getMessage(), e);
        }
    }

    /** One client connection and its connection to the broker. */
    private final class Link {
        final NetSocket downstream;
        NetSocket upstream;
        boolean connecting;
        Direction toBroker;
        Direction toClient;

        Link(NetSocket downstream) {
            this.downstream = downstream;
        }

        void connect() {
            if (connecting || upstream != null) {
                return;
            }
            connecting = true;
            client.connect(targetPort, "localhost").onComplete(result -> {
                connecting = false;
                if (result.failed() || !links.contains(this)) {
                    if (result.succeeded()) {
                        result.result().close();
                    }
                    close();
                    return;
                }
                upstream = result.result();
                upstream.pause();
                upstream.closeHandler(v -> close());
                upstream.exceptionHandler(e -> close());
                toBroker = new Direction(downstream, upstream);
                toClient = new Direction(upstream, downstream);
                apply();
            });
        }

        void apply() {
            if (toBroker != null) {
                toBroker.apply();
                toClient.apply();
            }
        }

        void close() {
            if (links.remove(this)) {
                downstream.close();
                if (upstream != null) {
                    upstream.close();
                }
            }
        }
    }

    /** Bytes from one socket to the other, held back while cut or while the other cannot take more. */
    private final class Direction {
        final NetSocket from;
        final NetSocket to;
        final Queue<Buffer> held = new ArrayDeque<>();
        boolean full;

        Direction(NetSocket from, NetSocket to) {
            this.from = from;
            this.to = to;
            from.handler(this::received);
            to.drainHandler(v -> {
                full = false;
                apply();
            });
        }

        private void received(Buffer data) {
            // Netty may hand over what it had read before the pause took effect: keep it for later.
            if (cut) {
                held.add(data);
                return;
            }
            to.write(data);
            if (to.writeQueueFull()) {
                full = true;
                apply();
            }
        }

        void apply() {
            if (cut || full) {
                from.pause();
                return;
            }
            while (!held.isEmpty() && !to.writeQueueFull()) {
                to.write(held.poll());
            }
            from.resume();
        }
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(Duration.ofSeconds(10).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Nothing of it outlives the test JVM anyway.
        }
    }
}
