package dev.coalmine.benchkubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the kubectl binaries of the Google Cloud SDK print for {@code version --client}. */
class ClientVersionTest {
    @Test
    void theDispatcher() {
        ClientVersion version = ClientVersion.parse("Client Version: v1.32.4-dispatcher\nKustomize Version: v5.5.0\n");

        assertEquals(new ClientVersion("v1.32.4-dispatcher", 1, 32), version);
        assertTrue(version.isDispatcher());
    }

    @Test
    void aVersionedKubectl() {
        ClientVersion version = ClientVersion.parse("Client Version: v1.32.5\nKustomize Version: v5.5.0\n");

        assertEquals(new ClientVersion("v1.32.5", 1, 32), version);
        assertFalse(version.isDispatcher());
    }

    @Test
    void kubectlBefore128() {
        ClientVersion version = ClientVersion.parse("WARNING: This version information is deprecated\n"
                + "Client Version: version.Info{Major:\"1\", Minor:\"27\", GitVersion:\"v1.27.16\", GitCommit:\"cbb8\"}\n");

        assertEquals(new ClientVersion("v1.27.16", 1, 27), version);
    }
}
