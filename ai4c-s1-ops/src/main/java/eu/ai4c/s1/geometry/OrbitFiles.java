package eu.ai4c.s1.geometry;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Chooses the orbit file for an acquisition among an {@code .EOF} file or a folder of them
 * (searched three levels deep): the files of the mission whose validity covers the acquisition,
 * precise ({@code POEORB}) before restituted ({@code RESORB}), then the most recently produced
 * (greatest file name). Stateless.
 */
public final class OrbitFiles {

    private OrbitFiles() {
    }

    /**
     * @param folderOrFile an {@code .EOF} file or a folder holding some
     * @param missionId    {@code S1A}, {@code S1B} or {@code S1C}
     * @param start        acquisition start (UTC)
     * @param stop         acquisition stop (UTC)
     * @return the chosen file, read completely
     * @throws Ai4cException when nothing covers the acquisition, naming its times and each file's validity
     */
    public static OrbitFile select(Path folderOrFile, String missionId, Instant start, Instant stop) {
        List<Path> candidates = candidates(folderOrFile);
        List<OrbitFile.Header> covering = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        String mission = missionId.trim().toUpperCase(Locale.ROOT);
        for (Path p : candidates) {
            OrbitFile.Header h;
            try {
                h = OrbitFile.readHeader(p);
            } catch (Ai4cException e) {
                seen.append("\n  ").append(p.getFileName()).append(": unreadable (").append(e.getMessage()).append(')');
                continue;
            }
            seen.append("\n  ").append(p.getFileName()).append(": ").append(h.mission()).append(' ')
                    .append(h.fileType()).append(", valid ").append(h.validityStart()).append(" to ")
                    .append(h.validityStop());
            if (h.mission().equals(mission) && h.covers(start, stop)) covering.add(h);
        }
        if (covering.isEmpty()) {
            throw new Ai4cException("No orbit file in " + folderOrFile + " covers the " + mission + " acquisition from "
                    + start + " to " + stop + ". Files found:" + (seen.length() == 0 ? " none" : seen)
                    + "\nGive the AUX_POEORB or AUX_RESORB file of that date, or leave out the orbit option to use "
                    + "the annotation's orbit state vectors.");
        }
        covering.sort(Comparator.comparing((OrbitFile.Header h) -> h.isPrecise() ? 0 : 1)
                .thenComparing(h -> h.file().getFileName().toString(), Comparator.reverseOrder()));
        return OrbitFile.read(covering.get(0).file());
    }

    private static List<Path> candidates(Path folderOrFile) {
        if (Files.isRegularFile(folderOrFile)) return List.of(folderOrFile);
        if (!Files.isDirectory(folderOrFile)) {
            throw Ai4cException.usage("Orbit path " + folderOrFile + " does not exist: give an .EOF orbit file or a "
                    + "folder of them.");
        }
        try (Stream<Path> s = Files.walk(folderOrFile, 3)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toUpperCase(Locale.ROOT).endsWith(".EOF"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new Ai4cException("Cannot list the orbit folder " + folderOrFile + ": " + e.getMessage(), e);
        }
    }
}
