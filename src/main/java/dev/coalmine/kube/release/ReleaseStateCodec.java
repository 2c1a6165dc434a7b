package dev.coalmine.kube.release;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleasePhase;

/**
 * JSON for the release history kept in the cluster. The core records stay free of annotations: the sealed
 * types get their type names through mix-ins here, and the judge its stored form through {@link JudgeSpecJson}.
 */
public final class ReleaseStateCodec {
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(ReleasePhase.class, PhaseTypes.class)
            .addMixIn(CanarySize.class, SizeTypes.class)
            .addModule(JudgeSpecJson.module())
            .build();

    public String write(ReleaseHistory history) {
        try {
            return mapper.writeValueAsString(history);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the release history as JSON", e);
        }
    }

    public ReleaseHistory read(String json, String where) {
        try {
            return mapper.readValue(json, ReleaseHistory.class);
        } catch (JsonProcessingException e) {
            throw new CoalmineException("the release state in " + where + " is not readable (" + e.getOriginalMessage()
                    + "); fix or delete that ConfigMap", e);
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "name")
    @JsonSubTypes({
        @JsonSubTypes.Type(ReleasePhase.CanaryDeploying.class), @JsonSubTypes.Type(ReleasePhase.AwaitingJudgment.class),
        @JsonSubTypes.Type(ReleasePhase.Analysing.class), @JsonSubTypes.Type(ReleasePhase.Promoting.class),
        @JsonSubTypes.Type(ReleasePhase.Finalising.class), @JsonSubTypes.Type(ReleasePhase.Succeeded.class),
        @JsonSubTypes.Type(ReleasePhase.Rejecting.class), @JsonSubTypes.Type(ReleasePhase.Rejected.class),
        @JsonSubTypes.Type(ReleasePhase.Failing.class), @JsonSubTypes.Type(ReleasePhase.Failed.class)})
    private interface PhaseTypes { }

    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(CanarySize.Count.class), @JsonSubTypes.Type(CanarySize.Percent.class)})
    private interface SizeTypes { }
}
