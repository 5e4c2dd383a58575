package eu.ai4c.desktop.products;

import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A product open in the desktop: its reference number, where it was read from, the format of the
 * reader that read it and the product (pixels stay on disk until a view reads them).
 *
 * @param refNo    the number the Products window shows before the name ({@code [2] scene}), as
 *                 SNAP does: products of the same name (an input and its output) stay apart
 * @param location the file or folder opened, absolute and normalised
 * @param format   the reader's format name ({@code GeoTIFF}, {@code SENTINEL-1 SAFE}, …)
 * @param product  the product as the reader gives it
 */
public record OpenProduct(int refNo, Path location, String format, Product product) {

    public OpenProduct {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(product, "product");
    }

    /** The name shown in the Products window: the product's own name. */
    public String name() {
        return product.name();
    }

    /** The bands with their properties, in product order. */
    public List<BandInfo> bands() {
        Raster r = product.raster();
        List<BandInfo> out = new ArrayList<>();
        List<Band> bands = r.bands();
        for (int i = 0; i < bands.size(); i++) out.add(new BandInfo(i, bands.get(i), r.width(), r.height()));
        return out;
    }

    /** The band names, in product order. */
    public List<String> bandNames() {
        return product.raster().bands().stream().map(Band::name).toList();
    }

    /** {@code [refNo] name}, as the tree and the dialogs' drop-downs show it. */
    @Override
    public String toString() {
        return "[" + refNo + "] " + name();
    }
}
