package io.tuneforge.cli.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class LocalApiKeyTest {

    @TempDir
    Path dir;

    @Test
    void generatedOnceOwnerOnlyAndStableAfterwards() throws Exception {
        Path file = dir.resolve("state/api-key");

        String key = LocalApiKey.loadOrCreate(file);

        assertThat(key).startsWith("tfk_local_").hasSizeGreaterThan(30);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(LocalApiKey.loadOrCreate(file)).isEqualTo(key);
        assertThat(LocalApiKey.read(file)).contains(key);
    }

    @Test
    void servicesGetTheTenantAndTheSha256OfTheKeyOnly() {
        // printf %s abc | sha256sum
        assertThat(LocalApiKey.tenancyEntry("abc"))
                .isEqualTo("local:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
