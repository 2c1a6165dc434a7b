package dev.coalmine.kube.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs an exec credential plugin as kubectl does (non-interactive) and reads the ExecCredential it prints. We run it
 * rather than fabric8 because fabric8 logs what fails to parse, and a plugin's output may hold secrets: it is never
 * quoted or logged here. Its stderr (e.g. "please log in") goes to this process's stderr, as with kubectl, not
 * to the log.
 */
final class ExecCredentialPlugin {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the plugin printed: a credential (possibly empty), or how it failed. */
    sealed interface Outcome {
    }

    /** An ExecCredential's status; PEM certificate and key as the plugin gave them. */
    record Credential(String token, String clientCertificatePem, String clientKeyPem) implements Outcome {
        boolean isEmpty() {
            return isBlank(token) && isBlank(clientCertificatePem);
        }
    }

    /** It exited with a non-zero status or could not be started. */
    record Failed() implements Outcome {
    }

    /** It printed {@code bytes} bytes that are not ExecCredential JSON. */
    record NotACredential(int bytes) implements Outcome {
    }

    private ExecCredentialPlugin() {
    }

    static Outcome run(ExecConfig exec) {
        List<String> command = new ArrayList<>();
        command.add(exec.getCommand());
        Optional.ofNullable(exec.getArgs()).ifPresent(command::addAll);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Optional.ofNullable(exec.getEnv()).orElse(List.of())
                .forEach((ExecEnvVar variable) -> builder.environment().put(variable.getName(), variable.getValue()));
        builder.environment().put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"" + exec.getApiVersion()
                + "\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output;
            try (InputStream out = process.getInputStream()) {
                output = out.readAllBytes();
            }
            return process.waitFor() == 0 ? parse(output) : new Failed();
        } catch (IOException e) {
            return new Failed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed();
        }
    }

    private static Outcome parse(byte[] output) {
        JsonNode root;
        try {
            root = JSON.readTree(output);
        } catch (IOException e) {
            return new NotACredential(output.length);
        }
        if (root == null || !"ExecCredential".equals(root.path("kind").asText())) {
            return new NotACredential(output.length);
        }
        JsonNode status = root.path("status");
        return new Credential(text(status, "token"), text(status, "clientCertificateData"), text(status, "clientKeyData"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
