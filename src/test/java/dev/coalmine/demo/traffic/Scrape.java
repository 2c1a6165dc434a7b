package dev.coalmine.demo.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a /metrics endpoint, parsed strictly by the text exposition format's rules. */
final class Scrape {
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)} (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    final String body;
    final String contentType;
    final List<Sample> samples = new ArrayList<>();
    final Map<String, String> types = new HashMap<>();

    private Scrape(String body, String contentType) {
        this.body = body;
        this.contentType = contentType;
        parse();
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Scrape of(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return new Scrape(response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new AssertionError("could not scrape " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void parse() {
        assertThat(body).endsWith("\n");
        String currentFamily = null;
        List<String> finishedFamilies = new ArrayList<>();
        for (String line : body.split("\n")) {
            Matcher comment = COMMENT.matcher(line);
            if (comment.matches()) {
                String family = comment.group(2);
                if (!family.equals(currentFamily)) {
                    assertThat(finishedFamilies).as("family %s appears twice", family).doesNotContain(family);
                    if (currentFamily != null) {
                        finishedFamilies.add(currentFamily);
                    }
                    currentFamily = family;
                }
                if (comment.group(1).equals("TYPE")) {
                    assertThat(comment.group(3)).isIn("counter", "gauge", "histogram", "summary", "untyped");
                    types.put(family, comment.group(3));
                }
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a valid sample line: %s", line).isTrue();
            String name = sample.group(1);
            assertThat(currentFamily).as("sample %s outside its family", name).isNotNull();
            assertThat(name.equals(currentFamily) || name.matches(Pattern.quote(currentFamily) + "_(bucket|sum|count)"))
                    .as("sample %s inside family %s", name, currentFamily).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(sample.group(2));
            int end = 0;
            while (label.find() && label.start() == end) {
                assertThat(labels.put(label.group(1), label.group(2))).as("duplicate label in %s", line).isNull();
                end = label.end();
            }
            assertThat(end).as("labels parse completely: %s", line).isEqualTo(sample.group(2).length());
            samples.add(new Sample(name, labels, Double.parseDouble(sample.group(3))));
        }
    }

    double sum(String name, Predicate<Map<String, String>> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && labels.test(s.labels())).mapToDouble(Sample::value).sum();
    }

    List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }
}
