package de.handinhand.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Benchmarks against a running local stack (start it with {@code mvn -Pstack -DskipTests package}).
 * They print figures; they assert nothing.
 *
 * <pre>
 * mvn -q -pl bench compile exec:java -Dexec.args="lag --entries=200"
 * mvn -q -pl bench compile exec:java -Dexec.args="burst --entries=1000 --clients=64"
 * mvn -q -pl bench compile exec:java -Dexec.args="memory"
 * mvn -q -pl bench compile exec:java -Dexec.args="search --clients=32 --rounds=3 --seconds=20"   (stack with DEMO_OFFERS=10000)
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        Target target = new Target(options.getOrDefault("gateway", "http://localhost:8080"),
                options.getOrDefault("keycloak", "http://localhost:8180"));
        switch (args[0]) {
            case "lag" -> new SubmitLag(target, Integer.parseInt(options.getOrDefault("entries", "200"))).run();
            case "burst" -> new SubmitBurst(target, Integer.parseInt(options.getOrDefault("entries", "1000")),
                    Integer.parseInt(options.getOrDefault("clients", "64")),
                    options.getOrDefault("kafka", "localhost:9092"),
                    java.time.Duration.ofSeconds(Long.parseLong(options.getOrDefault("hold", "0")))).run();
            case "search" -> new SearchBench(target, Integer.parseInt(options.getOrDefault("clients", "32")),
                    java.time.Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20"))),
                    java.time.Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "15"))),
                    Integer.parseInt(options.getOrDefault("distinct", "128")),
                    Integer.parseInt(options.getOrDefault("rounds", "3")),
                    options.getOrDefault("catalogue", "http://localhost:8082"),
                    options.getOrDefault("db", "postgresql://catalogue:catalogue@localhost:15432/catalogue")).run();
            case "scoring" -> new ScoringBench(target, Integer.parseInt(options.getOrDefault("entries", "1000")),
                    Integer.parseInt(options.getOrDefault("jurors", "5")),
                    Integer.parseInt(options.getOrDefault("clients", "32")),
                    options.getOrDefault("kafka", "localhost:9092"),
                    Integer.parseInt(options.getOrDefault("samples", "50")),
                    Integer.parseInt(options.getOrDefault("warmup", "0"))).run();
            case "gateway" -> new GatewayBench(target, options).run();
            case "memory" -> Memory.print();
            case "index" -> IndexBench.synthetic(Integer.parseInt(options.getOrDefault("offers", "100000")),
                    Integer.parseInt(options.getOrDefault("distinct", "20000")),
                    Integer.parseInt(options.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors()))),
                    java.time.Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10"))),
                    java.time.Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30"))));
            default -> usage();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options look like --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static void usage() {
        System.out.println("""
                usage: Bench lag [--entries=200] [--gateway=http://localhost:8080] [--keycloak=http://localhost:8180]
                       Bench burst [--entries=1000] [--clients=64] [--kafka=localhost:9092] [--hold=SECONDS] [--gateway=...]
                       Bench gateway [--clients=32] [--rounds=6] [--seconds=15] [--warmup=10] [--service=http://localhost:8081]
                                     [--path=/api/submissions?size=20] [--user=heilbronn] [--nginx=/usr/sbin/nginx]
                                     [--nginx-workers=auto]
                       Bench memory
                       Bench index [--offers=100000] [--distinct=20000] [--threads=CORES] [--seconds=30] [--warmup=10]
                       Bench scoring [--entries=1000] [--jurors=5] [--clients=32] [--kafka=localhost:9092] [--samples=50]
                                     [--warmup=0]
                       Bench search [--clients=32] [--rounds=3] [--seconds=20] [--warmup=15] [--distinct=128] [--catalogue=http://localhost:8082]
                                    [--db=postgresql://catalogue:catalogue@localhost:15432/catalogue]
                """);
    }
}
