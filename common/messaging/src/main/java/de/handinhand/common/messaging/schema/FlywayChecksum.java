package de.handinhand.common.messaging.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for a SQL migration: CRC32 over the UTF-8 bytes of its lines without
 * line endings (and without a byte-order mark), as Flyway's own {@code ChecksumCalculator}, which is
 * internal API. {@code ReplacedChecksumsTest} proves it against what Flyway stores.
 * <p>
 * Run it on a file to learn the number a service lists in {@code handinhand.flyway.replaced-checksums}:
 * {@code java -cp common/messaging/target/classes de.handinhand.common.messaging.schema.FlywayChecksum V1__x.sql}.
 */
public final class FlywayChecksum {

    private FlywayChecksum() {
    }

    public static int of(InputStream sql) {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(sql, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }

    public static void main(String[] args) throws IOException {
        for (String file : args) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                System.out.println(of(in) + "  " + file);
            }
        }
    }
}
