package dev.coalmine.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coalmine.core.judge.TimeSeries;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prometheus's query API ({@code /api/v1/query}, {@code /api/v1/query_range}) with messages an operator can act on. */
public final class PrometheusApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrometheusTransport transport;

    public PrometheusApi(PrometheusTransport transport) {
        this.transport = transport;
    }

    public String describe() {
        return transport.describe();
    }

    /**
     * Evaluates {@code promql} over a window.
     *
     * @param what what the query is for, e.g. "canary success rate", to name it in messages
     */
    public List<PrometheusSeries> queryRange(String what, String promql, Instant from, Instant to, Duration step) {
        String path = "/api/v1/query_range?query=" + encode(promql) + "&start=" + seconds(from) + "&end=" + seconds(to)
                + "&step=" + seconds(step.toMillis());
        return parse(what, promql, transport.get(path));
    }

    /** Evaluates {@code promql} at one instant; each series has one point. */
    public List<PrometheusSeries> query(String what, String promql, Instant at) {
        return parse(what, promql, transport.get("/api/v1/query?query=" + encode(promql) + "&time=" + seconds(at)));
    }

    private List<PrometheusSeries> parse(String what, String promql, PrometheusTransport.Answer answer) {
        JsonNode root = readJson(answer.body());
        if (root != null && "error".equals(root.path("status").asText())) {
            throw queryError(what, promql, answer, root.path("errorType").asText("error"), root.path("error").asText(""));
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw new PrometheusUnreachableException(answer.answeredBy() + " refused access (HTTP " + answer.status()
                    + "). Check the bearer token or user and password given for Prometheus.");
        }
        if (answer.status() != 200 || root == null || !"success".equals(root.path("status").asText())) {
            throw new PrometheusUnreachableException(answer.answeredBy() + " answered HTTP " + answer.status() + " with "
                    + (root == null ? "something that is not Prometheus's JSON" : "an unexpected body")
                    + " (" + excerpt(answer.body()) + "). Is this Prometheus's base URL (e.g. http://prometheus:9090, without /graph)?");
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText();
        return switch (type) {
            case "matrix", "vector" -> seriesOf(data.path("result"));
            case "scalar" -> List.of(new PrometheusSeries(Map.of(), new TimeSeries(List.of(point(data.path("result"))))));
            default -> throw new PrometheusQueryException("The query for " + what + " gives a result of type '" + type
                    + "', not numbers: " + promql, "bad_data");
        };
    }

    private PrometheusQueryException queryError(String what, String promql, PrometheusTransport.Answer answer,
            String errorType, String error) {
        String advice = switch (errorType) {
            case "timeout", "canceled" -> "Query a shorter window or a simpler expression.";
            case "bad_data" -> "Fix the PromQL (custom --query NAME=PROMQL) or choose another --metrics-preset.";
            default -> "Check the query and Prometheus's log.";
        };
        return new PrometheusQueryException(answer.answeredBy() + " rejected the query for " + what + " (HTTP "
                + answer.status() + ", "
                + errorType + ": " + error + "). Query: " + promql + " — " + advice, errorType);
    }

    private static List<PrometheusSeries> seriesOf(JsonNode result) {
        List<PrometheusSeries> all = new ArrayList<>();
        for (JsonNode series : result) {
            Map<String, String> labels = new LinkedHashMap<>();
            series.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            List<TimeSeries.Point> points = new ArrayList<>();
            if (series.has("values")) {
                series.path("values").forEach(p -> points.add(point(p)));
            } else if (series.has("value")) {
                points.add(point(series.path("value")));
            }
            all.add(new PrometheusSeries(labels, new TimeSeries(points)));
        }
        return all;
    }

    /** A Prometheus sample is {@code [unix seconds, "value"]}; the value may be "NaN" or "+Inf". */
    private static TimeSeries.Point point(JsonNode pair) {
        BigDecimal at = pair.get(0).decimalValue();
        Instant instant = Instant.ofEpochMilli(at.movePointRight(3).longValue());
        String text = pair.get(1).asText();
        double value = switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
        return new TimeSeries.Point(instant, value);
    }

    private static JsonNode readJson(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return flat.isEmpty() ? "empty" : flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    private static String encode(String promql) {
        return URLEncoder.encode(promql, StandardCharsets.UTF_8);
    }

    private static String seconds(Instant at) {
        return seconds(at.toEpochMilli());
    }

    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3).toPlainString();
    }
}
