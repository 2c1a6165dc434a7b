package dev.coalmine.ui.wizard;

import dev.coalmine.core.image.ImageReference;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.workload.WorkloadSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Step 2: the new image of each container, each validated as the operator types. */
public final class VersionStep {
    /** One container's new image, what is wrong with it ("" when nothing) and whether it is still the current one. */
    public static final class ContainerField {
        private final String container;
        private final String label;
        private final String currentImage;
        private final StringProperty image;
        private final StringBinding problem;
        private final StringBinding note;

        ContainerField(WorkloadSummary.ContainerImage current) {
            this.container = current.container();
            this.label = current.label();
            this.currentImage = current.image();
            this.image = new SimpleStringProperty(currentImage);
            this.problem = Bindings.createStringBinding(() -> ImageReference.problem(image.get()).orElse(""), image);
            this.note = Bindings.createStringBinding(() -> unchanged() ? "unchanged" : "", image);
        }

        public String container() {
            return container;
        }

        /** The container's name, "(init container)" after an init container's. */
        public String label() {
            return label;
        }

        public StringProperty imageProperty() {
            return image;
        }

        /** What is wrong with the image reference, or "". */
        public StringBinding problem() {
            return problem;
        }

        /** "unchanged" while the field holds the current image (not a problem: the container keeps its image). */
        public StringBinding note() {
            return note;
        }

        private boolean unchanged() {
            return image.get().equals(currentImage);
        }

        boolean changed() {
            return problem.get().isEmpty() && !unchanged();
        }

        boolean invalid() {
            return !problem.get().isEmpty();
        }
    }

    private final List<ContainerField> fields;
    private final BooleanProperty useManifest = new SimpleBooleanProperty();
    private final StringProperty manifestPath = new SimpleStringProperty("");
    private final BooleanBinding valid;
    private final StringBinding message;

    public VersionStep(WorkloadSummary workload) {
        fields = workload.containers().stream().map(ContainerField::new).toList();
        List<Observable> deps = new ArrayList<>(
                fields.stream().map(ContainerField::problem).toList());
        deps.add(useManifest);
        deps.add(manifestPath);
        Observable[] all = deps.toArray(Observable[]::new);
        valid = Bindings.createBooleanBinding(() -> useManifest.get() ? manifestProblem().isEmpty()
                : fields.stream().noneMatch(ContainerField::invalid) && fields.stream().anyMatch(ContainerField::changed),
                all);
        message = Bindings.createStringBinding(() -> {
            if (useManifest.get()) {
                return manifestProblem();
            }
            if (fields.stream().anyMatch(ContainerField::invalid)) {
                return "Fix the image references marked in red";
            }
            return fields.stream().anyMatch(ContainerField::changed) ? ""
                    : "Change at least one container's image: the canary must run something new";
        }, all);
    }

    /** A quick check of the chosen file; its content is read and validated when the release is rendered. */
    private String manifestProblem() {
        String path = manifestPath.get() == null ? "" : manifestPath.get().strip();
        if (path.isEmpty()) {
            return "Choose the manifest file with the new Deployment (and its ConfigMaps or Secrets)";
        }
        return Files.isReadable(Path.of(path)) ? "" : "Cannot read " + path + ": choose an existing file";
    }

    public BooleanProperty useManifestProperty() {
        return useManifest;
    }

    public StringProperty manifestPathProperty() {
        return manifestPath;
    }

    public List<ContainerField> fields() {
        return fields;
    }

    public BooleanBinding valid() {
        return valid;
    }

    public StringBinding message() {
        return message;
    }

    public List<ImageChange> changes() {
        return fields.stream().filter(ContainerField::changed)
                .map(f -> new ImageChange(f.container(), f.imageProperty().get())).toList();
    }
}
