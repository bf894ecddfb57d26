package de.handinhand.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Quarkus applications of the reactor (every module of the parent pom that declares the
 * quarkus-maven-plugin) and what their application.properties say about ports and Kafka, so that
 * the deploy files can be checked against them instead of against a copy.
 */
record ServiceModules(String module, String name, int port, String database, Set<String> reads, Set<String> writes,
        Set<String> groups) {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:(\\d+)}");
    private static final Pattern DATABASE = Pattern.compile("\\$\\{[A-Z_]+:jdbc:postgresql://[^/]+/(\\w+)}");

    static List<ServiceModules> all() {
        Path home = DeployFiles.home();
        List<ServiceModules> apps = new ArrayList<>();
        Matcher m = MODULE.matcher(DeployFiles.read(home.resolve("pom.xml")));
        while (m.find()) {
            Path dir = home.resolve(m.group(1));
            Path pom = dir.resolve("pom.xml");
            Path properties = dir.resolve("src/main/resources/application.properties");
            if (Files.exists(pom) && DeployFiles.read(pom).contains("<artifactId>quarkus-maven-plugin</artifactId>")
                    && Files.exists(properties)) {
                apps.add(of(m.group(1), load(properties)));
            }
        }
        return apps;
    }

    boolean usesKafka() {
        return !reads.isEmpty() || !writes.isEmpty();
    }

    private static ServiceModules of(String module, Properties p) {
        String name = p.getProperty("quarkus.application.name", module);
        Matcher port = DEFAULT.matcher(p.getProperty("quarkus.http.port", "${HTTP_PORT:8080}"));
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            String[] parts = key.split("\\.", 5);
            if (parts.length < 4 || !parts[0].equals("mp") || !parts[1].equals("messaging")) {
                continue;
            }
            String channel = "mp.messaging." + parts[2] + "." + parts[3] + ".";
            if (!"smallrye-kafka".equals(p.getProperty(channel + "connector"))) {
                continue;
            }
            String rest = key.substring(channel.length());
            String value = p.getProperty(key);
            switch (parts[2] + ":" + rest) {
                case "incoming:topic" -> reads.add(value);
                case "incoming:group.id" -> groups.add(value);
                case "incoming:dead-letter-queue.topic", "outgoing:topic" -> writes.add(value);
                default -> {
                }
            }
        }
        Matcher database = DATABASE.matcher(p.getProperty("quarkus.datasource.jdbc.url", ""));
        return new ServiceModules(module, name, port.find() ? Integer.parseInt(port.group(1)) : 8080,
                database.find() ? database.group(1) : null, reads, writes, groups);
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
