package eu.ai4c.agri.composite;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The 12 written monthly composites read back lazily as one raster of {@code 12 × bands} bands,
 * month-major ({@code B02_2017-09, B03_2017-09, …, B02_2017-10, …}): the product that
 * {@link MonthlyCompositeOp#apply} returns. Thread-safe for reading.
 */
final class MonthlyStack implements Raster {
    private final List<Raster> months;
    private final List<Band> bands;
    private final int perMonth;

    private MonthlyStack(List<Raster> months, AgronomicYear year) {
        this.months = List.copyOf(months);
        this.perMonth = months.get(0).bands().size();
        List<Band> all = new ArrayList<>();
        for (int m = 0; m < months.size(); m++) {
            for (Band b : months.get(m).bands()) all.add(b.withName(b.name() + "_" + year.month(m)));
        }
        this.bands = List.copyOf(all);
    }

    /** Opens the monthly files (September first) as one product named after the first without its month. */
    static Product open(List<Path> files, AgronomicYear year, WarningListener warnings) throws IOException {
        GeoTiffReader reader = new GeoTiffReader(GeoTiffReader.DEFAULT_CACHE_BYTES, warnings);
        List<Raster> rasters = new ArrayList<>();
        for (Path f : files) rasters.add(reader.read(f).raster());
        String first = files.get(0).getFileName().toString();
        String name = first.substring(0, first.length() - ".tif".length() - "-09".length() - 4) + year.seasonStart();
        Metadata md = new Metadata("metadata").set("season_start", year.seasonStart());
        return new Product(name, new MonthlyStack(rasters, year), md, null);
    }

    @Override
    public int width() {
        return months.get(0).width();
    }

    @Override
    public int height() {
        return months.get(0).height();
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return months.get(0).geoCoding();
    }

    @Override
    public int[] preferredTileSize() {
        return months.get(0).preferredTileSize();
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        return months.get(band / perMonth).read(band % perMonth, region);
    }
}
