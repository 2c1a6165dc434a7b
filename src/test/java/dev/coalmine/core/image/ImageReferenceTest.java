package dev.coalmine.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@FastTest
class ImageReferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {"nginx", "nginx:1.27", "library/nginx:latest", "registry.example.com/shop/web:1.4.0",
        "localhost:5000/a/b_c/d-e:v1.2.3-rc.1",
        "ghcr.io/org/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "quay.io/org/app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void acceptsValidReferences(String image) {
        assertThat(ImageReference.problem(image)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "''|Enter an image reference",
        "shop/Web:1.0|Repository names must be lower case",
        "'shop/web:1.0 '|Remove the spaces",
        "'shop web'|An image reference cannot contain spaces",
        "shop/web:|Not a valid image reference",
        "shop//web|Not a valid image reference",
        "shop/web@sha256:xyz|Not a valid image reference",
        "-shop/web|Not a valid image reference"})
    void explainsInvalidReferences(String image, String message) {
        assertThat(ImageReference.problem(image)).hasValueSatisfying(p -> assertThat(p).startsWith(message));
    }

    @ParameterizedTest
    @CsvSource({"shop/web:1.4.0,1.4.0", "localhost:5000/web,latest", "web@sha256:abc,sha256:abc"})
    void versionIsTheTagOrDigest(String image, String version) {
        assertThat(ImageReference.versionOf(image)).isEqualTo(version);
    }

    @ParameterizedTest
    @CsvSource({"shop/web:1.4.0,shop/web", "localhost:5000/web,localhost:5000/web", "localhost:5000/web:2,localhost:5000/web",
        "web@sha256:abc,web", "registry.example.com/shop/web:1@sha256:abc,registry.example.com/shop/web"})
    void repositoryIsTheReferenceWithoutTagAndDigest(String image, String repository) {
        assertThat(ImageReference.repositoryOf(image)).isEqualTo(repository);
    }

    @ParameterizedTest
    @CsvSource({"registry.example.com/shop/frontend:1.4.0,frontend:1.4.0", "localhost:5000/web,web", "web,web",
        "registry.example.com/shop/web:1@sha256:abc,web:1",
        "shop/web@sha256:0123456789abcdef0123456789abcdef,web@sha256:0123456789ab"})
    void shortNameIsTheLastPartWithTheTagOrAShortDigest(String image, String shortName) {
        assertThat(ImageReference.shortName(image)).isEqualTo(shortName);
    }
}
