package eu.ai4c.desktop.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of one S2-CD result as {@code eu.ai4c.cd.cva.CvaOutputs} names them beside the main
 * output {@code <name>.tif}: {@code <name>_CVA.tif} (band 1 magnitude, band 2 angle in degrees),
 * {@code <name>_summary.json} and {@code <name>.tif.aux.xml} (class colours). Immutable value.
 *
 * @param classes the class GeoTIFF (uint8: 0 no change, 1…k classes, 255 no-data)
 * @param cva     the magnitude/angle GeoTIFF
 * @param summary the JSON summary; may not exist
 */
public record S2CdFiles(Path classes, Path cva, Path summary) {

    /**
     * The S2-CD result that {@code file} belongs to (the class GeoTIFF or its {@code _CVA.tif}),
     * when both GeoTIFFs exist.
     */
    public static Optional<S2CdFiles> find(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : ".tif";
        Path classes = base.endsWith("_CVA") ? folder.resolve(base.substring(0, base.length() - 4) + ext) : file;
        String cb = classes.getFileName().toString();
        cb = cb.contains(".") ? cb.substring(0, cb.lastIndexOf('.')) : cb;
        Path cva = folder.resolve(cb + "_CVA" + ext);
        if (!Files.isRegularFile(classes) || !Files.isRegularFile(cva)) return Optional.empty();
        return Optional.of(new S2CdFiles(classes.toAbsolutePath(), cva, folder.resolve(cb + "_summary.json")));
    }
}
