package org.esa.snap.core.datamodel;

import java.awt.Dimension;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Test stand-in for SNAP's class (see {@link ProductNode}). */
public class Product extends ProductNode {
    private final String type;
    private final int width;
    private final int height;
    private final List<Band> bands = new ArrayList<>();
    private final MetadataElement root = new MetadataElement("metadata");
    private GeoCoding geoCoding;
    /** Test only. */
    public Dimension preferredTileSize;
    /** Test only. */
    public File fileLocation;

    public Product(String name, String type, int sceneRasterWidth, int sceneRasterHeight) {
        super(name);
        this.type = type;
        this.width = sceneRasterWidth;
        this.height = sceneRasterHeight;
    }

    public String getProductType() {
        return type;
    }

    public Band addBand(String bandName, int dataType) {
        Band b = new Band(bandName, dataType, width, height);
        bands.add(b);
        return b;
    }

    public Band getBand(String name) {
        return bands.stream().filter(b -> b.getName().equals(name)).findFirst().orElse(null);
    }

    public Band[] getBands() {
        return bands.toArray(new Band[0]);
    }

    public int getSceneRasterWidth() {
        return width;
    }

    public int getSceneRasterHeight() {
        return height;
    }

    public GeoCoding getSceneGeoCoding() {
        return geoCoding;
    }

    public void setSceneGeoCoding(GeoCoding sceneGeoCoding) {
        this.geoCoding = sceneGeoCoding;
    }

    public MetadataElement getMetadataRoot() {
        return root;
    }

    public void setPreferredTileSize(int tileWidth, int tileHeight) {
        preferredTileSize = new Dimension(tileWidth, tileHeight);
    }

    public File getFileLocation() {
        return fileLocation;
    }
}
