package io.tuneforge.training.accounts;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyVaultTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void sealedKeyOpensOnlyForItsAccount() {
        ApiKeyVault vault = new ApiKeyVault(KEY);
        String sealed = vault.seal("acct_1", "sk-live-abcdef123456");
        assertThat(sealed).startsWith("v1:").doesNotContain("abcdef");
        assertThat(vault.seal("acct_1", "sk-live-abcdef123456")).as("random nonce").isNotEqualTo(sealed);
        assertThat(vault.open("acct_1", sealed)).isEqualTo("sk-live-abcdef123456");
        assertThatThrownBy(() -> vault.open("acct_2", sealed)).hasMessageContaining("acct_2");
    }

    @Test
    void wrongOrMissingSecretKeySaysHowToFixIt() {
        String sealed = new ApiKeyVault(KEY).seal("acct_1", "sk-x");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new ApiKeyVault(Base64.getEncoder().encodeToString(other)).open("acct_1", sealed))
                .hasMessageContaining("tuneforge.training.secret-key differs");
        assertThatThrownBy(() -> new ApiKeyVault((String) null).seal("a", "k")).hasMessageContaining("TUNEFORGE_TRAINING_SECRET_KEY");
        assertThatThrownBy(() -> new ApiKeyVault("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }

    @Test
    void fingerprintShowsOnlyTheEnd() {
        assertThat(ApiKeyVault.fingerprint("sk-proj-1234567890wxyz")).isEqualTo("sk-...wxyz");
        assertThat(ApiKeyVault.fingerprint("short")).isEqualTo("...");
    }
}
