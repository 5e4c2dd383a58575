package org.esa.snap.core.gpf.common;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.datamodel.VectorDataNode;
import org.esa.snap.core.gpf.Operator;
import org.esa.snap.core.gpf.OperatorException;
import org.esa.snap.core.gpf.OperatorSpi;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;
import org.esa.snap.core.gpf.annotations.Parameter;
import org.esa.snap.core.gpf.annotations.SourceProduct;
import org.esa.snap.core.gpf.annotations.TargetProduct;
import org.esa.snap.core.util.ProductUtils;

/**
 * Test stand-in for snap-gpf 13.0.2's {@code Import-Vector} ({@code ImportVectorOp}): the same
 * alias, fields and parameters (source alias {@code source}, {@code vectorFile}, {@code
 * separateShapes} default true); its target is a copy of the source's nodes plus one vector data
 * node per Shapefile, named after the file (SNAP: the feature type's name, which GeoTools' Shapefile
 * store takes from the file name) made unique with {@code _1}, {@code _2}, ... as SNAP's {@code
 * findUniqueVectorDataNodeName}. SNAP reads the features with GeoTools; this stand-in reads only
 * the number of records, from the {@code .shx} index (file length in 16-bit words at byte 24,
 * 100-byte header, 8 bytes a record), and fails as SNAP does on a missing file or a product
 * without geo-coding.
 */
@OperatorMetadata(alias = "Import-Vector", category = "Vector", description = "Imports a shape file into a product")
public class ImportVectorOp extends Operator {
    @SourceProduct(alias = "source")
    private Product sourceProduct;
    @TargetProduct
    private Product targetProduct;
    @Parameter(label = "Vector File")
    private File vectorFile;
    @Parameter(label = "Separate Shapes", defaultValue = "true")
    private boolean separateShapes = true;

    @Override
    public void initialize() throws OperatorException {
        targetProduct = new Product(sourceProduct.getName(), sourceProduct.getProductType(),
                sourceProduct.getSceneRasterWidth(), sourceProduct.getSceneRasterHeight());
        ProductUtils.copyProductNodes(sourceProduct, targetProduct);
        if (vectorFile == null) return;
        if (!vectorFile.getName().toLowerCase().endsWith(".shp")) {
            throw new OperatorException("stand-in Import-Vector reads Shapefiles only: " + vectorFile);
        }
        if (targetProduct.getSceneGeoCoding() == null) {
            throw new OperatorException("Current geo-coding cannot convert from geographic to pixel coordinates.");
        }
        int records;
        String n = vectorFile.getName();
        File shx = new File(vectorFile.getParentFile(), n.substring(0, n.length() - 4) + ".shx");
        try (InputStream in = Files.newInputStream(shx.toPath()); DataInputStream d = new DataInputStream(in)) {
            if (d.readInt() != 9994) throw new IOException("not a Shapefile index: " + shx);
            d.skipBytes(20);
            records = (int) ((d.readInt() * 2L - 100) / 8);
        } catch (IOException e) {
            throw new OperatorException("Failed to import geometry.\nAn I/O Error occurred:\n" + e.getMessage());
        }
        String name = n.substring(0, n.length() - 4);
        String unique = name;
        for (int i = 1; targetProduct.getVectorDataGroup().contains(unique); i++) unique = name + "_" + i;
        targetProduct.getVectorDataGroup().add(new VectorDataNode(unique, records));
    }

    public static class Spi extends OperatorSpi {
        public Spi() {
            super(ImportVectorOp.class);
        }
    }
}
