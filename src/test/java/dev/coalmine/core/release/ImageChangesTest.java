package dev.coalmine.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageChangesTest {
    @Test
    void validImagesForDifferentContainersParse() {
        assertThat(ImageChanges.parse(List.of("web=shop/web:2", "proxy=registry.example.com:5000/envoy:1.30")))
                .containsExactly(new ImageChange("web", "shop/web:2"),
                        new ImageChange("proxy", "registry.example.com:5000/envoy:1.30"));
    }

    @Test
    void anImageTheRuntimeWouldNotPullIsRefused() {
        assertThatThrownBy(() -> ImageChanges.parse(List.of("web=Shop/Web:2"))).isInstanceOf(CoalmineException.class)
                .hasMessage("--image web=Shop/Web:2: Repository names must be lower case");
        assertThatThrownBy(() -> ImageChanges.parse(List.of("shop/web:2:3"))).isInstanceOf(CoalmineException.class)
                .hasMessageContaining("Not a valid image reference");
    }

    @Test
    void aContainerGivenTwiceIsRefused() {
        assertThatThrownBy(() -> ImageChanges.parse(List.of("web=shop/web:2", "web=shop/web:3")))
                .hasMessage("--image web=shop/web:2 and --image web=shop/web:3 both set container web: give one image "
                        + "per container");
        assertThatThrownBy(() -> ImageChanges.parse(List.of("shop/web:2", "shop/web:3")))
                .hasMessageContaining("both set the only container");
    }
}
