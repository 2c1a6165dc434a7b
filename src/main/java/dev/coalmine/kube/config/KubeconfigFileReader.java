package dev.coalmine.kube.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Reads one kubeconfig file into fabric8's model (which tags every context, cluster and user with
 * its file) and makes its relative paths absolute against the file's directory, as kubectl does.
 */
final class KubeconfigFileReader {

    Config read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new KubeconfigException("The kubeconfig file " + file + " does not exist. Check the path "
                    + "given with --kubeconfig or in KUBECONFIG, or copy your cluster's kubeconfig there.");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new KubeconfigException("The kubeconfig file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "). Check its permissions.");
        }
        if (text.isBlank()) {
            return new Config();
        }
        Config config;
        try {
            config = KubeConfigUtils.parseConfig(file.toFile());
        } catch (RuntimeException e) {
            // Parser messages quote the offending line, which may hold a token: only the line number is shown.
            String where = lineOf(e).map(line -> " near line " + line).orElse("");
            String what = isYamlSyntax(e) ? "is not valid YAML" : "is not a valid kubeconfig";
            throw new KubeconfigException("The kubeconfig file " + file + " " + what + where + ". Check its indentation and quoting, or regenerate it with your cluster provider's tool.");
        }
        if (config == null) {
            return new Config();
        }
        new RelativePathResolver(file.toAbsolutePath().getParent()).resolve(config);
        return config;
    }

    private static boolean isYamlSyntax(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Integer> lineOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException) {
                Optional<Mark> mark = ((MarkedYamlEngineException) t).getProblemMark();
                if (mark.isPresent()) {
                    return Optional.of(mark.get().getLine() + 1);
                }
            }
            if (t instanceof JsonProcessingException) {
                JsonLocation location = ((JsonProcessingException) t).getLocation();
                if (location != null && location.getLineNr() > 0) {
                    return Optional.of(location.getLineNr());
                }
            }
        }
        return Optional.empty();
    }
}
