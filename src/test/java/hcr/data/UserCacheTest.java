package hcr.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserCacheTest {
    @Test
    void usesXdgCacheHomeWhenSet() {
        assertThat(UserCache.hcrDirectory(Map.of("XDG_CACHE_HOME", "/var/cache/me"), "/home/me"))
                .isEqualTo(Path.of("/var/cache/me/hcr"));
    }

    @Test
    void fallsBackToDotCacheInTheHomeDirectory() {
        assertThat(UserCache.hcrDirectory(Map.of(), "/home/me")).isEqualTo(Path.of("/home/me/.cache/hcr"));
    }

    @Test
    void ignoresARelativeXdgCacheHomeAsTheSpecificationSays() {
        assertThat(UserCache.hcrDirectory(Map.of("XDG_CACHE_HOME", "cache"), "/home/me")).isEqualTo(Path.of("/home/me/.cache/hcr"));
    }
}
