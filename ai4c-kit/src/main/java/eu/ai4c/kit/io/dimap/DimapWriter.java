package eu.ai4c.kit.io.dimap;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.ProductWriter;
import eu.ai4c.kit.io.envi.EnviBandFile;
import eu.ai4c.kit.io.envi.EnviHeader;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes BEAM-DIMAP, SNAP's native format: {@code name.dim} (XML header, see
 * {@link DimapDocument}) plus {@code name.data/} with one ENVI pair per band
 * ({@code band.hdr}, {@code band.img}, big-endian samples as SNAP writes them, {@code byte order = 1},
 * with "map info" and "coordinate system string" so GDAL and ENVI open the bands alone).
 *
 * <p>Streaming: the tile engine computes tiles in parallel and each tile is written straight to
 * its offset in the band files; memory depends on the tile size only. Atomic: the .data folder
 * and the .dim are written under temporary names and renamed (folder first, header last) only
 * when everything succeeded; a failure or cancellation leaves neither.</p>
 *
 * <p>Stateless and thread-safe. Complex bands are rejected (BEAM-DIMAP stores i/q as two bands).</p>
 */
public final class DimapWriter implements ProductWriter {

    @Override
    public List<String> formatNames() {
        return List.of("BEAM-DIMAP", "DIMAP");
    }

    @Override
    public String extension() {
        return ".dim";
    }

    @Override
    public Path write(Product product, Path target, ProcessingContext context) throws IOException {
        Raster raster = product.raster();
        for (Band b : raster.bands()) {
            if (b.type().isComplex()) {
                throw new Ai4cException("BEAM-DIMAP output of " + product.name() + ": band " + b.name()
                        + " is complex; write its i and q (or intensity) bands instead.");
            }
        }
        Path dim = target.toAbsolutePath();
        String file = dim.getFileName().toString();
        String name = file.toLowerCase(java.util.Locale.ROOT).endsWith(".dim") ? file.substring(0, file.length() - 4) : file;
        dim = dim.resolveSibling(name + ".dim");
        List<String> fileNames = bandFileNames(raster.bands());
        try (AtomicOutput out = AtomicOutput.create()) {
            Path dataDir = out.temporaryFor(dim.resolveSibling(name + ".data"));
            Path header = out.temporaryFor(dim);
            Files.createDirectory(dataDir);
            int n = raster.bands().size();
            EnviBandFile[] files = new EnviBandFile[n];
            try {
                for (int i = 0; i < n; i++) {
                    Band b = raster.bands().get(i);
                    EnviHeader h = EnviHeader.forBand(b, raster.width(), raster.height(), raster.geoCoding(), true,
                            "BEAM-DIMAP band " + b.name() + " of " + name);
                    Files.writeString(dataDir.resolve(fileNames.get(i) + ".hdr"), h.format(), StandardCharsets.ISO_8859_1);
                    files[i] = EnviBandFile.create(dataDir.resolve(fileNames.get(i) + ".img"), raster.width(),
                            raster.height(), b.type(), true);
                }
                int[] tile = raster.preferredTileSize();
                int[] bands = new int[n];
                for (int i = 0; i < n; i++) bands[i] = i;
                TileEngine.run("Writing " + dim.getFileName(), raster, bands,
                        new TileGrid(raster.width(), raster.height(), tile[0], tile[1]), context,
                        (col, row, blocks) -> {
                            for (int i = 0; i < blocks.length; i++) files[i].write(blocks[i]);
                        });
            } finally {
                for (EnviBandFile f : files) if (f != null) f.close();
            }
            String type = product.metadata().get("PRODUCT_TYPE").orElse("AI4C");
            try (OutputStream os = Files.newOutputStream(header)) {
                DimapDocument.write(os, name, raster, fileNames, product.metadata(), type);
            }
            out.commit();
        }
        return dim;
    }

    /** File names for the bands: the band name with characters unsafe in file names replaced, made unique. */
    static List<String> bandFileNames(List<Band> bands) {
        List<String> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Band b : bands) {
            String base = b.name().replaceAll("[^A-Za-z0-9_.+-]", "_");
            if (base.isEmpty() || base.startsWith(".")) base = "band" + base;
            String n = base;
            for (int k = 2; !used.add(n.toLowerCase(java.util.Locale.ROOT)); k++) n = base + "_" + k;
            out.add(n);
        }
        return out;
    }
}
